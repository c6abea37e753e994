import { describe, expect, it } from "vitest";
import { createClickAnalyzer } from "@/lib/recorder/click-analyzer";
import { describeTarget } from "@/lib/recorder/describe-target";
import { parseUserAgent } from "@/lib/recorder/device-info";

describe("rage clicks", () => {
  it("reports the third click on one target within a second, once per burst", () => {
    const clicks = createClickAnalyzer<string>();
    expect([clicks.click("a", 0), clicks.click("a", 300), clicks.click("a", 600), clicks.click("a", 700)]).toEqual([null, null, 3, null]);
  });

  it("does not count slow clicks or clicks on different targets", () => {
    const clicks = createClickAnalyzer<string>();
    expect([clicks.click("a", 0), clicks.click("a", 600), clicks.click("a", 1300)]).toEqual([null, null, null]);
    expect([clicks.click("a", 5000), clicks.click("b", 5100), clicks.click("a", 5200)]).toEqual([null, null, null]);
  });

  it("can report a new burst after the previous one ended", () => {
    const clicks = createClickAnalyzer<string>();
    [0, 100, 200].forEach((t) => clicks.click("a", t));
    expect([clicks.click("a", 5000), clicks.click("a", 5100), clicks.click("a", 5200)]).toEqual([null, null, 3]);
  });
});

describe("dead clicks", () => {
  it("a click with no DOM change or navigation within a second is dead; one with a reaction is not", () => {
    const clicks = createClickAnalyzer<string>();
    clicks.watch("save", 0, "save-info");
    clicks.watch("open", 100, "open-info");
    clicks.activity(400); // both got a reaction
    clicks.watch("broken", 2000, "broken-info");
    expect(clicks.due(2999)).toEqual([]);
    clicks.activity(1500); // a change before the click does not count
    expect(clicks.due(3000)).toEqual(["broken-info"]);
    expect(clicks.due(5000)).toEqual([]);
  });
});

describe("describeTarget", () => {
  it("gives tag, id and classes — never text — and leaves out names that look like data", () => {
    expect(describeTarget({ tagName: "BUTTON", id: "save", classList: ["primary", "large", "third"] })).toBe("button#save.primary.large");
    expect(describeTarget({ tagName: "A", id: "message-81234", classList: ["user@example.com", "rr-block", "nav"] })).toBe("a.nav");
    expect(describeTarget({ tagName: "DIV", getAttribute: (name) => (name === "data-testid" ? "join-button" : null) })).toBe("div[data-testid=join-button]");
  });
});

describe("parseUserAgent", () => {
  it("recognises common families without versions", () => {
    expect(parseUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36")).toEqual({ browser: "Chrome", os: "Linux", deviceType: "desktop" });
    expect(parseUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).toEqual({ browser: "Safari", os: "iOS", deviceType: "mobile" });
    expect(parseUserAgent("Mozilla/5.0 (Linux; Android 14; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36")).toEqual({ browser: "Chrome", os: "Android", deviceType: "tablet" });
    expect(parseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0")).toEqual({ browser: "Firefox", os: "Windows", deviceType: "desktop" });
  });
});

import { describe, expect, it } from "vitest";
import { stripQueryValues } from "@/lib/recording/event-format";
import type { RrwebEvent } from "@/lib/recording/protocol";
import { createScrubContext, scrubEvent, scrubEvents } from "@/lib/recording/scrub-events";
import { custom, fullSnapshot, inputEvent, meta, SECRET, textMutation } from "@/tests/support/rrweb-fixtures";

const events = (...list: unknown[]) => structuredClone(list) as RrwebEvent[];

describe("stripQueryValues", () => {
  it.each([
    ["/programs", "/programs"],
    ["/programs?q=secret&page=2", "/programs?q=&page="],
    ["/reset?token=abc#step", "/reset?token="],
    ["/a#only-hash", "/a"],
    ["http://localhost/x?email=a@b.c", "http://localhost/x?email="],
    ["/?", "/"],
  ])("%s → %s", (input, expected) => {
    expect(stripQueryValues(input)).toBe(expected);
  });
});

describe("scrubEvents", () => {
  it("masks every unmasked input value, textarea and contenteditable text, and empties blocked nodes", () => {
    const [snapshot] = scrubEvents(events(fullSnapshot(1)));
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain(SECRET);
    const body = (snapshot.data as { node: { childNodes: { childNodes: { childNodes: Record<string, unknown>[] }[] }[] } }).node.childNodes[0].childNodes[0];
    const [input, password, textarea, editable, composer, link] = body.childNodes as { attributes: Record<string, string>; childNodes: { textContent: string }[] }[];
    expect(input.attributes.value).toBe("*".repeat(SECRET.length));
    expect(input.attributes.placeholder).toBe("*".repeat(SECRET.length));
    expect(password.attributes.value).toMatch(/^\*+$/);
    expect(textarea.childNodes[0].textContent).toMatch(/^\*+$/);
    expect(editable.childNodes[0].textContent).toMatch(/^\*+$/);
    expect(composer.childNodes).toEqual([]);
    expect(composer.attributes).toEqual({ class: "composer rr-block", "data-private": "" });
    expect(link.attributes.href).toBe("http://localhost/reset?token=");
    expect(link.childNodes[0].textContent).toBe("Visible link text");
  });

  it("leaves already-masked values alone and counts only real corrections", () => {
    const context = createScrubContext();
    scrubEvents(events(fullSnapshot(1, { masked: true })), context);
    // rrweb masks values but not placeholders, and never serializes a blocked node's text: those two are corrected.
    expect(context.corrections).toBe(2);
  });

  it("masks input events and later text changes inside known textareas and contenteditables, in one stream", () => {
    const context = createScrubContext();
    const [, input, textareaText, editableText, plainText] = scrubEvents(
      events(fullSnapshot(1, { masked: true }), inputEvent(2, SECRET), textMutation(3, 7, SECRET), textMutation(4, 9, "typed here"), textMutation(5, 13, "New link text")),
      context,
    );
    expect((input.data as { text: string }).text).toBe("*".repeat(SECRET.length));
    expect(JSON.stringify(textareaText)).not.toContain(SECRET);
    expect((editableText.data as { texts: { value: string }[] }).texts[0].value).toBe("***** ****");
    expect((plainText.data as { texts: { value: string }[] }).texts[0].value).toBe("New link text");
  });

  it("drops nodes added inside a blocked element and masks value attributes set later", () => {
    const context = createScrubContext();
    const mutation = {
      type: 3,
      timestamp: 2,
      data: {
        source: 0,
        adds: [
          { parentId: 10, nextId: null, node: { type: 3, id: 50, textContent: SECRET } },
          { parentId: 3, nextId: null, node: { type: 2, id: 51, tagName: "input", attributes: { value: SECRET }, childNodes: [] } },
        ],
        removes: [],
        texts: [],
        attributes: [{ id: 4, attributes: { value: SECRET, "aria-valuetext": SECRET, class: "x" } }],
      },
    };
    const [, scrubbed] = scrubEvents(events(fullSnapshot(1, { masked: true }), mutation), context);
    const data = scrubbed.data as { adds: { node: { id: number } }[]; attributes: { attributes: Record<string, string> }[] };
    expect(data.adds.map((add) => add.node.id)).toEqual([51]);
    expect(JSON.stringify(scrubbed)).not.toContain(SECRET);
    expect(data.attributes[0].attributes.class).toBe("x");
  });

  it("strips query values from the page URL and drops custom events that are not Candor's", () => {
    const kept = scrubEvents(events(meta(1), custom(2, "candor/click", { page: "/", target: "a" }), custom(3, "someone/else", { SECRET })));
    expect(kept).toHaveLength(2);
    expect((kept[0].data as { href: string }).href).toBe("http://localhost/programs?q=");
  });

  it("keeps a single event's verdict: scrubEvent returns false only for foreign custom events", () => {
    const context = createScrubContext();
    expect(scrubEvent(context, events(custom(1, "x", {}))[0])).toBe(false);
    expect(scrubEvent(context, events(inputEvent(1, "a"))[0])).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { normalizeDevice, normalizeErrorMessage, normalizeName } from "@/lib/insights/normalize-text";
import { toCsv } from "@/lib/insights/to-csv";

describe("text that reaches insights", () => {
  it("scrubs error messages of emails, urls, ids, numbers and quoted values", () => {
    expect(normalizeErrorMessage("Failed to load https://x.example/programs/cl9xk2m3n0000qzrm4h5b6c7d?t=1 for ann@x.example")).toBe("Failed to load [url] for [email]");
    expect(normalizeErrorMessage("Invalid value 'Mia Member' at row 12")).toBe('Invalid value "…" at row [n]');
    expect(normalizeErrorMessage("x".repeat(500))).toHaveLength(160);
  });

  it("keeps feature names to identifier characters", () => {
    expect(normalizeName("  Export CSV!  ")).toBe("export-csv");
    expect(normalizeName("programs.create")).toBe("programs.create");
  });

  it("keeps the device family, not its version", () => {
    expect(normalizeDevice({ browser: "Chrome 126.0.1", os: "Mac OS 14.5", deviceType: "Mobile" })).toEqual({ browser: "Chrome", os: "Mac OS", deviceType: "mobile" });
    expect(normalizeDevice({ browser: "Firefox", os: "Linux", deviceType: "smart-fridge" }).deviceType).toBe("other");
    expect(normalizeDevice(undefined)).toEqual({ browser: "", os: "", deviceType: "" });
  });
});

describe("toCsv", () => {
  const columns = [
    { key: "route", label: "Route", format: "text" as const },
    { key: "views", label: "Page views", format: "int" as const },
  ];

  it("quotes, marks hidden cells and defuses formulas", () => {
    const csv = toCsv({
      columns,
      rows: [
        { route: "/a,b", views: 3 },
        { route: '=HYPERLINK("x")', views: null },
      ],
    });
    expect(csv).toBe('Route,Page views\r\n"/a,b",3\r\n"\'=HYPERLINK(""x"")",suppressed\r\n');
  });
});

import { describe, expect, it } from "vitest";
import { commissionInputValue, formatCommission, parseHundredths } from "@/lib/programs/commission";
import { programInputSchema, programListQuerySchema } from "@/lib/programs/schemas";

const valid = { name: "Acme", description: "", websiteUrl: "", commissionType: "PERCENT", commissionValue: "12.5", cookieDays: "30", status: "ACTIVE" };

const fieldsOf = (input: Record<string, string>) => {
  const result = programInputSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("commission", () => {
  it("parses up to two decimals exactly", () => {
    expect(parseHundredths("12.5")).toBe(1250);
    expect(parseHundredths("0.29")).toBe(29);
    expect(parseHundredths("$150")).toBe(15000);
    expect(parseHundredths("100.00")).toBe(10000);
    for (const bad of ["", "1.234", "-1", "abc", "1e3", "1,5", "."]) expect(parseHundredths(bad)).toBeNull();
  });

  it("formats percent and flat the way the list shows them", () => {
    expect(formatCommission("PERCENT", 1250)).toBe("12.5 %");
    expect(formatCommission("PERCENT", 1)).toBe("0.01 %");
    expect(formatCommission("FLAT", 15000)).toBe("$150.00 flat");
    expect(formatCommission("FLAT", 123456)).toBe("$1,234.56 flat");
    expect(commissionInputValue("PERCENT", 1250)).toBe("12.5");
    expect(commissionInputValue("FLAT", 15000)).toBe("150.00");
  });
});

describe("programInputSchema", () => {
  it("stores a percent as basis points and a flat amount as cents", () => {
    expect(programInputSchema.parse(valid)).toMatchObject({ commissionType: "PERCENT", commissionValue: 1250, cookieDays: 30 });
    expect(programInputSchema.parse({ ...valid, commissionType: "FLAT", commissionValue: "150" })).toMatchObject({ commissionValue: 15000 });
  });

  it("accepts the boundaries and refuses just past them", () => {
    expect(fieldsOf({ ...valid, commissionValue: "0.01" })).toEqual({});
    expect(fieldsOf({ ...valid, commissionValue: "100" })).toEqual({});
    expect(fieldsOf({ ...valid, commissionValue: "0" })).toHaveProperty("commissionValue");
    expect(fieldsOf({ ...valid, commissionValue: "100.01" })).toHaveProperty("commissionValue");
    expect(fieldsOf({ ...valid, commissionValue: "12.345" })).toHaveProperty("commissionValue");
    expect(fieldsOf({ ...valid, cookieDays: "1" })).toEqual({});
    expect(fieldsOf({ ...valid, cookieDays: "365" })).toEqual({});
    expect(fieldsOf({ ...valid, cookieDays: "0" })).toHaveProperty("cookieDays");
    expect(fieldsOf({ ...valid, cookieDays: "366" })).toHaveProperty("cookieDays");
    expect(fieldsOf({ ...valid, cookieDays: "7.5" })).toHaveProperty("cookieDays");
    expect(fieldsOf({ ...valid, name: "x".repeat(100) })).toEqual({});
    expect(fieldsOf({ ...valid, name: "x".repeat(101) })).toHaveProperty("name");
  });

  it("reports every bad field at once, the commission included", () => {
    const fields = fieldsOf({ ...valid, name: "  ", websiteUrl: "javascript:alert(1)", commissionValue: "150", status: "GONE" });
    expect(Object.keys(fields).sort()).toEqual(["commissionValue", "name", "status", "websiteUrl"]);
  });

  it("takes http(s) websites or none", () => {
    expect(fieldsOf({ ...valid, websiteUrl: "https://example.com/x" })).toEqual({});
    expect(fieldsOf({ ...valid, websiteUrl: "http://example.com" })).toEqual({});
    expect(fieldsOf({ ...valid, websiteUrl: "ftp://example.com" })).toHaveProperty("websiteUrl");
    expect(fieldsOf({ ...valid, websiteUrl: "example.com" })).toHaveProperty("websiteUrl");
  });

  it("refuses an unknown commission type", () => {
    expect(fieldsOf({ ...valid, commissionType: "BARTER" })).toHaveProperty("commissionType");
  });
});

describe("programListQuerySchema", () => {
  it("falls back to defaults for malformed query strings", () => {
    expect(programListQuerySchema.parse({})).toEqual({ q: "", page: 1, mine: undefined });
    expect(programListQuerySchema.parse({ q: ["a", "b"], page: "-3", mine: "everything" })).toEqual({ q: "", page: 1, mine: undefined });
    expect(programListQuerySchema.parse({ q: " solar ", page: "2", mine: "owned" })).toEqual({ q: "solar", page: 2, mine: "owned" });
  });
});

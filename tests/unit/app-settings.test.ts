import { describe, expect, it } from "vitest";
import { appSettingsSchema, DEFAULT_SETTINGS, settingsFromRows } from "@/lib/settings/definitions";

describe("app settings", () => {
  it("defaults to 90 days, asking for a view reason, and groups of at least 5", () => {
    expect(settingsFromRows([])).toEqual({ retentionDays: 90, requireViewReason: true, kAnonymity: 5 });
  });

  it("reads stored values and ignores unknown keys", () => {
    expect(settingsFromRows([{ key: "retentionDays", value: 30 }, { key: "requireViewReason", value: false }, { key: "other", value: 1 }])).toEqual({
      ...DEFAULT_SETTINGS,
      retentionDays: 30,
      requireViewReason: false,
    });
  });

  it("falls back to the default for a stored value outside the bounds", () => {
    expect(settingsFromRows([{ key: "retentionDays", value: 365 }]).retentionDays).toBe(90);
    expect(settingsFromRows([{ key: "kAnonymity", value: 1 }]).kAnonymity).toBe(5);
    expect(settingsFromRows([{ key: "requireViewReason", value: "no" }]).requireViewReason).toBe(true);
  });

  it("bounds retention to 1–90 whole days", () => {
    const retention = appSettingsSchema.shape.retentionDays;
    expect(retention.safeParse(1).success).toBe(true);
    expect(retention.safeParse(90).success).toBe(true);
    expect(retention.safeParse(0).success).toBe(false);
    expect(retention.safeParse(91).success).toBe(false);
    expect(retention.safeParse(7.5).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { medianOf } from "@/lib/insights/histogram-median";

describe("medianOf (time on page from histograms)", () => {
  it("takes the middle value of an odd count, whatever the bucket order", () => {
    expect(medianOf([{ bucket: 3000, n: 1 }, { bucket: 1000, n: 1 }, { bucket: 2000, n: 1 }])).toBe(2000);
  });

  it("interpolates between the two middle values of an even count, as percentile_cont(0.5) does", () => {
    expect(medianOf([{ bucket: 100, n: 2 }, { bucket: 300, n: 2 }])).toBe(200);
    expect(medianOf([{ bucket: 100, n: 3 }, { bucket: 300, n: 1 }])).toBe(100);
  });

  it("is null without durations", () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ bucket: 500, n: 0 }])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { applyFloor, floorCount, hiddenDaysNote, splitCells, suppressionNote } from "@/lib/insights/suppression";

describe("suppression rules", () => {
  it("keeps cells with at least K people on one day and folds the rest", () => {
    const { kept, small } = splitCells(
      [
        { key: "/a", users: 5 },
        { key: "/b", users: 4 },
        { key: "/c", users: 1 },
        { key: "/d", users: 12 },
      ],
      5,
    );
    expect(kept.map((cell) => cell.key)).toEqual(["/a", "/d"]);
    expect(small.map((cell) => cell.key)).toEqual(["/b", "/c"]);
  });

  it("shows zero and counts of K or more, hides 1 to K-1", () => {
    expect([0, 1, 4, 5, 6].map((n) => floorCount(n, 5))).toEqual([0, null, null, 5, 6]);
    expect(floorCount(2, 2)).toBe(2);
    expect(floorCount(1, 2)).toBeNull();
  });

  it("drops an Other group that is still under K and says so", () => {
    const rows = [
      { label: "/a", users: 7 },
      { label: null, users: 3 },
    ];
    expect(applyFloor(rows, 5)).toEqual({ rows: [{ label: "/a", users: 7 }], otherHidden: true });
    expect(applyFloor([{ label: null, users: 5 }], 5)).toEqual({ rows: [{ label: null, users: 5 }], otherHidden: false });
  });

  it("describes what was left out", () => {
    expect(suppressionNote({ k: 5, folded: 0, otherHidden: false, noun: "route" })).toBeNull();
    expect(suppressionNote({ k: 5, folded: 1, otherHidden: false, noun: "route" })).toBe("1 route used by fewer than 5 people on any single day is folded into “Other”.");
    expect(suppressionNote({ k: 3, folded: 2, otherHidden: true, noun: "feature" })).toBe(
      "2 features used by fewer than 3 people on any single day are hidden (even together they are under 3).",
    );
    expect(hiddenDaysNote({ k: 5, hidden: 0 })).toBeNull();
    expect(hiddenDaysNote({ k: 5, hidden: 3 })).toBe("3 days with fewer than 5 people are hidden.");
  });
});

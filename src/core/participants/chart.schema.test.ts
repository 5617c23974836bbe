import { describe, expect, it } from "vitest";
import { checkLevelChange, checkSobrietyDate } from "./chart.schema";

const episode = { levelOfCare: "2.1", admittedOn: "2026-10-01", dischargedOn: null, lastChangeOn: null };
const context = { today: "2026-11-23", levels: ["2.1", "1", "1.5"] };

describe("level-of-care changes", () => {
  it("accepts a dated step down inside an open episode", () => {
    expect(
      checkLevelChange(
        { toLevel: "1", changedOn: "2026-11-20", reason: "Met goals; stepping down" },
        episode,
        context,
      ),
    ).toEqual([]);
  });

  it("refuses a closed episode, the same level, a level not offered, and dates outside the episode", () => {
    const paths = (change: object, ep: object = episode) =>
      checkLevelChange(
        { toLevel: "1", changedOn: "2026-11-20", reason: "Stepping down", ...change },
        { ...episode, ...ep },
        context,
      ).map((p) => p.path);
    expect(paths({}, { dischargedOn: "2026-11-21" })).toEqual(["changedOn"]);
    expect(paths({ toLevel: "2.1" })).toEqual(["toLevel"]);
    expect(paths({ toLevel: "3.7" })).toEqual(["toLevel"]);
    expect(paths({ changedOn: "2026-11-24" })).toEqual(["changedOn"]);
    expect(paths({ changedOn: "2026-09-30" })).toEqual(["changedOn"]);
    expect(paths({ changedOn: "2026-11-02" }, { lastChangeOn: "2026-11-05" })).toEqual(["changedOn"]);
  });
});

describe("sobriety date", () => {
  it("may be cleared, and is never in the future or before birth", () => {
    expect(checkSobrietyDate(null, "1990-01-01", "2026-11-23")).toEqual([]);
    expect(checkSobrietyDate("2026-11-24", "1990-01-01", "2026-11-23")[0]!.path).toBe("sobrietyOn");
    expect(checkSobrietyDate("1989-12-31", "1990-01-01", "2026-11-23")[0]!.message).toMatch(
      /before the date of birth/,
    );
    expect(checkSobrietyDate("2026-08-01", "1990-01-01", "2026-11-23")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { latestScores, releasableCategories, summarizeAttendance } from "./release.rules";

describe("release categories", () => {
  it.each([
    [
      ["attendance", "diagnosis"],
      ["attendance", "diagnosis"],
    ],
    [["family_session_schedule", "attendance_summary"], []],
    [["counseling_notes"], []],
  ] as const)("a consent naming %j offers %j", (scope, offered) => {
    expect(releasableCategories({ informationScope: scope })).toEqual(offered);
  });

  it("the whole record offers every record category but never counseling notes", () => {
    const offered = releasableCategories({ informationScope: ["entire_record"] });
    expect(offered).toContain("treatment_plan");
    expect(offered).not.toContain("counseling_notes");
  });
});

describe("attendance in a release", () => {
  it("counts late and left-early as attended, excused and unexcused absences as missed, and cancellations as neither", () => {
    expect(
      summarizeAttendance([
        { occurredOn: "2026-02-02", status: "present", minutesAttended: 180 },
        { occurredOn: "2026-02-04", status: "late", minutesAttended: 150 },
        { occurredOn: "2026-02-06", status: "left_early", minutesAttended: 95 },
        { occurredOn: "2026-02-09", status: "absent_excused", minutesAttended: 0 },
        { occurredOn: "2026-02-11", status: "absent_unexcused", minutesAttended: 0 },
        { occurredOn: "2026-02-13", status: "cancelled_by_program", minutesAttended: 0 },
      ]),
    ).toEqual({ attended: 3, missed: 2, hours: 7, ratePercent: 60 });
  });

  it("has no rate when no session was held", () => {
    expect(summarizeAttendance([])).toEqual({ attended: 0, missed: 0, hours: 0, ratePercent: null });
  });
});

describe("latest scores", () => {
  it("keeps the newest score of each questionnaire, newest first", () => {
    const scores = [
      { instrumentKey: "phq9", completedOn: "2026-02-01", total: 14 },
      { instrumentKey: "gad7", completedOn: "2026-02-10", total: 6 },
      { instrumentKey: "phq9", completedOn: "2026-02-20", total: 9 },
    ];
    expect(latestScores(scores)).toEqual([scores[2], scores[1]]);
  });
});

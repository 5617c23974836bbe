import { describe, expect, it } from "vitest";
import {
  computeAttendanceRate,
  deriveAbsenceFindings,
  detectConsecutiveUnexcusedAbsences,
  detectLowAttendanceRate,
  type ParticipantOccurrence,
} from "./absence.rules";
import { absenceSettingsSchema, DEFAULT_ABSENCE_SETTINGS } from "./absence-settings.schema";
import type { AttendanceStatus } from "./attendance.schema";

const S = DEFAULT_ABSENCE_SETTINGS;

/** Short codes for a run of sessions: P present, L late, E left early, X excused, U unexcused, C cancelled, _ not recorded. */
const CODES: Record<string, AttendanceStatus | null> = {
  P: "present",
  L: "late",
  E: "left_early",
  X: "absent_excused",
  U: "absent_unexcused",
  C: "cancelled_by_program",
  _: null,
};

/** An evening track on Mon/Tue/Thu at 18:00 New York time, from Monday 2 March 2026 (across the DST change). */
const TRACK_DATES = [
  "2026-03-02",
  "2026-03-03",
  "2026-03-05",
  "2026-03-09",
  "2026-03-10",
  "2026-03-12",
  "2026-03-16",
  "2026-03-17",
  "2026-03-19",
];

function sessions(codes: string): ParticipantOccurrence[] {
  return [...codes].map((code, i) => {
    const date = TRACK_DATES[i]!;
    // 18:00 local is 23:00Z before 8 March (EST) and 22:00Z after (EDT).
    const startsAt = `${date}T${date < "2026-03-08" ? "23" : "22"}:00:00Z`;
    return { occurrenceId: `s${i + 1}`, date, startsAt, status: CODES[code]! };
  });
}

describe("two unexcused absences in a row", () => {
  it.each([
    ["two in a row at the end", "PPPUU", ["s4", "s5"]],
    ["across weeks: Thursday, then next Monday", "PPUU", ["s3", "s4"]],
    ["three in a row: one finding for the whole run", "PUUU", ["s2", "s3", "s4"]],
    ["a program cancellation in between does not break the run", "PUCU", ["s2", "s4"]],
    ["a session not recorded yet in between does not break it", "PU_U", ["s2", "s4"]],
    ["one unexcused absence", "PPU", null],
    ["an excused absence breaks the run", "UXU", null],
    ["attending breaks the run, even late", "UUL", null],
    ["no sessions", "", null],
  ])("%s (%s)", (_, codes, expected) => {
    const finding = detectConsecutiveUnexcusedAbsences(sessions(codes), S);
    expect(finding?.evidence ?? null).toEqual(
      expected && { kind: "session_occurrences", occurrenceIds: expected },
    );
  });

  it("says which sessions in plain words", () => {
    expect(detectConsecutiveUnexcusedAbsences(sessions("PPUU"), S)).toEqual({
      kind: "consecutive_unexcused_absences",
      severity: "warning",
      reason: "2 sessions in a row missed without an excuse: 2026-03-05 and 2026-03-09.",
      evidence: { kind: "session_occurrences", occurrenceIds: ["s3", "s4"] },
    });
    expect(detectConsecutiveUnexcusedAbsences(sessions("UUU"), S)?.reason).toBe(
      "3 sessions in a row missed without an excuse: 2026-03-02, 2026-03-03 and 2026-03-05.",
    );
  });

  it("orders sessions by their start, not by the order given; two on one day by the hour", () => {
    const monday = {
      occurrenceId: "monday",
      date: "2026-03-02",
      startsAt: "2026-03-02T23:00:00Z",
      status: "absent_unexcused",
    } as const;
    const morning = {
      occurrenceId: "morning",
      date: "2026-03-03",
      startsAt: "2026-03-03T14:00:00Z",
      status: "present",
    } as const;
    const evening = {
      occurrenceId: "evening",
      date: "2026-03-03",
      startsAt: "2026-03-03T23:00:00Z",
      status: "absent_unexcused",
    } as const;
    expect(detectConsecutiveUnexcusedAbsences([evening, morning, monday], S)).toBeNull();
    const morningMissed = { ...morning, status: "absent_unexcused" } as const;
    expect(detectConsecutiveUnexcusedAbsences([evening, morningMissed, monday], S)?.evidence).toEqual({
      kind: "session_occurrences",
      occurrenceIds: ["monday", "morning", "evening"],
    });
  });

  it("uses the program's count", () => {
    expect(detectConsecutiveUnexcusedAbsences(sessions("PUU"), { ...S, consecutiveUnexcused: 3 })).toBeNull();
    expect(
      detectConsecutiveUnexcusedAbsences(sessions("UUU"), { ...S, consecutiveUnexcused: 3 }),
    ).not.toBeNull();
  });

  it("refuses a start that is not an instant", () => {
    const bad = [
      { occurrenceId: "x", date: "2026-03-02", startsAt: "Monday evening", status: "present" as const },
    ];
    expect(() => detectConsecutiveUnexcusedAbsences(bad, S)).toThrow(RangeError);
  });
});

describe("attendance rate over the last 14 days", () => {
  // Today is Thursday 19 March: the window is 6–19 March (sessions s4 to s9).
  const TODAY = "2026-03-19";

  it.each([
    ["all attended", "PPPPPPPPP", 6, 6, 100, false],
    ["late and left early are attended sessions", "PPPLEPLEP", 6, 6, 100, false],
    ["sessions before the window do not count", "UUUPPPPPP", 6, 6, 100, false],
    ["5 of 6 (83 %)", "PPPUPPPPP", 6, 5, 83, false],
    ["4 of 6 (66 %): an alert", "PPPUPUPPP", 6, 4, 66, true],
    ["exactly 75 %, two sessions cancelled by the program left out: no alert", "PPPUPPPCC", 4, 3, 75, false],
    ["sessions not recorded are left out: 2 of 3", "PPPPP_U__", 3, 2, 66, true],
    ["only 1 session in the window: too few to judge", "UUUU_____", 1, 0, 0, false],
  ])("%s", (_, codes, sessionCount, attended, percent, alerts) => {
    const occurrences = sessions(codes);
    const rate = computeAttendanceRate(occurrences, TODAY, S);
    expect([rate.sessions, rate.attended, rate.percent]).toEqual([sessionCount, attended, percent]);
    expect(detectLowAttendanceRate(occurrences, TODAY, S) !== null).toBe(alerts);
  });

  it("names the window and counts excused absences as missed, by default", () => {
    const occurrences = sessions("PPPXXPUPP");
    expect(computeAttendanceRate(occurrences, TODAY, S)).toEqual({
      from: "2026-03-06",
      to: TODAY,
      sessions: 6,
      attended: 3,
      excusedMissed: 2,
      percent: 50,
      missedOccurrenceIds: ["s4", "s5", "s7"],
    });
    expect(detectLowAttendanceRate(occurrences, TODAY, S)).toEqual({
      kind: "low_attendance_rate",
      severity: "warning",
      reason:
        "Attended 3 of 6 sessions (50%) in the last 14 days, under the program's 75%. 2 excused absences count as missed.",
      evidence: { kind: "session_occurrences", occurrenceIds: ["s4", "s5", "s7"] },
    });
  });

  it("leaves excused absences out when the program says so", () => {
    const settings = { ...S, excusedCountsAsMissed: false };
    const rate = computeAttendanceRate(sessions("PPPXXPUPP"), TODAY, settings);
    expect([rate.sessions, rate.attended, rate.percent]).toEqual([4, 3, 75]);
    expect(detectLowAttendanceRate(sessions("PPPXXPUPP"), TODAY, settings)).toBeNull();
  });

  it("shows the percentage rounded down and compares without rounding", () => {
    // 2 of 3 is 66.7 %: shown as 66 %, and under a 67 % minimum (never "67 %, under 67 %").
    const occurrences = sessions("PPPPP_U__");
    const settings = { ...S, minimumRatePercent: 67 };
    expect(computeAttendanceRate(occurrences, TODAY, settings).percent).toBe(66);
    expect(detectLowAttendanceRate(occurrences, TODAY, settings)?.reason).toBe(
      "Attended 2 of 3 sessions (66%) in the last 14 days, under the program's 67%.",
    );
    expect(detectLowAttendanceRate(occurrences, TODAY, { ...S, minimumRatePercent: 66 })).toBeNull();
  });

  it("reports nothing without sessions", () => {
    expect(computeAttendanceRate([], TODAY, S).percent).toBeNull();
    expect(deriveAbsenceFindings([], TODAY, S)).toEqual([]);
  });
});

describe("both absence rules together", () => {
  it("raises either or both for the same participant", () => {
    const kinds = (codes: string, settings = S) =>
      deriveAbsenceFindings(sessions(codes), "2026-03-19", settings).map((f) => f.kind);
    expect(kinds("PPPPPPPUU")).toEqual(["consecutive_unexcused_absences", "low_attendance_rate"]);
    expect(kinds("PPPUPUPPP")).toEqual(["low_attendance_rate"]);
    // 4 of 6 is 66 %, above a 60 % minimum: only the run.
    expect(kinds("PPPPPPPUU", { ...S, minimumRatePercent: 60 })).toEqual(["consecutive_unexcused_absences"]);
  });
});

describe("absence settings", () => {
  const problems = (value: unknown) => {
    const parsed = absenceSettingsSchema.safeParse(value);
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };

  it("starts from two in a row, 75 % over 14 days, once 3 sessions are in the window", () => {
    expect(DEFAULT_ABSENCE_SETTINGS).toEqual({
      consecutiveUnexcused: 2,
      rateWindowDays: 14,
      minimumRatePercent: 75,
      minimumSessions: 3,
      excusedCountsAsMissed: true,
    });
    expect(problems(DEFAULT_ABSENCE_SETTINGS)).toEqual([]);
  });

  it.each([
    [{ consecutiveUnexcused: 1 }, "consecutiveUnexcused", "Use at least 2 absences."],
    [{ rateWindowDays: 91 }, "rateWindowDays", "Use at most 90 days."],
    [{ minimumRatePercent: 75.5 }, "minimumRatePercent", "Use a whole number of percent."],
    [{ minimumRatePercent: 0 }, "minimumRatePercent", "Use at least 1 percent."],
    [{ minimumSessions: "3" }, "minimumSessions", "Enter the number of sessions, from 1 to 50."],
    [{ excusedCountsAsMissed: "yes" }, "excusedCountsAsMissed", "Choose yes or no."],
  ])("refuses %j on its field", (change, path, message) => {
    expect(problems({ ...DEFAULT_ABSENCE_SETTINGS, ...change })).toEqual([{ path, message }]);
  });
});

import { describe, expect, it } from "vitest";
import type { ParticipantOccurrence } from "./absence.rules";
import { DEFAULT_ABSENCE_SETTINGS } from "./absence-settings.schema";
import type { AttendanceStatus } from "./attendance.schema";
import {
  type AttendanceAlertInput,
  AUTOMATIC_NOTE_PREFIX,
  candidateKeys,
  checkAbsenceRun,
  coversWeek,
  findAttendanceCandidates,
  planAttendanceAlerts,
  type StoredAttendanceAlert,
} from "./attendance-alerts.rules";
import { DEFAULT_PROGRAM_HOURS } from "./program-hours.schema";
import { computeWeeklyHours, type WeekOccurrence } from "./weekly-hours.rules";

const PID = "5b0f3a4e-0000-4000-8000-000000000001";
const MONDAY = "2026-03-09";

/** Monday to Thursday, 3 hours a day (12 hours: one session to spare); today is Wednesday. */
function week(marks: (AttendanceStatus | null)[], today = "2026-03-11") {
  const dates = ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"];
  const occurrences: WeekOccurrence[] = dates.map((date, i) => {
    const status = marks[i] ?? null;
    return {
      date,
      scheduledMinutes: 180,
      mark: status
        ? { status, minutesAttended: ["present", "late", "left_early"].includes(status) ? 180 : 0 }
        : null,
    };
  });
  return computeWeeklyHours(
    { weekStart: MONDAY, today, ageGroup: "adult", occurrences },
    DEFAULT_PROGRAM_HOURS,
  );
}

/** Sessions on the given dates at 18:00 New York (23:00 UTC in March before the change, 22:00 after). */
function sessions(...entries: [string, AttendanceStatus | null][]): ParticipantOccurrence[] {
  return entries.map(([date, status], i) => ({
    occurrenceId: `s${i + 1}`,
    date,
    startsAt: `${date}T22:00:00Z`,
    status,
  }));
}

function input(overrides: Partial<AttendanceAlertInput> = {}): AttendanceAlertInput {
  return {
    participantId: PID,
    today: "2026-03-11",
    week: week(["present", "present", null]),
    occurrences: [],
    settings: DEFAULT_ABSENCE_SETTINGS,
    ...overrides,
  };
}

const plan = (i: AttendanceAlertInput, stored: StoredAttendanceAlert[] = []) =>
  planAttendanceAlerts(findAttendanceCandidates(i), stored);

const weekAlert = (
  state: StoredAttendanceAlert["state"],
  kind: StoredAttendanceAlert["kind"] = "weekly_hours_short",
): StoredAttendanceAlert => ({ kind, evidenceId: PID, evidenceItem: MONDAY, state });

describe("the mid-week warning and the payer's days", () => {
  it("raises the warning on Wednesday when two absences leave the week out of reach, about that week", () => {
    const result = plan(input({ week: week(["absent_unexcused", "absent_unexcused", null]) }));
    expect(result.raise.map((r) => [r.kind, r.severity, r.evidence])).toEqual([
      ["weekly_hours_short", "warning", { kind: "attendance_week", id: PID, item: MONDAY }],
      ["payer_days_short", "info", { kind: "attendance_week", id: PID, item: MONDAY }],
    ]);
    expect(result.raise[0]!.reason).toContain("can reach at most 6 hours of the weekly minimum of 9 hours");
    expect(result.resolve).toEqual([]);
  });

  it.each([
    ["an unresolved one", "unresolved", 0],
    ["one a person resolved", "resolved_by_person", 0],
    ["only one resolved automatically", "resolved_automatically", 1],
  ] as const)("with %s about the week (%s), raises %i new warning(s)", (_, state, raised) => {
    const result = plan(input({ week: week(["absent_unexcused", "absent_unexcused", null]) }), [
      weekAlert(state),
    ]);
    expect(result.raise.filter((r) => r.kind === "weekly_hours_short")).toHaveLength(raised);
  });

  it("resolves the warning, with a note, once the week can reach the minimum again", () => {
    const result = plan(input({ week: week(["present", "absent_unexcused", null]) }), [
      weekAlert("unresolved"),
      weekAlert("unresolved", "payer_days_short"),
    ]);
    expect(result.raise).toEqual([]);
    expect(result.resolve).toEqual([
      {
        kind: "weekly_hours_short",
        evidence: { id: PID, item: MONDAY },
        note: `${AUTOMATIC_NOTE_PREFIX}the week of ${MONDAY} can reach the weekly minimum of 9 hours again (9 hours projected).`,
      },
      {
        kind: "payer_days_short",
        evidence: { id: PID, item: MONDAY },
        note: expect.stringMatching(/^Resolved automatically: the week of 2026-03-09 can have 3 days/),
      },
    ]);
  });

  it("leaves a week it does not evaluate (joined part-way) alone", () => {
    expect(plan(input({ week: null }), [weekAlert("unresolved")])).toEqual({ raise: [], resolve: [] });
  });
});

describe("absences", () => {
  const twoInARow = sessions(
    ["2026-03-02", "present"],
    ["2026-03-03", "absent_unexcused"],
    ["2026-03-05", "absent_unexcused"],
  );

  it("raises two unexcused absences in a row once, identified by the run's first session (its date to find its week)", () => {
    // No rate alert in this case: it needs more sessions than these.
    const settings = { ...DEFAULT_ABSENCE_SETTINGS, minimumSessions: 10 };
    const first = plan(input({ occurrences: twoInARow, settings }));
    expect(first.raise.map((r) => [r.kind, r.severity, r.evidence])).toEqual([
      [
        "consecutive_unexcused_absences",
        "warning",
        { kind: "attendance_record", id: "s2", item: "2026-03-03" },
      ],
    ]);
    expect(first.raise[0]!.reason).toBe(
      "2 sessions in a row missed without an excuse: 2026-03-03 and 2026-03-05.",
    );
    const stored: StoredAttendanceAlert = {
      kind: "consecutive_unexcused_absences",
      evidenceId: "s2",
      evidenceItem: null,
      state: "unresolved",
    };
    // A third absence lengthens the same run: still one alert.
    const third = [
      ...twoInARow,
      ...sessions(["2026-03-09", "absent_unexcused"]).map((o) => ({ ...o, occurrenceId: "s4" })),
    ];
    expect(plan(input({ occurrences: third, settings }), [stored]).raise).toEqual([]);
    expect(
      plan(input({ occurrences: twoInARow, settings }), [{ ...stored, state: "resolved_by_person" }]).raise,
    ).toEqual([]);
  });

  it("ignores sessions dated after today (an absence announced ahead)", () => {
    const ahead = sessions(["2026-03-03", "absent_unexcused"], ["2026-03-12", "absent_unexcused"]);
    expect(plan(input({ occurrences: ahead })).raise).toEqual([]);
  });

  it("resolves a run's alert when a correction breaks it, but not when the participant simply comes back", () => {
    const stored: StoredAttendanceAlert = {
      kind: "consecutive_unexcused_absences",
      evidenceId: "s2",
      evidenceItem: null,
      state: "unresolved",
    };
    const corrected = sessions(
      ["2026-03-02", "present"],
      ["2026-03-03", "absent_unexcused"],
      ["2026-03-05", "present"],
    );
    expect(plan(input({ occurrences: corrected }), [stored]).resolve).toEqual([
      {
        kind: "consecutive_unexcused_absences",
        evidence: { id: "s2", item: null },
        note: `${AUTOMATIC_NOTE_PREFIX}the attendance was corrected: these sessions are no longer 2 missed in a row without an excuse.`,
      },
    ]);
    const cameBack = [
      ...twoInARow,
      {
        occurrenceId: "s4",
        date: "2026-03-09",
        startsAt: "2026-03-09T22:00:00Z",
        status: "present" as const,
      },
    ];
    expect(plan(input({ occurrences: cameBack }), [stored]).resolve).toEqual([]);
  });

  it("raises a low rate once a week, not while one is unresolved", () => {
    const low = sessions(
      ["2026-03-02", "present"],
      ["2026-03-03", "absent_excused"],
      ["2026-03-05", "absent_excused"],
      ["2026-03-09", "present"],
    );
    const first = plan(input({ occurrences: low }));
    expect(first.raise.map((r) => [r.kind, r.evidence])).toEqual([
      ["low_attendance_rate", { kind: "attendance_week", id: PID, item: MONDAY }],
    ]);
    expect(first.raise[0]!.reason).toBe(
      "Attended 2 of 4 sessions (50%) in the last 14 days, under the program's 75%. 2 excused absences count as missed.",
    );
    const rate = (state: StoredAttendanceAlert["state"], item: string): StoredAttendanceAlert => ({
      kind: "low_attendance_rate",
      evidenceId: PID,
      evidenceItem: item,
      state,
    });
    expect(plan(input({ occurrences: low }), [rate("unresolved", "2026-03-02")]).raise).toEqual([]);
    expect(plan(input({ occurrences: low }), [rate("resolved_by_person", MONDAY)]).raise).toEqual([]);
    expect(plan(input({ occurrences: low }), [rate("resolved_by_person", "2026-03-02")]).raise).toHaveLength(
      1,
    );
  });
});

describe("candidateKeys", () => {
  it("names this week, the evaluated week and the run found now", () => {
    const c = findAttendanceCandidates(
      input({
        today: "2026-03-16",
        occurrences: sessions(["2026-03-12", "absent_unexcused"], ["2026-03-16", "absent_unexcused"]),
      }),
    );
    expect(candidateKeys(c)).toEqual({ evidenceItems: ["2026-03-16", MONDAY], evidenceIds: ["s1"] });
  });
});

describe("checkAbsenceRun", () => {
  const run = sessions(
    ["2026-03-03", "absent_unexcused"],
    ["2026-03-04", "cancelled_by_program"],
    ["2026-03-05", "absent_unexcused"],
  );
  it.each([
    ["holds across a session the program cancelled", run, "s1", "holds"],
    [
      "is broken when its first session was corrected",
      [{ ...run[0]!, status: "present" as const }, ...run.slice(1)],
      "s1",
      "broken",
    ],
    ["is broken when too few sessions are left", run.slice(0, 1), "s1", "broken"],
    ["is unknown when its first session is not given", run, "s9", "unknown"],
  ] as const)("%s", (_, occurrences, first, expected) => {
    expect(checkAbsenceRun(occurrences, first, 2)).toBe(expected);
  });
});

describe("coversWeek", () => {
  const WEEK = ["2026-03-09", "2026-03-15"] as const;
  it.each([
    ["an open enrollment joined before", [{ joinedOn: "2026-02-02", exitedOn: null }], true],
    ["joined on Monday", [{ joinedOn: "2026-03-09", exitedOn: null }], true],
    ["joined on Tuesday", [{ joinedOn: "2026-03-10", exitedOn: null }], false],
    ["left on Friday", [{ joinedOn: "2026-02-02", exitedOn: "2026-03-13" }], false],
    ["left on Sunday", [{ joinedOn: "2026-02-02", exitedOn: "2026-03-15" }], true],
    [
      "moved tracks on Wednesday",
      [
        { joinedOn: "2026-02-02", exitedOn: "2026-03-11" },
        { joinedOn: "2026-03-11", exitedOn: null },
      ],
      true,
    ],
    [
      "an old stay, then a new one from Monday",
      [
        { joinedOn: "2025-06-01", exitedOn: "2025-08-01" },
        { joinedOn: "2026-03-09", exitedOn: null },
      ],
      true,
    ],
    [
      "a gap on Thursday",
      [
        { joinedOn: "2026-02-02", exitedOn: "2026-03-11" },
        { joinedOn: "2026-03-13", exitedOn: null },
      ],
      false,
    ],
  ] as const)("%s: %s", (_, enrollments, expected) => {
    expect(coversWeek(enrollments, ...WEEK)).toBe(expected);
  });
});

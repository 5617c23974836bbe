import { describe, expect, it } from "vitest";
import type { AttendanceStatus } from "./attendance.schema";
import { formatHours } from "./attendance-findings";
import { type AgeGroup, DEFAULT_PROGRAM_HOURS, type ProgramHours } from "./program-hours.schema";
import {
  computeWeeklyHours,
  deriveWeeklyHoursFindings,
  isoWeekStart,
  type WeeklyHours,
  type WeekOccurrence,
} from "./weekly-hours.rules";

/** The week of Monday 2 March 2026 (its Sunday, 8 March, is the US spring-forward day). */
const MON = "2026-03-02";
const TUE = "2026-03-03";
const WED = "2026-03-04";
const THU = "2026-03-05";
const FRI = "2026-03-06";
const SUN = "2026-03-08";

/** A session: its date, its length, and the mark when there is one (minutes default by status). */
function session(
  date: string,
  minutes: number,
  status?: AttendanceStatus,
  attended?: number,
): WeekOccurrence {
  if (!status) return { date, scheduledMinutes: minutes, mark: null };
  const full = status === "present" ? minutes : 0;
  return { date, scheduledMinutes: minutes, mark: { status, minutesAttended: attended ?? full } };
}

/** "Morning dual-diagnosis": Mon–Thu, 3 hours each (12 h scheduled). */
const monToThu = (marks: Partial<Record<string, [AttendanceStatus, number?]>>) =>
  [MON, TUE, WED, THU].map((d) => session(d, 180, marks[d]?.[0], marks[d]?.[1]));

function week(
  occurrences: WeekOccurrence[],
  today: string,
  ageGroup: AgeGroup = "adult",
  hours: ProgramHours = DEFAULT_PROGRAM_HOURS,
): WeeklyHours {
  return computeWeeklyHours({ weekStart: MON, today, ageGroup, occurrences }, hours);
}

type Figures = Pick<
  WeeklyHours,
  "scheduledMinutes" | "attendedMinutes" | "projectedMinutes" | "minimumMinutes" | "verdict"
> & { countingDays: number; payer: WeeklyHours["payer"]["verdict"] };

const figures = (w: WeeklyHours): Figures => ({
  scheduledMinutes: w.scheduledMinutes,
  attendedMinutes: w.attendedMinutes,
  projectedMinutes: w.projectedMinutes,
  minimumMinutes: w.minimumMinutes,
  verdict: w.verdict,
  countingDays: w.payer.countingDays,
  payer: w.payer.verdict,
});

const ADOLESCENT_2H = (marks: Partial<Record<string, [AttendanceStatus, number?]>>) =>
  [MON, TUE, WED, THU].map((d) => session(d, 120, marks[d]?.[0], marks[d]?.[1]));

describe("weekly hours", () => {
  it.each<[string, WeekOccurrence[], string, AgeGroup, Figures]>([
    [
      "Monday morning, nothing marked yet: room to miss one session",
      monToThu({}),
      MON,
      "adult",
      {
        scheduledMinutes: 720,
        attendedMinutes: 0,
        projectedMinutes: 720,
        minimumMinutes: 540,
        verdict: "on_track",
        countingDays: 0,
        payer: "on_track",
      },
    ],
    [
      "absent on Monday: every remaining session is needed",
      monToThu({ [MON]: ["absent_unexcused"] }),
      MON,
      "adult",
      {
        scheduledMinutes: 720,
        attendedMinutes: 0,
        projectedMinutes: 540,
        minimumMinutes: 540,
        verdict: "at_risk",
        countingDays: 0,
        payer: "at_risk",
      },
    ],
    [
      "absent on Monday and Tuesday: 9 hours cannot be reached any more",
      monToThu({ [MON]: ["absent_unexcused"], [TUE]: ["absent_unexcused"] }),
      TUE,
      "adult",
      {
        scheduledMinutes: 720,
        attendedMinutes: 0,
        projectedMinutes: 360,
        minimumMinutes: 540,
        verdict: "cannot_reach",
        countingDays: 0,
        payer: "cannot_reach",
      },
    ],
    [
      "Thursday before the session, Wednesday excused: at risk",
      monToThu({ [MON]: ["present"], [TUE]: ["present"], [WED]: ["absent_excused"] }),
      THU,
      "adult",
      {
        scheduledMinutes: 720,
        attendedMinutes: 360,
        projectedMinutes: 540,
        minimumMinutes: 540,
        verdict: "at_risk",
        countingDays: 2,
        payer: "at_risk",
      },
    ],
    [
      "met on Thursday once the session is marked",
      monToThu({ [MON]: ["present"], [TUE]: ["present"], [WED]: ["absent_excused"], [THU]: ["present"] }),
      THU,
      "adult",
      {
        scheduledMinutes: 720,
        attendedMinutes: 540,
        projectedMinutes: 540,
        minimumMinutes: 540,
        verdict: "met",
        countingDays: 3,
        payer: "met",
      },
    ],
    [
      "late and left early count the minutes attended: 2 h 40 + 2 h 30 + 3 h + 3 h",
      monToThu({ [MON]: ["late", 160], [TUE]: ["left_early", 150], [WED]: ["present"], [THU]: ["present"] }),
      THU,
      "adult",
      {
        scheduledMinutes: 720,
        attendedMinutes: 670,
        projectedMinutes: 670,
        minimumMinutes: 540,
        verdict: "met",
        countingDays: 2,
        payer: "cannot_reach",
      },
    ],
    [
      "an adolescent's 6 hours: 2-hour sessions, one missed, the minimum met",
      ADOLESCENT_2H({
        [MON]: ["absent_unexcused"],
        [TUE]: ["present"],
        [WED]: ["present"],
        [THU]: ["present"],
      }),
      THU,
      "adolescent",
      {
        scheduledMinutes: 480,
        attendedMinutes: 360,
        projectedMinutes: 360,
        minimumMinutes: 360,
        verdict: "met",
        countingDays: 0,
        payer: "cannot_reach",
      },
    ],
    [
      "the same week for an adult falls short of 9 hours",
      ADOLESCENT_2H({
        [MON]: ["absent_unexcused"],
        [TUE]: ["present"],
        [WED]: ["present"],
        [THU]: ["present"],
      }),
      THU,
      "adult",
      {
        scheduledMinutes: 480,
        attendedMinutes: 360,
        projectedMinutes: 360,
        minimumMinutes: 540,
        verdict: "cannot_reach",
        countingDays: 0,
        payer: "cannot_reach",
      },
    ],
    [
      "a holiday cancelled by the program leaves the schedule, not the participant's hours",
      monToThu({
        [MON]: ["present"],
        [TUE]: ["present"],
        [WED]: ["cancelled_by_program"],
        [THU]: ["present"],
      }),
      THU,
      "adult",
      {
        scheduledMinutes: 540,
        attendedMinutes: 540,
        projectedMinutes: 540,
        minimumMinutes: 540,
        verdict: "met",
        countingDays: 3,
        payer: "met",
      },
    ],
    [
      "a day's sessions add up for the payer: a 2-hour group and a 1-hour individual session on Tuesday",
      [
        session(MON, 180, "present"),
        session(TUE, 120, "present"),
        session(TUE, 60, "present"),
        session(THU, 180, "present"),
      ],
      THU,
      "adult",
      {
        scheduledMinutes: 540,
        attendedMinutes: 540,
        projectedMinutes: 540,
        minimumMinutes: 540,
        verdict: "met",
        countingDays: 3,
        payer: "met",
      },
    ],
  ])("%s", (_, occurrences, today, ageGroup, expected) => {
    expect(figures(week(occurrences, today, ageGroup))).toEqual(expected);
  });

  it("a 2.5-hour day does not count for the payer's 3 hours, though the weekly minimum is met", () => {
    const w = week(
      [
        session(MON, 180, "present"),
        session(TUE, 180, "late", 150),
        session(WED, 180, "present"),
        session(THU, 180, "left_early", 150),
      ],
      SUN,
    );
    expect(w.verdict).toBe("met");
    expect(w.days.map((d) => [d.attendedMinutes, d.counts])).toEqual([
      [180, true],
      [150, false],
      [180, true],
      [150, false],
      [0, false],
      [0, false],
      [0, false],
    ]);
    expect(w.payer).toEqual({
      dailyMinimumMinutes: 180,
      daysRequired: 3,
      countingDays: 2,
      possibleDays: 0,
      scheduledDays: 4,
      verdict: "cannot_reach",
    });
  });

  it("a program whose payer counts 2.5-hour days counts that week as met", () => {
    const hours: ProgramHours = {
      ...DEFAULT_PROGRAM_HOURS,
      adult: { ...DEFAULT_PROGRAM_HOURS.adult, dailyMinimumMinutes: 150 },
    };
    const w = week(
      [session(MON, 180, "present"), session(TUE, 180, "late", 150), session(THU, 180, "left_early", 150)],
      SUN,
      "adult",
      hours,
    );
    expect(w.payer.countingDays).toBe(3);
    expect(w.payer.verdict).toBe("met");
  });

  it("a session not recorded yet is not an absence: it stays in the projection and is counted apart", () => {
    const w = week(monToThu({}), WED);
    expect(w).toMatchObject({
      openSessions: 4,
      unrecordedSessions: 2,
      projectedMinutes: 720,
      verdict: "on_track",
    });
  });

  it("an absence announced ahead for a later day counts now", () => {
    const w = week(monToThu({ [THU]: ["absent_excused"] }), MON);
    expect(w).toMatchObject({ openMinutes: 540, projectedMinutes: 540, verdict: "at_risk" });
  });

  it("at risk means no session can be missed: missing the longest one would leave the week short", () => {
    // 7 h attended; left: a 1-hour individual session and a 3-hour group. Missing the 1-hour one
    // still leaves 10 h, missing the group leaves 8 h: at risk.
    const w = week(
      [
        session(MON, 180, "present"),
        session(TUE, 180, "present"),
        session(WED, 60, "present"),
        session(THU, 60),
        session(FRI, 180),
      ],
      THU,
    );
    expect(w).toMatchObject({ attendedMinutes: 420, projectedMinutes: 660, verdict: "at_risk" });
  });

  it("flags a schedule at or above the 20-hour maximum and one under the minimum", () => {
    const heavy = week(
      [MON, TUE, WED, THU, FRI].map((d) => session(d, 240)),
      MON,
    );
    expect(heavy.scheduleAtOrAboveMaximum).toBe(true);
    const light = week([session(TUE, 180), session(THU, 180)], MON);
    expect(light).toMatchObject({
      scheduleBelowMinimum: true,
      scheduleAtOrAboveMaximum: false,
      verdict: "cannot_reach",
    });
  });

  it("places today before, in or after the week", () => {
    expect(week([], "2026-03-01").weekState).toBe("upcoming");
    expect(week([], SUN).weekState).toBe("in_progress");
    expect(week([], "2026-03-09").weekState).toBe("ended");
  });

  it("lists the seven days Monday to Sunday, across the spring-forward Sunday", () => {
    expect(week([], MON).days.map((d) => d.date)).toEqual([MON, TUE, WED, THU, FRI, "2026-03-07", SUN]);
  });

  it.each([
    [
      "a week not starting on Monday",
      { weekStart: TUE },
      "weekStart must be a Monday (YYYY-MM-DD), not 2026-03-03.",
    ],
    [
      "a session outside the week",
      { occurrences: [session("2026-03-09", 180)] },
      "A session on 2026-03-09 is outside the week 2026-03-02–2026-03-08.",
    ],
    [
      "minutes attended above the session's length",
      { occurrences: [session(MON, 180, "late", 200)] },
      "A session on 2026-03-02 marked late has 200 minutes attended (0 to 180 allowed).",
    ],
    [
      "minutes attended for an absence",
      { occurrences: [session(MON, 180, "absent_unexcused", 30)] },
      "A session on 2026-03-02 marked absent_unexcused has 30 minutes attended (0 to 0 allowed).",
    ],
    [
      "a session of part of a minute",
      { occurrences: [session(MON, 90.5)] },
      "A session's length is whole minutes from 1 to 1440, not 90.5.",
    ],
  ])("refuses %s as a caller's mistake", (_, change, message) => {
    expect(() =>
      computeWeeklyHours(
        { weekStart: MON, today: MON, ageGroup: "adult", occurrences: [], ...change },
        DEFAULT_PROGRAM_HOURS,
      ),
    ).toThrow(new RangeError(message));
  });
});

describe("the week's alerts", () => {
  it("warns mid-week when 9 hours cannot be reached after absences on Monday and Tuesday", () => {
    const w = week(monToThu({ [MON]: ["absent_unexcused"], [TUE]: ["absent_unexcused"] }), TUE);
    expect(deriveWeeklyHoursFindings(w)).toEqual([
      {
        kind: "weekly_hours_short",
        severity: "warning",
        reason:
          "The week of 2026-03-02 can reach at most 6 hours of the weekly minimum of 9 hours for adults, even attending every remaining session: 3 hours short.",
        evidence: { kind: "attendance_week", weekStart: MON },
      },
      {
        kind: "payer_days_short",
        severity: "info",
        reason:
          "The week of 2026-03-02 can have at most 2 days with 3 hours attended; the payer rule asks for 3.",
        evidence: { kind: "attendance_week", weekStart: MON },
      },
    ]);
  });

  it("says when the schedule itself, cut by the program's cancellations, is under the minimum", () => {
    const w = week(
      [session(MON, 180, "cancelled_by_program"), session(TUE, 180, "present"), session(THU, 180)],
      TUE,
    );
    expect(deriveWeeklyHoursFindings(w)[0]?.reason).toBe(
      "The week of 2026-03-02 can reach at most 6 hours of the weekly minimum of 9 hours for adults, even attending every remaining session: 3 hours short. The schedule has only 6 hours this week (3 hours cancelled by the program): schedule more to make it up.",
    );
  });

  it("says what the week reached once nothing is left", () => {
    const w = week(
      [session(MON, 180, "present"), session(TUE, 180, "late", 150), session(THU, 180, "present")],
      FRI,
    );
    expect(deriveWeeklyHoursFindings(w)[0]?.reason).toBe(
      "The week of 2026-03-02 reached only 8 hours 30 minutes of the weekly minimum of 9 hours for adults: 30 minutes short.",
    );
  });

  it("raises no payer note when the schedule never allowed the payer's days (a 2-hour adolescent track)", () => {
    const w = week(
      ADOLESCENT_2H({
        [MON]: ["absent_unexcused"],
        [TUE]: ["present"],
        [WED]: ["present"],
        [THU]: ["present"],
      }),
      THU,
      "adolescent",
    );
    expect(w.payer).toMatchObject({ scheduledDays: 0, verdict: "cannot_reach" });
    expect(deriveWeeklyHoursFindings(w)).toEqual([]);
  });

  it("raises nothing for a week on track, at risk or met", () => {
    for (const w of [
      week(monToThu({}), MON),
      week(monToThu({ [MON]: ["absent_unexcused"] }), MON),
      week(monToThu({ [MON]: ["present"], [TUE]: ["present"], [WED]: ["present"] }), WED),
    ])
      expect(deriveWeeklyHoursFindings(w)).toEqual([]);
  });
});

describe("individual and family sessions", () => {
  /** Groups Mon/Tue/Thu of 2½ hours: 7½ hours, under the adult minimum of 9 by themselves. */
  const groups = [MON, TUE, THU].map((d) => session(d, 150));

  it("count toward the week with the groups, each kind's part shown", () => {
    const individual: WeekOccurrence = { kind: "individual", date: WED, scheduledMinutes: 60, mark: null };
    const family: WeekOccurrence = {
      kind: "family",
      date: FRI,
      scheduledMinutes: 60,
      mark: { status: "present", minutesAttended: 60 },
    };
    const alone = week(groups, MON);
    expect([alone.scheduledMinutes, alone.verdict, alone.scheduleBelowMinimum]).toEqual([
      450,
      "cannot_reach",
      true,
    ]);

    const w = week([...groups, individual, family], MON);
    expect(figures(w)).toMatchObject({
      scheduledMinutes: 570,
      attendedMinutes: 60,
      projectedMinutes: 570,
      verdict: "at_risk",
    });
    expect(w.scheduleBelowMinimum).toBe(false);
    expect(w.byKind).toEqual({
      group: { scheduledMinutes: 450, attendedMinutes: 0 },
      individual: { scheduledMinutes: 60, attendedMinutes: 0 },
      family: { scheduledMinutes: 60, attendedMinutes: 60 },
    });
    expect(w.days.find((d) => d.date === FRI)).toMatchObject({ scheduledMinutes: 60, attendedMinutes: 60 });
  });

  it("leave the parts of a week of groups only all group", () => {
    expect(week(groups, MON).byKind).toEqual({
      group: { scheduledMinutes: 450, attendedMinutes: 0 },
      individual: { scheduledMinutes: 0, attendedMinutes: 0 },
      family: { scheduledMinutes: 0, attendedMinutes: 0 },
    });
  });
});

describe("helpers", () => {
  it.each([
    ["2026-03-02", "2026-03-02"],
    ["2026-03-08", "2026-03-02"],
    ["2026-01-01", "2025-12-29"],
    ["2024-03-01", "2024-02-26"],
  ])("the ISO week of %s starts on %s", (date, monday) => {
    expect(isoWeekStart(date)).toBe(monday);
  });

  it.each([
    [0, "0 hours"],
    [45, "45 minutes"],
    [60, "1 hour"],
    [61, "1 hour 1 minute"],
    [450, "7 hours 30 minutes"],
    [540, "9 hours"],
  ])("%s minutes read as %s", (minutes, words) => {
    expect(formatHours(minutes)).toBe(words);
  });
});

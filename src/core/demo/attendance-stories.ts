import { DEFAULT_ABSENCE_SETTINGS } from "../attendance/absence-settings.schema";
import { coversWeek, findAttendanceCandidates } from "../attendance/attendance-alerts.rules";
import type { AttendanceAlertKind, AttendanceFinding } from "../attendance/attendance-findings";
import { type AgeGroup, DEFAULT_PROGRAM_HOURS } from "../attendance/program-hours.schema";
import { computeWeeklyHours, type WeekOccurrence } from "../attendance/weekly-hours.rules";
import { addDays } from "../platform/dates";
import { PRESENT, type SessionOutcome } from "./attendance-styles";
import { DEMO_TRACKS } from "./demo-plan";
import type { DemoSession } from "./demo-sessions";
import { hashUnit } from "./random";

/**
 * This week's attendance stories of the demo's current participants, decided with the attendance
 * rules themselves (weekly hours, absences in a row, the rate over the window — what the hourly
 * alert sweep evaluates): a few weeks that can no longer reach the level-of-care minimum, one or
 * two runs of unexcused absences, one attendance rate under the program's minimum. Everyone else's
 * recent sessions are settled so that they raise nothing: a late arrival or a single miss is
 * ordinary in a real program, but the demo's alert inbox should tell these stories and no others
 * (a week whose schedule a holiday cuts below the minimum is the one exception: that alert is the
 * rule's for everyone on the track, and no attendance avoids it). Pure.
 */

export const ATTENDANCE_STORIES = ["short_week", "absences_in_a_row", "low_rate"] as const;
export type AttendanceStory = (typeof ATTENDANCE_STORIES)[number];

/**
 * Stories in the order they are handed out, one participant each: two short weeks, two runs of
 * absences (a run that falls in this week leaves it short too) and one low rate.
 */
const STORY_ORDER: readonly AttendanceStory[] = [
  "short_week",
  "absences_in_a_row",
  "low_rate",
  "short_week",
  "absences_in_a_row",
];

/** The program's settings the demo runs with (the defaults: the demo stores none). */
const HOURS = DEFAULT_PROGRAM_HOURS;
const ABSENCES = DEFAULT_ABSENCE_SETTINGS;

/** One current participant as the story picker sees them. */
export interface StoryCandidate {
  key: number;
  track: number;
  joinedOn: string;
}

export interface TrackWeek {
  /** Today and this week's Monday in the track's zone. */
  today: string;
  weekStart: string;
  ageGroup: AgeGroup;
  /** The track's sessions this week, cancelled ones included. */
  sessions: readonly DemoSession[];
  /** Now (ms since the epoch): the sessions that ended by then are over and marked. */
  nowMs: number;
}

function weekOccurrences(
  week: TrackWeek,
  joinedOn: string,
  markOf: (s: DemoSession) => SessionOutcome | null,
): WeekOccurrence[] {
  return week.sessions
    .filter((s) => s.date >= joinedOn)
    .map((s) => {
      const mark = s.cancelled ? { status: "cancelled_by_program" as const, minutesAttended: 0 } : markOf(s);
      return {
        date: s.date,
        scheduledMinutes: s.minutes,
        mark: mark ? { status: mark.status, minutesAttended: mark.minutesAttended } : null,
      };
    });
}

/** Whether missing every session over by now leaves this week under the minimum. */
function canFallShort(week: TrackWeek): boolean {
  const result = computeWeeklyHours(
    {
      weekStart: week.weekStart,
      today: week.today,
      ageGroup: week.ageGroup,
      occurrences: weekOccurrences(week, week.weekStart, (s) =>
        s.endsAtMs <= week.nowMs ? { status: "absent_excused", minutesAttended: 0, note: "" } : null,
      ),
    },
    HOURS,
  );
  return result.verdict === "cannot_reach" && !result.scheduleBelowMinimum;
}

/**
 * Who tells which story: current participants enrolled at least two weeks before this week began
 * (a whole week and a full rate window to judge), never the demo participant account, in an order
 * fixed by the seed. A short week only where the sessions already over can make one.
 */
export function pickAttendanceStories(
  seed: number,
  candidates: readonly StoryCandidate[],
  weeks: ReadonlyMap<number, TrackWeek>,
): Map<number, AttendanceStory> {
  const eligible = candidates
    .filter((c) => c.key !== 0 && c.joinedOn <= addDays(weeks.get(c.track)!.weekStart, -14))
    .sort((a, b) => hashUnit(seed, `story/${a.key}`) - hashUnit(seed, `story/${b.key}`));
  const shortPossible = new Map([...weeks].map(([track, week]) => [track, canFallShort(week)]));
  const stories = new Map<number, AttendanceStory>();
  const fits = (story: AttendanceStory, c: StoryCandidate) =>
    !stories.has(c.key) && (story !== "short_week" || shortPossible.get(c.track) === true);
  // Two absences in a row cost a track of four sessions a week less of its rate: on a track of three
  // they would also bring the rate under the minimum, which is another participant's story.
  const preferred = (story: AttendanceStory, c: StoryCandidate) =>
    story !== "absences_in_a_row" || DEMO_TRACKS[c.track]!.slots.length >= 4;
  for (const story of STORY_ORDER) {
    const who =
      eligible.find((c) => fits(story, c) && preferred(story, c)) ?? eligible.find((c) => fits(story, c));
    if (who) stories.set(who.key, story);
  }
  return stories;
}

/** A session with attendance recorded: a group mark or an individual or family session's. */
export interface RecordedSession {
  id: string;
  group: boolean;
  /** Its track's occurrence key (group sessions). */
  key: string | null;
  date: string;
  startsAt: string;
  endsAtMs: number;
  minutes: number;
  /** Where its outcome lives: changed in place when a story or the settling changes it. */
  holder: { outcome: SessionOutcome | null };
}

export interface ParticipantWeek {
  week: TrackWeek;
  /** The open enrollment's join date. */
  joinedOn: string;
  /** Every recorded session of the participant, in the order they took place. */
  recorded: RecordedSession[];
  /** Their individual and family sessions this week not cancelled, held or to come: they count in the week too. */
  appointments: readonly {
    kind: "individual" | "family";
    date: string;
    minutes: number;
    holder: { outcome: SessionOutcome | null };
  }[];
}

const outcomeOf = (r: RecordedSession) => r.holder.outcome!;

/**
 * The attendance findings the alert sweep would raise for this participant now. With `avoidable`,
 * only those their attendance could avoid: not the week's when its schedule is below the minimum.
 */
export function findingsNow(p: ParticipantWeek, avoidable = false): AttendanceFinding[] {
  const { week } = p;
  const marks = new Map(p.recorded.filter((r) => r.group).map((r) => [r.key, outcomeOf(r)]));
  const covers = coversWeek(
    [{ joinedOn: p.joinedOn, exitedOn: null }],
    week.weekStart,
    addDays(week.weekStart, 6),
  );
  const hours = covers
    ? computeWeeklyHours(
        {
          weekStart: week.weekStart,
          today: week.today,
          ageGroup: week.ageGroup,
          occurrences: [
            ...weekOccurrences(week, p.joinedOn, (s) => marks.get(s.key) ?? null),
            ...p.appointments.map((a) => ({
              kind: a.kind,
              date: a.date,
              scheduledMinutes: a.minutes,
              mark: a.holder.outcome
                ? { status: a.holder.outcome.status, minutesAttended: a.holder.outcome.minutesAttended }
                : null,
            })),
          ],
        },
        HOURS,
      )
    : null;
  const candidates = findAttendanceCandidates({
    participantId: "",
    today: week.today,
    week: hours,
    occurrences: p.recorded.map((r) => ({
      occurrenceId: r.id,
      date: r.date,
      startsAt: r.startsAt,
      status: outcomeOf(r).status,
    })),
    settings: ABSENCES,
  });
  const weekFindings = avoidable && hours?.scheduleBelowMinimum ? [] : candidates.weekFindings;
  return [...weekFindings, candidates.consecutive, candidates.rate].filter(
    (f): f is AttendanceFinding => f !== null,
  );
}

const absent = (excused: boolean, note: string): SessionOutcome => ({
  status: excused ? "absent_excused" : "absent_unexcused",
  minutesAttended: 0,
  note,
});

/** Tell the story in the participant's sessions, starting from a window of sessions attended. */
function tell(story: AttendanceStory, p: ParticipantWeek): void {
  const has = (kind: AttendanceAlertKind) => findingsNow(p).some((f) => f.kind === kind);
  const windowStart = addDays(p.week.today, -(ABSENCES.rateWindowDays - 1));
  if (story === "short_week") {
    // Sick since the start of the week: absences from the latest session back until it is out of reach.
    const thisWeek = p.recorded.filter((r) => r.date >= p.week.weekStart);
    for (let i = thisWeek.length - 1; i >= 0 && !has("weekly_hours_short"); i--) {
      thisWeek[i]!.holder.outcome = absent(true, i === 0 ? "Called in sick" : "Still sick: called in");
    }
  } else if (story === "absences_in_a_row") {
    for (const r of p.recorded.slice(-ABSENCES.consecutiveUnexcused)) {
      r.holder.outcome = absent(false, "No call, no show");
    }
  } else {
    // Drifting: came this week, but missed sessions before it — excused and unexcused in turn, so
    // never two unexcused in a row — until the rate is under the minimum.
    const before = p.recorded.filter((r) => r.date >= windowStart && r.date < p.week.weekStart);
    for (let i = before.length - 1, n = 0; i >= 0 && !has("low_attendance_rate"); i -= 1, n += 1)
      before[i]!.holder.outcome = absent(n % 2 === 1, n % 2 === 1 ? "Called ahead: work" : "");
  }
}

/**
 * Settle the participant's recent sessions so that only their story (if any) raises an alert: a
 * storyteller's sessions in the rate's window start from present and the story is told in them;
 * anyone else's latest non-present session in the window becomes present, again and again, until
 * nothing is raised. Returns the alert kinds the sweep will raise for them.
 */
export function settleRecentAttendance(
  story: AttendanceStory | null,
  p: ParticipantWeek,
): AttendanceAlertKind[] {
  const windowStart = addDays(p.week.today, -(ABSENCES.rateWindowDays - 1));
  const unsettled = () =>
    p.recorded.filter((r) => r.date >= windowStart && outcomeOf(r).status !== "present");
  if (story) {
    for (const r of unsettled()) r.holder.outcome = PRESENT(r.minutes);
    tell(story, p);
  } else {
    for (let open = unsettled(); findingsNow(p, true).length > 0 && open.length > 0; open = unsettled()) {
      const latest = open.at(-1)!;
      latest.holder.outcome = PRESENT(latest.minutes);
    }
  }
  return [...new Set(findingsNow(p).map((f) => f.kind))];
}

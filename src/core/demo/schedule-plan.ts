import type { AttendanceAlertKind } from "../attendance/attendance-findings";
import { isoWeekStart } from "../attendance/weekly-hours.rules";
import { addDays, toDayNumber } from "../platform/dates";
import {
  createInstantTable,
  createSlotBook,
  type DemoUnavailability,
  type FamilyAttendeePlan,
  type PlannedAppointment,
  planEpisodeAppointments,
  planUnavailability,
} from "./appointment-plan";
import {
  type AttendanceStory,
  type ParticipantWeek,
  pickAttendanceStories,
  type RecordedSession,
  settleRecentAttendance,
  type TrackWeek,
} from "./attendance-stories";
import { pickAttendanceStyle, planSessionOutcomes, type SessionOutcome } from "./attendance-styles";
import { DEMO_SITES, DEMO_TRACKS, type DemoParticipant, type DemoScale, SCALE_SPECS } from "./demo-plan";
import { type DemoSession, expandDemoSessions, localToday, sessionsBetween } from "./demo-sessions";
import { createRandom } from "./random";
import { holidaysBetween } from "./track-holidays";

/**
 * The demo's schedule: attendance at every group session of each scheduled episode (from joining its
 * track to leaving it, or to now), its individual and family sessions, the current participants'
 * declared unavailability, and this week's attendance stories. Deterministic from the seed, today
 * and now; planned participant by participant in plan order (the counselors' and rooms' hours are
 * shared), so a large plan is written in batches. Pure.
 */

export interface PlannedMark {
  track: number;
  key: string;
  /** Local date of the session. */
  date: string;
  sessionMinutes: number;
  /** The track meets by video: attendance is telehealth. */
  telehealth: boolean;
  startsAt: string;
  /** Recorded by a facilitator when the session ended. */
  recordedAt: string;
  outcome: SessionOutcome;
}

export interface EpisodeSchedule {
  /** Index of the episode in the participant's episodes. */
  n: number;
  track: number;
  marks: PlannedMark[];
  appointments: PlannedAppointment[];
}

export interface ParticipantSchedule {
  key: number;
  episodes: EpisodeSchedule[];
  unavailability: DemoUnavailability[];
  story: AttendanceStory | null;
  /** The attendance alerts the alert sweep raises for them now (current participants). */
  expectedAlerts: AttendanceAlertKind[];
}

/** Episodes discharged on or after this date get a schedule at this scale (see ScaleSpec.scheduleDays). */
export function scheduleSince(scale: DemoScale, today: string): string {
  return addDays(today, -SCALE_SPECS[scale].scheduleDays);
}

const isScheduled = (since: string, episode: { dischargedOn: string | null }) =>
  episode.dischargedOn === null || episode.dischargedOn >= since;

/**
 * Each track's places: its usual group size, or the most participants the plan has enrolled on
 * one day if that is more (the clinic and large scales admit more people than one group seats;
 * a real program would open a second group). Enrollment never exceeds the places.
 */
export function planTrackCapacities(plan: readonly DemoParticipant[], today: string): number[] {
  return DEMO_TRACKS.map((track, t) => {
    const changes = new Map<number, number>();
    for (const p of plan)
      for (const e of p.episodes) {
        if (e.track !== t) continue;
        const from = toDayNumber(e.admittedOn);
        const to = toDayNumber(e.dischargedOn ?? today) + 1;
        changes.set(from, (changes.get(from) ?? 0) + 1);
        changes.set(to, (changes.get(to) ?? 0) - 1);
      }
    let enrolled = 0;
    let peak = 0;
    for (const day of [...changes.keys()].sort((a, b) => a - b)) {
      enrolled += changes.get(day)!;
      peak = Math.max(peak, enrolled);
    }
    return Math.max(track.capacity, peak);
  });
}

export interface SchedulePlanner {
  /** Plan the next participants, in plan order. */
  plan(batch: readonly DemoParticipant[]): ParticipantSchedule[];
  stories: ReadonlyMap<number, AttendanceStory>;
}

/** Individual sessions of current participants are booked this many days ahead. */
const AHEAD_DAYS = 27;

export function createSchedulePlanner(options: {
  seed: number;
  scale: DemoScale;
  /** The demo's today (its westernmost site's date), and now. */
  today: string;
  nowMs: number;
  plan: readonly DemoParticipant[];
  /** The demo participant account's relative with a family account (family sessions include them). */
  linkedRelative: Omit<FamilyAttendeePlan, "linkedAccount">;
}): SchedulePlanner {
  const { seed, scale, today, nowMs } = options;
  const since = scheduleSince(scale, today);
  const scheduled = options.plan.flatMap((p) => p.episodes.filter((e) => isScheduled(since, e)));
  const earliest = scheduled.reduce((min, e) => (e.admittedOn < min ? e.admittedOn : min), today);
  const siteToday = DEMO_SITES.map((s) => localToday(s.timeZone, nowMs));
  const sessions: DemoSession[][] = DEMO_TRACKS.map((t, i) =>
    expandDemoSessions(i, today, earliest, siteToday[t.site]!),
  );
  const weeks = new Map<number, TrackWeek>(
    DEMO_TRACKS.map((t, i) => {
      const day = siteToday[t.site]!;
      const weekStart = isoWeekStart(day);
      return [
        i,
        {
          today: day,
          weekStart,
          ageGroup: t.audience,
          sessions: expandDemoSessions(i, today, weekStart, addDays(weekStart, 6)),
          nowMs,
        },
      ];
    }),
  );
  const stories = pickAttendanceStories(
    seed,
    options.plan.flatMap((p) => {
      const open = p.episodes.at(-1)!;
      return open.dischargedOn === null ? [{ key: p.key, track: open.track, joinedOn: open.admittedOn }] : [];
    }),
    weeks,
  );
  const slots = createSlotBook();
  const bookable = addDays(today, AHEAD_DAYS + 60);
  const instants = DEMO_SITES.map((_, site) => createInstantTable(site, earliest, bookable));
  const holidays = new Map(holidaysBetween(earliest, bookable).map((h) => [h.date, h.name]));

  function planParticipant(p: DemoParticipant): ParticipantSchedule {
    const day = siteToday[p.site]!;
    const current = p.episodes.at(-1)!.dischargedOn === null;
    const unavailability = current
      ? planUnavailability(createRandom(seed).fork(`unavailability/${p.key}`), p.episodes.at(-1)!.track)
      : [];
    const episodes: EpisodeSchedule[] = [];
    p.episodes.forEach((e, n) => {
      if (!isScheduled(since, e)) return;
      const random = createRandom(seed).fork(`schedule/${p.key}/${n}`);
      const style = pickAttendanceStyle(random, e);
      const until = e.dischargedOn ?? day;
      const held = sessionsBetween(sessions[e.track]!, e.admittedOn, until).filter(
        (s) => !s.cancelled && s.endsAtMs <= nowMs,
      );
      const outcomes = planSessionOutcomes(
        random,
        style,
        held.map((s) => s.minutes),
      );
      const marks = held.map((s, i) => ({
        track: e.track,
        key: s.key,
        date: s.date,
        sessionMinutes: s.minutes,
        telehealth: DEMO_TRACKS[e.track]!.telehealth,
        startsAt: s.startsAt,
        recordedAt: s.endsAt,
        outcome: outcomes[i]!,
      }));
      const open = e.dischargedOn === null;
      const appointments = planEpisodeAppointments(
        createRandom(seed).fork(`appointments/${p.key}/${n}`),
        slots,
        instants[p.site]!,
        {
          key: p.key,
          site: p.site,
          track: e.track,
          counselor: e.counselor,
          familyName: p.familyName,
          spanish: p.preferredLanguage === "es",
          admittedOn: e.admittedOn,
          dischargedOn: e.dischargedOn,
          today: day,
          nowMs,
          aheadDays: AHEAD_DAYS,
          style,
          holidays,
          unavailability,
          linkedRelative: p.key === 0 && open ? { ...options.linkedRelative, linkedAccount: true } : null,
        },
      );
      episodes.push({ n, track: e.track, marks, appointments });
    });

    const story = stories.get(p.key) ?? null;
    let expectedAlerts: AttendanceAlertKind[] = [];
    const open = p.episodes.at(-1)!;
    if (current && episodes.length > 0) {
      const recorded: RecordedSession[] = episodes
        .flatMap((e) => [
          ...e.marks.map((m) => ({
            id: `mark/${e.n}/${m.key}`,
            group: true,
            key: m.key,
            date: m.date,
            startsAt: m.startsAt,
            endsAtMs: Date.parse(m.recordedAt),
            minutes: m.sessionMinutes,
            holder: m as { outcome: SessionOutcome | null },
          })),
          ...e.appointments
            .filter((a) => a.outcome !== null)
            .map((a, i) => ({
              id: `appointment/${e.n}/${i}`,
              group: false,
              key: null,
              date: a.date,
              startsAt: a.startsAt,
              endsAtMs: a.endsAtMs,
              minutes: a.minutes,
              holder: a,
            })),
        ])
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : 1));
      const week = weeks.get(open.track)!;
      const weekEnd = addDays(week.weekStart, 6);
      const participantWeek: ParticipantWeek = {
        week,
        joinedOn: open.admittedOn,
        recorded,
        appointments: episodes.flatMap((e) =>
          e.appointments
            .filter((a) => a.status === "scheduled" && a.date >= week.weekStart && a.date <= weekEnd)
            .map((a) => ({ kind: a.kind, date: a.date, minutes: a.minutes, holder: a })),
        ),
      };
      expectedAlerts = settleRecentAttendance(story, participantWeek);
    }
    return { key: p.key, episodes, unavailability, story, expectedAlerts };
  }

  return {
    stories,
    plan: (batch) => batch.map(planParticipant),
  };
}

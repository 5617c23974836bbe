import { Temporal } from "temporal-polyfill";
import { planAdmission } from "../../core/demo/admission-history";
import { substanceOfDiagnosis } from "../../core/demo/assessment-answers";
import {
  type DemoCheckIn,
  type EpisodeShape,
  planCheckIns,
  shapeEpisode,
} from "../../core/demo/check-in-trajectories";
import {
  DEMO_EXTRA_COUNSELORS,
  DEMO_SITES,
  DEMO_TRACKS,
  type DemoParticipant,
} from "../../core/demo/demo-plan";
import {
  counselingRoomName,
  DEMO_COUNSELING_ROOMS,
  demoTrackSeries,
  facilitatedTrack,
} from "../../core/demo/demo-sessions";
import {
  type CheckInContext,
  checkInSubstance,
  detailCheckIn,
  planRecoveryTriggers,
  plansFor,
} from "../../core/demo/participant-app-stories";
import { createRandom } from "../../core/demo/random";
import { daysBetween, toDayNumber } from "../../core/platform/dates";
import { occurrenceKey } from "../../core/schedule/track-pattern.schema";
import type {
  checkIns,
  episodes,
  organisations,
  participants,
  rooms,
  sites,
  staffSites,
  trackEnrollments,
  trackExceptions,
  trackFacilitators,
  tracks,
  userRoles,
  users,
} from "../db/schema";
import type { CheckInWindow } from "./demo.sql";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN } from "./demo-accounts";
import { DEMO_ORGANISATION_ID, demoUuid } from "./demo-ids";

/** The demo plan turned into table rows with stable ids. No IO. */

export interface ProgramRows {
  organisation: typeof organisations.$inferInsert;
  sites: (typeof sites.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  userRoles: (typeof userRoles.$inferInsert)[];
  staffSites: (typeof staffSites.$inferInsert)[];
  /** Each track's group room, and each site's counseling rooms and family room. */
  rooms: (typeof rooms.$inferInsert)[];
  tracks: (typeof tracks.$inferInsert)[];
  /** The site's counselors share its tracks; holidays are cancelled from the start to a year ahead. */
  trackFacilitators: (typeof trackFacilitators.$inferInsert)[];
  trackExceptions: (typeof trackExceptions.$inferInsert)[];
  /** Counselor user ids per site, in plan order (the demo counselor account first at site 0). */
  counselorIds: string[][];
  /** Counseling room ids per site, in the order of DEMO_COUNSELING_ROOMS. */
  counselingRoomIds: string[][];
  participantUserId: string;
}

const emailFor = (displayName: string) =>
  `${displayName
    .normalize("NFD")
    .replace(/[^A-Za-z ]/g, "")
    .trim()
    .toLowerCase()
    .replace(/ +/g, ".")}@${DEMO_EMAIL_DOMAIN}`;

export const siteId = (site: number) => demoUuid(`site/${site}`);
export const trackId = (track: number) => demoUuid(`track/${track}`);
const groupRoomId = (track: number) => demoUuid(`track/${track}/room`);
const counselingRoomId = (site: number, room: number) => demoUuid(`site/${site}/room/${room}`);

/**
 * Organisation, sites, rooms, tracks (with their places: see planTrackCapacities), the demo accounts
 * and the counselors without sign-in.
 */
export function buildProgramRows(
  today: string,
  passwordHash: string,
  capacities: readonly number[],
): ProgramRows {
  const staff = [
    ...DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash })),
    ...DEMO_EXTRA_COUNSELORS.map((c) => ({
      email: emailFor(c.displayName),
      displayName: c.displayName,
      kind: "staff" as const,
      roles: ["counselor" as const],
      sites: [c.site],
      passwordHash: null,
    })),
  ];
  const rows: ProgramRows = {
    organisation: { id: DEMO_ORGANISATION_ID, name: "Harbor Light Recovery" },
    sites: DEMO_SITES.map((s, i) => ({
      id: siteId(i),
      organisationId: DEMO_ORGANISATION_ID,
      name: s.name,
      timeZone: s.timeZone,
      onCallPhone: s.onCallPhone,
    })),
    users: [],
    userRoles: [],
    staffSites: [],
    rooms: [
      ...DEMO_TRACKS.map((t, i) => ({ id: groupRoomId(i), siteId: siteId(t.site), name: t.location })),
      ...DEMO_SITES.flatMap((_, site) =>
        DEMO_COUNSELING_ROOMS.map((_, room) => ({
          id: counselingRoomId(site, room),
          siteId: siteId(site),
          name: counselingRoomName(site, room),
        })),
      ),
    ],
    tracks: DEMO_TRACKS.map((t, i) => {
      const { series } = demoTrackSeries(i, today);
      return {
        id: trackId(i),
        siteId: siteId(t.site),
        name: t.name,
        levelOfCare: "2.1",
        audience: t.audience,
        capacity: capacities[i]!,
        timeZone: series.timeZone,
        startsOn: series.startsOn,
        pattern: { slots: t.slots.map((slot) => ({ ...slot })) },
        location: t.location,
        telehealth: t.telehealth,
        roomId: groupRoomId(i),
      };
    }),
    trackFacilitators: [],
    trackExceptions: DEMO_TRACKS.flatMap((_, i) =>
      demoTrackSeries(i, today).exceptions.map((exception) => ({
        id: demoUuid(`track/${i}/exception/${occurrenceKey(exception.on)}`),
        trackId: trackId(i),
        occurrenceKey: occurrenceKey(exception.on),
        kind: exception.kind,
        reason: exception.reason,
      })),
    ),
    counselorIds: DEMO_SITES.map(() => []),
    counselingRoomIds: DEMO_SITES.map((_, site) =>
      DEMO_COUNSELING_ROOMS.map((_, room) => counselingRoomId(site, room)),
    ),
    participantUserId: "",
  };
  for (const person of staff) {
    const id = demoUuid(`user/${person.email}`);
    rows.users.push({
      id,
      email: person.email,
      displayName: person.displayName,
      kind: person.kind,
      locale: "en",
      passwordHash: person.passwordHash,
    });
    if (person.kind === "participant") rows.participantUserId = id;
    if (person.kind !== "staff") continue;
    rows.userRoles.push(...person.roles.map((role) => ({ userId: id, role })));
    rows.staffSites.push(...person.sites.map((site) => ({ userId: id, siteId: siteId(site) })));
    if (person.roles.includes("counselor"))
      for (const site of person.sites) rows.counselorIds[site]!.push(id);
  }
  // Counselors take turns across their site's tracks (a site with one track: all of them).
  DEMO_SITES.forEach((_, site) => {
    rows.counselorIds[site]!.forEach((userId, n) => {
      rows.trackFacilitators.push({ trackId: trackId(facilitatedTrack(site, n)), userId });
    });
  });
  return rows;
}

export const staffCount = (program: ProgramRows) => program.users.filter((u) => u.kind === "staff").length;

export const participantId = (seed: number, key: number) => demoUuid(`${seed}/participant/${key}`);
export const episodeId = (seed: number, key: number, n: number) => demoUuid(`${seed}/episode/${key}/${n}`);

/** Participant and episode rows; the first planned participant is the demo participant account. */
export function buildParticipantRows(seed: number, plan: DemoParticipant[], program: ProgramRows) {
  const account = DEMO_ACCOUNTS.find((a) => a.kind === "participant")!;
  const [accountGiven, accountFamily] = account.displayName.split(" ");
  const participantRows: (typeof participants.$inferInsert)[] = plan.map((p) => ({
    id: participantId(seed, p.key),
    siteId: siteId(p.site),
    userId: p.key === 0 ? program.participantUserId : null,
    givenName: p.key === 0 ? accountGiven! : p.givenName,
    familyName: p.key === 0 ? accountFamily! : p.familyName,
    bornOn: p.bornOn,
    preferredLanguage: p.preferredLanguage,
    sobrietyOn: p.sobrietyOn,
  }));
  const episodeRows: (typeof episodes.$inferInsert)[] = plan.flatMap((p) =>
    p.episodes.map((e, n) => ({
      id: episodeId(seed, p.key, n),
      participantId: participantId(seed, p.key),
      siteId: siteId(p.site),
      trackId: trackId(e.track),
      primaryCounselorId: program.counselorIds[p.site]![e.counselor]!,
      levelOfCare: "2.1",
      admittedOn: e.admittedOn,
      dischargedOn: e.dischargedOn,
      dischargeReason: e.dischargeReason,
    })),
  );
  // Each episode's place in its track: joined at admission, exited at discharge.
  const enrollmentRows: (typeof trackEnrollments.$inferInsert)[] = plan.flatMap((p) =>
    p.episodes.map((e, n) => ({
      id: demoUuid(`${seed}/enrollment/${p.key}/${n}`),
      trackId: trackId(e.track),
      participantId: participantId(seed, p.key),
      episodeId: episodeId(seed, p.key, n),
      status: e.dischargedOn === null ? "enrolled" : "exited",
      joinedOn: e.admittedOn,
      exitedOn: e.dischargedOn,
      exitReason: e.dischargedOn === null ? null : "discharged",
    })),
  );
  return { participantRows, episodeRows, enrollmentRows };
}

/** Each episode's check-in window: admission to discharge, or to today while it is open. */
export function windowsOf(seed: number, person: DemoParticipant, today: string) {
  return person.episodes.map((e, n) => {
    const from = e.admittedOn;
    const days = daysBetween(from, e.dischargedOn ?? today) + 1;
    const random = createRandom(seed).fork(`check-ins/${person.key}/${n}`);
    return { n, from, random, shape: shapeEpisode(random, e.trajectory, days) };
  });
}

/** The instant of a local time of day in a zone (midnight offsets cached: a few per day and zone). */
function localClock() {
  const midnights = new Map<string, number>();
  return (zone: string, day: string, minute: number) => {
    const key = `${zone}/${day}`;
    let midnight = midnights.get(key);
    if (midnight === undefined) {
      midnight = Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
      midnights.set(key, midnight);
    }
    return midnight + minute * 60_000;
  };
}

/** What a participant's check-ins can name: their language, primary substance and plan's triggers. */
function checkInContext(seed: number, person: DemoParticipant, n: number): CheckInContext {
  const episode = person.episodes[n]!;
  const admission = planAdmission(seed, episodeId(seed, person.key, n), episode.admittedOn);
  const open = episode.dischargedOn === null;
  return {
    language: person.preferredLanguage,
    substance: checkInSubstance(substanceOfDiagnosis(admission.primaryCode)),
    planTriggers:
      open && plansFor(seed, person.key, episode.trajectory).recovery
        ? planRecoveryTriggers(seed, person.key, person.preferredLanguage)
        : [],
    trajectory: episode.trajectory,
  };
}

/**
 * Check-in rows computed here (small and clinic scales), with what the app records besides the
 * scores (src/core/demo/participant-app-stories.ts); skills follow later from the groups attended.
 * Filled in on the evening (or morning) of the day, received at once or, when it waited offline,
 * hours later — never after `nowMs`.
 */
export function buildCheckInRows(
  seed: number,
  plan: DemoParticipant[],
  today: string,
  nowMs: number,
): (typeof checkIns.$inferInsert)[] {
  const clock = localClock();
  return plan.flatMap((person) => {
    const zone = DEMO_SITES[person.site]!.timeZone;
    return windowsOf(seed, person, today).flatMap(({ n, from, random, shape }) => {
      const context = checkInContext(seed, person, n);
      const details = createRandom(seed).fork(`check-in-detail/${person.key}/${n}`);
      // One hashed id per episode, the day number in its last group: unique per participant, and cheap.
      const keyBase = demoUuid(`${seed}/check-in/${person.key}/${n}`).slice(0, 24);
      return planCheckIns(random, shape, from).map((c: DemoCheckIn) => {
        const d = detailCheckIn(details, context, c);
        const recordedMs = Math.min(clock(zone, c.on, d.minuteOfDay), nowMs - 10 * 60_000);
        const receivedMs = Math.min(recordedMs + d.delayMinutes * 60_000 + 2_000, nowMs);
        return {
          participantId: participantId(seed, person.key),
          episodeId: episodeId(seed, person.key, n),
          checkedInOn: c.on,
          idempotencyKey: `${keyBase}${toDayNumber(c.on).toString(16).padStart(12, "0")}`,
          recordedAt: new Date(recordedMs),
          createdAt: new Date(receivedMs),
          queuedOffline: d.queuedOffline,
          mood: c.mood,
          craving: c.craving,
          sleepHours: c.sleepHours.toFixed(1),
          sleepQuality: d.sleepQuality,
          anyUse: c.anyUse,
          substances: d.substances,
          useDetail: d.useDetail,
          triggers: d.triggers,
          wentWell: d.wentWell,
          wantsToTalk: d.wantsToTalk,
          selfHarmThoughts: d.selfHarmThoughts,
          language: context.language,
        };
      });
    });
  });
}

/** Check-in windows for the database to fill in (benchmark scale). */
export function buildCheckInWindows(seed: number, plan: DemoParticipant[], today: string): CheckInWindow[] {
  return plan.flatMap((person) =>
    windowsOf(seed, person, today).map(
      ({ n, from, shape }: { n: number; from: string; shape: EpisodeShape }) => ({
        participantId: participantId(seed, person.key),
        key: person.key * 4 + n,
        fromOn: from,
        days: shape.days,
        trajectory: shape.trajectory,
        rate: shape.rate,
        startMood: shape.startMood,
        startCraving: shape.startCraving,
        lapseDay: shape.lapseDay,
        silentDays: shape.silentDays,
        episodeId: episodeId(seed, person.key, n),
        language: person.preferredLanguage,
        substance: checkInContext(seed, person, n).substance,
        timeZone: DEMO_SITES[person.site]!.timeZone,
      }),
    ),
  );
}

import type { DischargeReason } from "../participants/episodes.schema";
import { addDays } from "../platform/dates";
import type { Trajectory } from "./check-in-trajectories";
import { FAMILY_NAMES_EN, FAMILY_NAMES_ES, GIVEN_NAMES_EN, GIVEN_NAMES_ES } from "./names";
import { createRandom, type Random } from "./random";

/**
 * The demo program as plain data, derived only from a seed, a scale and today's date. Storage
 * (src/server/demo) writes it; nothing here does IO.
 */

export const DEMO_SCALES = ["small", "clinic", "large"] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

interface ScaleSpec {
  current: number;
  past: number;
  /** How far back admissions of past participants reach. */
  days: number;
  /**
   * Benchmark scale: committed in batches (restartable) and check-ins computed inside the
   * database, instead of one transaction with check-ins computed here.
   */
  bulk: boolean;
  /** Each track's share of admissions (adult evening, morning dual-diagnosis, adolescent). */
  trackShares: readonly [number, number, number];
  /**
   * Which episodes get group attendance and individual and family sessions: those still open or
   * discharged within this many days of today. Small and clinic: every episode (a year of sessions).
   * Large: the current participants and those discharged in the last 90 days — a year of attendance
   * for the 126,000 past participants would be about 800,000 marks, each insert checked against
   * three foreign keys, adding minutes to a generation that no page or benchmark needs.
   */
  scheduleDays: number;
}

export const SCALE_SPECS: Record<DemoScale, ScaleSpec> = {
  small: { current: 8, past: 20, days: 180, bulk: false, trackShares: [0.5, 0.35, 0.15], scheduleDays: 180 },
  clinic: {
    current: 60,
    past: 200,
    days: 365,
    bulk: false,
    trackShares: [0.5, 0.35, 0.15],
    scheduleDays: 365,
  },
  // The adolescent site (Northgate) takes 5 % of admissions: about 200 current participants, the
  // site the weekly-hours benchmark reads; Riverside carries the rest of the volume.
  large: {
    current: 4_000,
    past: 126_000,
    days: 5 * 365,
    bulk: true,
    trackShares: [0.55, 0.4, 0.05],
    scheduleDays: 90,
  },
};

/** Fictional on-call numbers in the 555-01xx range reserved for fiction. */
export const DEMO_SITES = [
  { name: "Riverside", timeZone: "America/New_York", onCallPhone: "(555) 010-4400" },
  { name: "Northgate", timeZone: "America/Chicago", onCallPhone: "(555) 010-4410" },
] as const;

/**
 * The demo's three tracks, each with the weekly pattern its name promises (ISO weekdays, local
 * times in the site's zone) and a room.
 */
export const DEMO_TRACKS = [
  {
    name: "Adult evening (Mon, Tue, Thu 18:00–21:00)",
    site: 0,
    audience: "adult",
    capacity: 14,
    slots: [1, 2, 4].map((weekday) => ({ weekday, start: "18:00", end: "21:00" })),
    location: "Riverside, group room A",
    telehealth: false,
  },
  {
    name: "Morning dual-diagnosis (Mon–Thu 09:00–12:00)",
    site: 0,
    audience: "adult",
    capacity: 12,
    slots: [1, 2, 3, 4].map((weekday) => ({ weekday, start: "09:00", end: "12:00" })),
    location: "Riverside, group room B",
    telehealth: false,
  },
  {
    name: "Adolescent after-school (Mon, Wed, Thu 15:30–17:30)",
    site: 1,
    audience: "adolescent",
    capacity: 10,
    slots: [1, 3, 4].map((weekday) => ({ weekday, start: "15:30", end: "17:30" })),
    location: "Northgate, teen room",
    telehealth: false,
  },
] as const;

/** Counselors without sign-in accounts, in addition to the demo counselor account (site 0). */
export const DEMO_EXTRA_COUNSELORS = [
  { displayName: "Marisol Ibáñez", site: 0 },
  { displayName: "Theo Lindgren", site: 0 },
  { displayName: "Grace Adeyemi", site: 0 },
  { displayName: "Rafael Ortega", site: 1 },
  { displayName: "Wren Halloway", site: 1 },
] as const;

export interface DemoEpisode {
  track: number;
  /** Index into the site's counselors (the demo counselor account is counselor 0 of site 0). */
  counselor: number;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: DischargeReason | null;
  trajectory: Trajectory;
}

export interface DemoParticipant {
  key: number;
  site: number;
  givenName: string;
  familyName: string;
  bornOn: string;
  preferredLanguage: "en" | "es";
  sobrietyOn: string;
  /** Oldest first; at most the last one is open. */
  episodes: DemoEpisode[];
}

const PAST_REASONS: readonly [DischargeReason, number, [number, number], Trajectory[]][] = [
  ["completed", 0.55, [42, 112], ["improving", "improving", "steady", "lapse_and_return"]],
  ["left_against_advice", 0.25, [7, 45], ["fading", "struggling"]],
  ["administrative", 0.05, [14, 60], ["struggling", "fading"]],
  ["transferred", 0.1, [7, 50], ["struggling"]],
  ["other", 0.05, [10, 60], ["steady", "fading"]],
];

function pickReason(random: Random) {
  let roll = random.next();
  for (const entry of PAST_REASONS) {
    roll -= entry[1];
    if (roll < 0) return entry;
  }
  return PAST_REASONS[0]!;
}

function pickTrack(random: Random, shares: ScaleSpec["trackShares"]): number {
  const roll = random.next();
  return roll < shares[0] ? 0 : roll < shares[0] + shares[1] ? 1 : 2;
}

export function counselorsAtSite(site: number): number {
  return (site === 0 ? 1 : 0) + DEMO_EXTRA_COUNSELORS.filter((c) => c.site === site).length;
}

/** Name, language and age at first admission (adolescents stay under 18 through their episode). */
function person(random: Random, key: number, track: number) {
  const spanish = random.chance(0.3);
  const adolescent = DEMO_TRACKS[track]!.audience === "adolescent";
  return {
    key,
    site: DEMO_TRACKS[track]!.site,
    givenName: random.pick(spanish ? GIVEN_NAMES_ES : GIVEN_NAMES_EN),
    familyName: random.pick(spanish && random.chance(0.85) ? FAMILY_NAMES_ES : FAMILY_NAMES_EN),
    preferredLanguage: spanish && random.chance(0.6) ? ("es" as const) : ("en" as const),
    ageDays: adolescent ? random.int(14 * 365 + 4, 17 * 365 + 200) : random.int(19 * 365 + 5, 68 * 365),
  };
}

/** A re-admitted participant's earlier episode: left early, silence, came back weeks later. */
function earlierEpisode(
  random: Random,
  track: number,
  counselor: number,
  nextAdmission: string,
): DemoEpisode {
  const dischargedOn = addDays(nextAdmission, -random.int(30, 150));
  return {
    track,
    counselor,
    admittedOn: addDays(dischargedOn, -random.int(10, 35)),
    dischargedOn,
    dischargeReason: "left_against_advice",
    trajectory: "fading",
  };
}

/** Every participant of the demo; the first one is the demo participant account's own record. */
export function planDemoParticipants(seed: number, scale: DemoScale, today: string): DemoParticipant[] {
  const spec = SCALE_SPECS[scale];
  const random = createRandom(seed).fork("participants");
  const participants: DemoParticipant[] = [];
  for (let i = 0; i < spec.current + spec.past; i++) {
    const r = random.fork(`p${i}`);
    const current = i < spec.current;
    const track = i === 0 ? 0 : pickTrack(r, spec.trackShares);
    const counselor = r.int(0, counselorsAtSite(DEMO_TRACKS[track]!.site) - 1);
    const { ageDays, ...base } = person(r, i, track);
    const episodes: DemoEpisode[] = [];
    if (current) {
      const admittedOn = addDays(today, -r.int(0, 84));
      const trajectory = r.pick<Trajectory>([
        "improving",
        "improving",
        "steady",
        "lapse_and_return",
        "struggling",
      ]);
      if (r.chance(0.1)) episodes.push(earlierEpisode(r, track, counselor, admittedOn));
      episodes.push({ track, counselor, admittedOn, dischargedOn: null, dischargeReason: null, trajectory });
    } else {
      const [reason, , [minStay, maxStay], trajectories] = pickReason(r);
      const stay = r.int(minStay, maxStay);
      const dischargedOn = addDays(today, -r.int(1, spec.days - stay));
      const admittedOn = addDays(dischargedOn, -stay);
      const earlier = earlierEpisode(r, track, counselor, admittedOn);
      if (r.chance(0.08) && earlier.admittedOn >= addDays(today, -spec.days)) episodes.push(earlier);
      episodes.push({
        track,
        counselor,
        admittedOn,
        dischargedOn,
        dischargeReason: reason,
        trajectory: r.pick(trajectories),
      });
    }
    const firstAdmission = episodes[0]!.admittedOn;
    participants.push({
      ...base,
      bornOn: addDays(firstAdmission, -ageDays),
      sobrietyOn: addDays(firstAdmission, -r.int(3, 40)),
      episodes,
    });
  }
  return participants;
}

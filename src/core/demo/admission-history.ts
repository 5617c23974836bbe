import type { REFERRAL_SOURCES } from "../admissions/leads.schema";
import { addDays } from "../platform/dates";
import { createRandom } from "./random";

/**
 * How each demo episode began: an inquiry or a partner's referral a few days before admission,
 * contacted, screened (six ratings with IOP-level risk), then admitted with one primary
 * substance-use diagnosis and sometimes a co-occurring one. Pure and deterministic per episode.
 */

export interface PlannedAdmission {
  kind: "inquiry" | "referral";
  source: (typeof REFERRAL_SOURCES)[number] | null;
  /** Days of each step: first contact, contacted, screening scheduled, screened (admission is the episode's date). */
  steps: [string, string, string, string];
  ratings: [number, number, number, number, number, number];
  primaryCode: string;
  coOccurringCode: string | null;
}

const PRIMARY = ["F10.20", "F10.20", "F10.20", "F11.20", "F11.20", "F12.20", "F14.20", "F15.20", "F13.20"];
const CO_OCCURRING = ["F41.1", "F32.9", "F43.10", "F33.1", "F41.0"];

export function planAdmission(seed: number, episodeKey: string, admittedOn: string): PlannedAdmission {
  const random = createRandom(seed).fork(`admission/${episodeKey}`);
  const referral = random.chance(0.45);
  const lead = random.int(3, 16);
  const first = addDays(admittedOn, -lead);
  const contacted = addDays(first, random.int(0, 2));
  const scheduled = addDays(contacted, random.int(0, 2));
  const screened = addDays(admittedOn, -random.int(0, Math.max(0, Math.min(3, lead - 4))));
  const ratings = Array.from({ length: 6 }, () => random.int(0, 2)) as PlannedAdmission["ratings"];
  // Someone placed in IOP has at least one moderate risk.
  if (!ratings.includes(2)) ratings[random.int(2, 5)] = 2;
  return {
    kind: referral ? "referral" : "inquiry",
    source: referral
      ? random.pick([
          "detox",
          "detox",
          "inpatient",
          "residential",
          "php",
          "court_probation",
          "primary_care",
        ] as const)
      : null,
    steps: [first, contacted, scheduled < screened ? scheduled : screened, screened],
    ratings,
    primaryCode: random.pick(PRIMARY),
    coOccurringCode: random.chance(0.45) ? random.pick(CO_OCCURRING) : null,
  };
}

import { REFERRAL_SOURCES } from "../admissions/leads.schema";
import { NOT_ADMITTED_REASONS, type PipelineStage } from "../admissions/pipeline.rules";
import { addDays } from "../platform/dates";
import { FAMILY_NAMES_EN, FAMILY_NAMES_ES, GIVEN_NAMES_EN, GIVEN_NAMES_ES } from "./names";
import { createRandom } from "./random";

/**
 * The demo's admissions pipeline: six weeks of inquiries and partner referrals at each site, most
 * recent ones still open (some with overdue follow-ups), older ones closed as referred elsewhere,
 * not admitted or lost to contact. Admitted leads arrive with the admission workflow. Pure.
 */

export interface PlannedLead {
  key: number;
  site: number;
  kind: "inquiry" | "referral";
  personName: string;
  forWhom: "self" | "loved_one";
  contactName: string;
  contactMethod: "phone" | "text" | "email";
  referralSource: (typeof REFERRAL_SOURCES)[number] | null;
  createdOn: string;
  /** Stages passed through, in order, each with the day it was reached. */
  path: { stage: PipelineStage; on: string }[];
  owned: boolean;
  nextAction: string | null;
  nextActionDueOn: string | null;
  notAdmittedReason: (typeof NOT_ADMITTED_REASONS)[number] | null;
  referredTo: string | null;
}

const OPEN_PATHS: PipelineStage[][] = [
  ["new"],
  ["new", "contacted"],
  ["new", "contacted", "screening_scheduled"],
  ["new", "contacted", "screening_scheduled", "screened"],
];
const ORGANISATIONS = [
  "Bayside Withdrawal Management",
  "St. Brigid Hospital",
  "Cedar Hills Residential",
  "County Probation",
  "Eastside Family Medicine",
];
const ELSEWHERE = [
  "Cedar Hills Residential",
  "Outpatient counseling at Eastside Clinic",
  "Bayside Withdrawal Management",
];

export function planDemoPipeline(seed: number, today: string, sites: number, perSite: number): PlannedLead[] {
  const random = createRandom(seed).fork("pipeline");
  const leads: PlannedLead[] = [];
  for (let site = 0; site < sites; site++) {
    for (let i = 0; i < perSite; i++) {
      const key = leads.length;
      const age = random.int(0, 42);
      const createdOn = addDays(today, -age);
      const spanish = random.chance(0.3);
      const given = random.pick(spanish ? GIVEN_NAMES_ES : GIVEN_NAMES_EN);
      const family = random.pick(spanish ? FAMILY_NAMES_ES : FAMILY_NAMES_EN);
      const referral = random.chance(0.35);
      const forWhom = !referral && random.chance(0.25) ? "loved_one" : "self";
      let stages: PipelineStage[];
      let notAdmittedReason: PlannedLead["notAdmittedReason"] = null;
      let referredTo: string | null = null;
      if (age > 14 && random.chance(0.75)) {
        const ending = random.pick(["referred_elsewhere", "not_admitted", "lost_to_contact"] as const);
        stages =
          ending === "lost_to_contact"
            ? ["new", ending]
            : ["new", "contacted", "screening_scheduled", "screened", ending];
        if (ending === "not_admitted") notAdmittedReason = random.pick(NOT_ADMITTED_REASONS);
        if (ending === "referred_elsewhere") referredTo = random.pick(ELSEWHERE);
      } else {
        stages =
          OPEN_PATHS[Math.min(OPEN_PATHS.length - 1, Math.floor(random.next() * Math.min(4, 1 + age / 3)))]!;
      }
      const step = Math.max(1, Math.floor(age / stages.length));
      const path = stages.map((stage, n) => ({ stage, on: addDays(createdOn, Math.min(age, n * step)) }));
      const open = !["referred_elsewhere", "not_admitted", "lost_to_contact"].includes(stages.at(-1)!);
      const due = open && stages.length > 1 ? addDays(today, random.int(-4, 5)) : null;
      leads.push({
        key,
        site,
        kind: referral ? "referral" : "inquiry",
        personName: `${given} ${family}`,
        forWhom,
        contactName:
          forWhom === "loved_one"
            ? `${random.pick(spanish ? GIVEN_NAMES_ES : GIVEN_NAMES_EN)} ${family}`
            : "",
        contactMethod: random.pick(["phone", "phone", "text", "email"] as const),
        referralSource: referral
          ? random.pick(REFERRAL_SOURCES.filter((s) => s !== "self" && s !== "family"))
          : null,
        createdOn,
        path,
        owned: stages.length > 1 || random.chance(0.3),
        nextAction: due
          ? random.pick([
              "Call back",
              "Confirm screening time",
              "Send program information",
              "Check insurance",
            ])
          : null,
        nextActionDueOn: due,
        notAdmittedReason,
        referredTo,
      });
    }
  }
  return leads;
}

export const DEMO_REFERRING_ORGANISATIONS = ORGANISATIONS;

import { ALL_LEVEL_CODES } from "../admissions/admission-settings.schema";
import type { ChangeStatus } from "../assessments/reliable-change";
import type { DischargeReason } from "../participants/episodes.schema";
import type { FieldError } from "../platform/errors";
import type { ObjectiveStatus } from "../treatment-plans/plan.schema";
import type {
  AttendanceTrend,
  DischargeInput,
  Readiness,
  ReadinessConcern,
  UnsignedNote,
} from "./discharges.schema";

/**
 * TEDS-D `REASON` for each discharge reason: the public-use-file (PUF) recodes of the 2020 codebook
 * (../shared/reference/clinical.md §5.2, marked SECONDARY there). A State's own submission codes
 * differ (finer categories, other numbers); an exporter must crosswalk from the State's layout.
 * Kept as data, one row per reason.
 */
export const TEDS_REASON_CODES: Readonly<Record<DischargeReason, { code: number; label: string }>> = {
  completed: { code: 1, label: "Treatment completed" },
  left_against_advice: { code: 2, label: "Dropped out" },
  administrative: { code: 3, label: "Terminated by facility" },
  transferred: { code: 4, label: "Transferred to another treatment program/facility" },
  incarcerated: { code: 5, label: "Incarcerated" },
  died: { code: 6, label: "Death" },
  other: { code: 7, label: "Other" },
};

export function tedsReasonCode(reason: DischargeReason): number {
  return TEDS_REASON_CODES[reason].code;
}

/**
 * TEDS-D `SERVICES_D` (type of service at discharge), PUF values (clinical.md §5.2, SECONDARY;
 * State codes differ). Only the ambulatory levels whose TEDS category is unambiguous are mapped:
 * intensive outpatient (2.1) is 6 "Ambulatory, intensive outpatient"; outpatient (1, 1.0, 1.5) is
 * 7 "Ambulatory, non-intensive outpatient". Other levels (partial hospitalization, residential,
 * inpatient) have no stated crosswalk in the reference and give null: the State's crosswalk decides.
 */
export const TEDS_SERVICE_CODES: Readonly<Record<string, { code: number; label: string }>> = {
  "2.1": { code: 6, label: "Ambulatory, intensive outpatient" },
  "1": { code: 7, label: "Ambulatory, non-intensive outpatient" },
  "1.0": { code: 7, label: "Ambulatory, non-intensive outpatient" },
  "1.5": { code: 7, label: "Ambulatory, non-intensive outpatient" },
};

export function tedsServiceCode(levelOfCare: string | null): number | null {
  if (levelOfCare === null) return null;
  return TEDS_SERVICE_CODES[levelOfCare]?.code ?? null;
}

/** A referral that leads nowhere in particular (e.g. the person declined further care). */
export const NO_REFERRAL = "none";

export interface DischargeContext {
  admittedOn: string;
  /** Today on the site's calendar (the caller derives it from the clock and the site's time zone). */
  today: string;
}

/** Every problem with a discharge request, one per field, in plain words. */
export function checkDischarge(input: DischargeInput, context: DischargeContext): FieldError[] {
  const problems: FieldError[] = [];
  if (input.dischargedOn < context.admittedOn) {
    problems.push({
      path: "dischargedOn",
      message: `The discharge date cannot be before the admission on ${context.admittedOn}.`,
    });
  } else if (input.dischargedOn > context.today) {
    problems.push({
      path: "dischargedOn",
      message: `The discharge date cannot be in the future (today is ${context.today} at this site).`,
    });
  }
  if (!ALL_LEVEL_CODES.includes(input.levelOfCare)) {
    problems.push({ path: "levelOfCare", message: `“${input.levelOfCare}” is not a level of care.` });
  }
  const referred = input.referredLevelOfCare;
  if (referred !== null && referred !== NO_REFERRAL && !ALL_LEVEL_CODES.includes(referred)) {
    problems.push({ path: "referredLevelOfCare", message: `“${referred}” is not a level of care.` });
  }
  if (input.reason === "transferred" && referred === null) {
    problems.push({
      path: "referredLevelOfCare",
      message: "Choose the level of care the person is transferred or referred to.",
    });
  }
  if (input.reason === "other" && input.note.trim() === "") {
    problems.push({ path: "note", message: "Say in a few words why the episode ended." });
  }
  return problems;
}

/** The facts a readiness summary is derived from, read by the caller. */
export interface ReadinessFacts {
  episodeId: string;
  admittedOn: string;
  levelOfCare: string;
  /** The signed plan's discharge criteria and objectives; null when no version is signed. */
  plan: { criteria: readonly string[]; objectives: readonly { status: ObjectiveStatus }[] } | null;
  /** The last complete weeks, oldest first. */
  weeks: readonly { weekStart: string; attendedMinutes: number; minimumMinutes: number }[];
  scores: readonly {
    instrumentKey: string;
    score: number;
    band: string | null;
    on: string;
    change: number | null;
    status: ChangeStatus | null;
  }[];
  openUrgentAlerts: number;
  /** Days with use reported in the last 14 days. */
  useDays: readonly string[];
  /** Critical answers (check-in safety questions, questionnaire critical items) in the last 14 days. */
  criticalAnswers: number;
  unsignedNotes: readonly UnsignedNote[];
}

/**
 * A trend from the weekly attended minutes: the last week against the first with a 10% margin of
 * the minimum, so a week's small difference reads as steady. Unknown with fewer than two weeks.
 */
export function deriveAttendanceTrend(
  weeks: readonly { attendedMinutes: number; minimumMinutes: number }[],
): AttendanceTrend {
  if (weeks.length < 2) return "unknown";
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  const margin = Math.max(1, Math.round(last.minimumMinutes * 0.1));
  const delta = last.attendedMinutes - first.attendedMinutes;
  if (delta > margin) return "rising";
  if (delta < -margin) return "falling";
  return "steady";
}

/** Objectives revised (replaced by another) or discontinued do not count toward the total. */
const COUNTED: readonly ObjectiveStatus[] = ["not_started", "in_progress", "met"];

/**
 * The readiness summary: what the plan asked for, how far its objectives are met, attendance against
 * the level's weekly minimum, the latest key scores, and the risks a clinician weighs before a
 * discharge. `concerns` names each thing to look at; it never decides for the clinician.
 */
export function deriveReadiness(facts: ReadinessFacts): Readiness {
  const counted = (facts.plan?.objectives ?? []).filter((o) => COUNTED.includes(o.status));
  const met = counted.filter((o) => o.status === "met").length;
  const weeks = facts.weeks.map((w) => ({ ...w, met: w.attendedMinutes >= w.minimumMinutes }));
  const concerns: ReadinessConcern[] = [];
  if (!facts.plan) concerns.push("no_signed_plan");
  if (counted.length > met) concerns.push("objectives_open");
  if (weeks.some((w) => !w.met)) concerns.push("attendance_below_minimum");
  if (facts.scores.some((s) => s.status === "deteriorated")) concerns.push("scores_worse");
  if (facts.openUrgentAlerts > 0) concerns.push("open_urgent_alerts");
  if (facts.useDays.length > 0) concerns.push("recent_use");
  if (facts.criticalAnswers > 0) concerns.push("critical_answers");
  if (facts.unsignedNotes.length > 0) concerns.push("unsigned_notes");
  return {
    episodeId: facts.episodeId,
    admittedOn: facts.admittedOn,
    levelOfCare: facts.levelOfCare,
    plan: { signed: facts.plan !== null, criteria: [...(facts.plan?.criteria ?? [])] },
    objectives: { met, total: counted.length },
    attendance: {
      weeks,
      weeksMet: weeks.filter((w) => w.met).length,
      trend: deriveAttendanceTrend(weeks),
    },
    scores: facts.scores.map((s) => ({ ...s })),
    risks: {
      openUrgentAlerts: facts.openUrgentAlerts,
      useDays: [...facts.useDays],
      criticalAnswers: facts.criticalAnswers,
    },
    unsignedNotes: [...facts.unsignedNotes],
    concerns,
  };
}

/**
 * Each objective's status now: the latest signed review's progress where it names the objective,
 * else the status in the signed plan.
 */
export function currentObjectiveStatuses(
  objectives: readonly { id: string; status: ObjectiveStatus }[],
  reviewProgress: readonly { objectiveId: string; status: ObjectiveStatus }[],
): { id: string; status: ObjectiveStatus }[] {
  const reviewed = new Map(reviewProgress.map((p) => [p.objectiveId, p.status]));
  return objectives.map((o) => ({ id: o.id, status: reviewed.get(o.id) ?? o.status }));
}

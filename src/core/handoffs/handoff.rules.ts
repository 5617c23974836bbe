import { checkConsentForDisclosure, type DisclosureMoment } from "../consents/consent.rules";
import type {
  ConsentFacts,
  ConsentProblem,
  ConsentPurpose,
  InformationScope,
} from "../consents/consent.schema";
import { releasableCategories } from "../disclosures/release.rules";
import { addDays } from "../platform/dates";
import { HANDOFF_CATEGORIES, type HandoffCategory, type HandoffIneligibility } from "./handoff.schema";

/**
 * Pure rules of the warm handoff: who may receive a referral packet, what it may carry, and when the
 * first-appointment task is due and overdue. No IO, no clock: the moment and the site's date are
 * parameters.
 */

/** What each category adds to the packet (PDF sections and FHIR resources). */
export const HANDOFF_CONTENT: Record<HandoffCategory, string> = {
  discharge_summary: "Episode dates, levels of care and the signed discharge summary (EpisodeOfCare)",
  diagnosis: "Diagnoses, ICD-10-CM (Condition)",
  treatment_plan: "The aftercare plan and, when it includes it, the safety plan (CarePlan)",
  medications: "Medication continuity: medications, prescriber, next appointment",
  assessment_scores: "Latest questionnaire scores (Observation)",
};

/** Consent kinds that can carry a treatment referral. */
const REFERRAL_KINDS = new Set<ConsentFacts["kind"]>(["tpo", "named_recipient"]);
/** Purposes of a named-recipient consent that a referral to the next provider serves. */
const REFERRAL_PURPOSES = new Set<ConsentPurpose>(["tpo", "care_coordination", "patient_request"]);

/** The handoff categories a consent covers (named, or all under `entire_record`), in packet order. */
export function handoffCategoriesOf(consent: Pick<ConsentFacts, "informationScope">): HandoffCategory[] {
  const covered = new Set<InformationScope>(releasableCategories(consent));
  return HANDOFF_CATEGORIES.filter((c) => covered.has(c));
}

export interface RecipientAssessment {
  eligible: boolean;
  problems: ConsentProblem[];
  reasons: HandoffIneligibility[];
  /** What the packet carries: covered and not restricted. */
  categories: HandoffCategory[];
  /** Covered by the consent but withheld by a §2.26 restriction. */
  withheld: HandoffCategory[];
}

/**
 * Whether this consent's recipient may receive a referral packet at this moment, and with what. The
 * consent engine's own check (signed, not expired, not revoked, recipient named and not revoked, not on
 * hold) runs with the categories the packet would carry; the handoff adds that the consent be one for
 * treatment (TPO, or a named-recipient consent for treatment, care coordination or at the participant's
 * request) and cover at least one clinical category.
 */
export function assessHandoffRecipient(
  consent: ConsentFacts,
  recipientId: string,
  moment: DisclosureMoment,
): RecipientAssessment {
  const covered = handoffCategoriesOf(consent);
  const categories = covered.filter((c) => !moment.restrictedScopes.includes(c));
  const withheld = covered.filter((c) => moment.restrictedScopes.includes(c));
  const problems = checkConsentForDisclosure(consent, recipientId, categories, moment);
  const reasons: HandoffIneligibility[] = [];
  if (!REFERRAL_KINDS.has(consent.kind)) reasons.push("kind_not_for_referral");
  else if (consent.kind === "named_recipient" && !consent.purposes.some((p) => REFERRAL_PURPOSES.has(p)))
    reasons.push("purpose_not_treatment");
  if (categories.length === 0) reasons.push("no_clinical_scope");
  return {
    eligible: problems.length === 0 && reasons.length === 0,
    problems,
    reasons,
    categories,
    withheld,
  };
}

const normalize = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** A consent recipient is the step-down provider when one name contains the other (ignoring case, accents, punctuation). */
export function isSameProvider(recipientName: string, providerName: string | null): boolean {
  if (!providerName) return false;
  const a = normalize(recipientName);
  const b = normalize(providerName);
  if (a === "" || b === "") return false;
  return a === b || a.includes(b) || b.includes(a);
}

/**
 * The first-appointment task is due the day after the appointment: the clinician calls the provider
 * or the participant on that calendar day. Calendar arithmetic on the site's dates (month and year
 * ends roll over; no time zone or DST enters a date).
 */
export function firstAppointmentDueOn(appointmentOn: string): string {
  return addDays(appointmentOn, 1);
}

/** A plan needs a task when it is signed and names a step-down appointment date. */
export function needsFirstAppointmentTask(plan: {
  status: string;
  stepDown: { kind: string; appointmentOn: string | null } | null;
}): boolean {
  return (
    plan.status === "signed" &&
    plan.stepDown !== null &&
    plan.stepDown.kind !== "none" &&
    plan.stepDown.appointmentOn !== null
  );
}

/** An open task is overdue once the site's date is past its due date (the due day itself is not late). */
export function isTaskOverdue(task: { status: string; dueOn: string }, today: string): boolean {
  return task.status === "open" && today > task.dueOn;
}

import { addDays } from "../platform/dates";
import type { AftercarePlanContent, AftercarePlanStatus } from "./aftercare-plan.schema";

/**
 * Pure rules of the aftercare plan (issue 11): what a plan still lacks before it is signed, whose
 * typed name is a signature, which episode the plan belongs to, and what an edit does to the
 * signatures and the version. No IO and no clock: "today" is a parameter.
 */

/** Each gap the plan can have; the web translates the code, the API also carries the English message. */
export const AFTERCARE_GAP_CODES = [
  "step_down_missing",
  "step_down_provider_missing",
  "step_down_appointment_missing",
  "step_down_unconfirmed",
  "step_down_contact_missing",
  "meetings_missing",
  "housing_missing",
  "housing_unstable",
  "medication_prescriber_missing",
  "medication_appointment_missing",
  "supports_missing",
  "crisis_plan_not_included",
  "crisis_plan_empty",
  "goals_missing",
] as const;
export type AftercareGapCode = (typeof AFTERCARE_GAP_CODES)[number];

export interface AftercareGap {
  code: AftercareGapCode;
  /** The field the gap is about, dotted (e.g. `stepDown.appointmentOn`). */
  path: string;
  message: string;
}

export interface AftercareGaps {
  /** Signing is refused while any of these remain. */
  blocking: AftercareGap[];
  /** Worth doing; signing is still allowed. */
  advisory: AftercareGap[];
}

export interface GapFacts {
  /** The participant's current safety plan has at least one line (the crisis plan carried over). */
  safetyPlanHasContent: boolean;
}

const gap = (code: AftercareGapCode, path: string, message: string): AftercareGap => ({
  code,
  path,
  message,
});

/**
 * What the plan still lacks. Only the step-down decision blocks signing (a person may leave with no
 * next service, but the plan must say so); everything else is advice the team and the participant
 * see on both screens.
 */
export function findAftercareGaps(content: AftercarePlanContent, facts: GapFacts): AftercareGaps {
  const blocking: AftercareGap[] = [];
  const advisory: AftercareGap[] = [];
  const { stepDown } = content;
  if (!stepDown) {
    blocking.push(
      gap(
        "step_down_missing",
        "stepDown",
        "Decide the next step after the program: outpatient care here, another provider, or no further service.",
      ),
    );
  } else if (stepDown.kind !== "none") {
    if (stepDown.kind === "other_provider" && stepDown.providerName.trim() === "") {
      advisory.push(gap("step_down_provider_missing", "stepDown.providerName", "Name the next provider."));
    }
    if (!stepDown.appointmentOn) {
      advisory.push(
        gap(
          "step_down_appointment_missing",
          "stepDown.appointmentOn",
          "Set the date of the first appointment with the next provider.",
        ),
      );
    } else if (!stepDown.confirmed) {
      advisory.push(
        gap(
          "step_down_unconfirmed",
          "stepDown.confirmed",
          "The first appointment is not confirmed with the provider yet.",
        ),
      );
    }
    if (
      stepDown.kind === "other_provider" &&
      stepDown.phone.trim() === "" &&
      stepDown.address.trim() === ""
    ) {
      advisory.push(
        gap(
          "step_down_contact_missing",
          "stepDown.phone",
          "Add the next provider's phone number or address.",
        ),
      );
    }
  }
  if (content.meetings.length === 0) {
    advisory.push(gap("meetings_missing", "meetings", "List at least one mutual-help meeting to try."));
  }
  if (!content.housing) {
    advisory.push(gap("housing_missing", "housing", "Say where the person will live after the program."));
  } else if (content.housing.kind === "homeless" || content.housing.kind === "temporary") {
    advisory.push(
      gap(
        "housing_unstable",
        "housing.kind",
        "Housing is not stable: add a plan (sober living, a housing referral) in the housing notes or resources.",
      ),
    );
  }
  const medication = content.medication;
  if (medication && medication.medications.trim() !== "") {
    if (medication.prescriberName.trim() === "") {
      advisory.push(
        gap(
          "medication_prescriber_missing",
          "medication.prescriberName",
          "Name who will prescribe the medications after the program.",
        ),
      );
    }
    if (!medication.nextAppointmentOn) {
      advisory.push(
        gap(
          "medication_appointment_missing",
          "medication.nextAppointmentOn",
          "Set the next appointment with the prescriber so the medications do not run out.",
        ),
      );
    }
  }
  if (content.supports.length === 0) {
    advisory.push(gap("supports_missing", "supports", "Name at least one support person or sponsor."));
  }
  if (!content.includeSafetyPlan) {
    advisory.push(
      gap("crisis_plan_not_included", "includeSafetyPlan", "Include the safety plan as the crisis plan."),
    );
  } else if (!facts.safetyPlanHasContent) {
    advisory.push(
      gap(
        "crisis_plan_empty",
        "includeSafetyPlan",
        "The safety plan is empty: write it together before discharge.",
      ),
    );
  }
  if (content.goals.trim() === "") {
    advisory.push(gap("goals_missing", "goals", "Write the participant's goals for the first weeks."));
  }
  return { blocking, advisory };
}

/** Names compared as people type them on a phone: case, spacing and Unicode form do not matter. */
export function normalizeName(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("und").replace(/\s+/gu, "");
}

/** The typed name signs only when it is the person's full name as on the record (given then family name). */
export function isSignatureOf(typedName: string, record: { givenName: string; familyName: string }): boolean {
  const typed = normalizeName(typedName);
  return typed !== "" && typed === normalizeName(`${record.givenName} ${record.familyName}`);
}

/** Days after discharge during which the plan can still be written and signed. */
export const AFTERCARE_WRITING_DAYS_AFTER_DISCHARGE = 30;

export interface EpisodeFacts {
  id: string;
  admittedOn: string;
  dischargedOn: string | null;
}

/**
 * The episode the plan belongs to: the open one, or else the latest one discharged less than 30 days
 * before `today` (co-writing continues across the discharge day); null when neither.
 */
export function chooseAftercareEpisode<E extends EpisodeFacts>(
  episodes: readonly E[],
  today: string,
): E | null {
  const open = episodes
    .filter((e) => e.dischargedOn === null)
    .sort((a, b) => b.admittedOn.localeCompare(a.admittedOn))[0];
  if (open) return open;
  const latest = [...episodes].sort(
    (a, b) =>
      (b.dischargedOn ?? "").localeCompare(a.dischargedOn ?? "") || b.admittedOn.localeCompare(a.admittedOn),
  )[0];
  if (!latest?.dischargedOn) return null;
  return today < addDays(latest.dischargedOn, AFTERCARE_WRITING_DAYS_AFTER_DISCHARGE) ? latest : null;
}

export interface SignatureState {
  participantSignedAt: Date | null;
  staffSignedAt: Date | null;
}

/** Signed only when both the participant and a clinician have signed the current version. */
export function deriveAftercareStatus(signatures: SignatureState): AftercarePlanStatus {
  return signatures.participantSignedAt && signatures.staffSignedAt ? "signed" : "draft";
}

export type SaveDecision =
  | { kind: "conflict" }
  | { kind: "unchanged" }
  | { kind: "save"; version: number; clearsSignatures: boolean };

/**
 * What a save does. A save made from an older version is a conflict; a save that changes nothing
 * keeps the version; a change raises the version and clears every signature (a signature is on the
 * words that were signed, not on the ones written after).
 */
export function decideSave(input: {
  currentVersion: number;
  baseVersion: number;
  changed: boolean;
  signatures: SignatureState;
}): SaveDecision {
  if (input.baseVersion !== input.currentVersion) return { kind: "conflict" };
  if (!input.changed) return { kind: "unchanged" };
  const signed = input.signatures.participantSignedAt !== null || input.signatures.staffSignedAt !== null;
  return { kind: "save", version: input.currentVersion + 1, clearsSignatures: signed };
}

/** Whether two contents say the same thing (after both went through the schema). */
export function isSameContent(a: AftercarePlanContent, b: AftercarePlanContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

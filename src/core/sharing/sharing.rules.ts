import { isExpired } from "../consents/consent.rules";
import {
  type ConsentDraftInput,
  type ConsentFacts,
  FAMILY_SCOPES,
  type FamilyScope,
  type InformationScope,
  type SignerRole,
} from "../consents/consent.schema";
import type { SafetyAnswer, ShareDraft, SharingStatus } from "./sharing.schema";

/**
 * Pure rules of sharing with family and support people: what the safety answer means, which scopes
 * a consent grants, whether a person is on the do-not-disclose list, the consent a share writes, and
 * where sharing with one person stands. No clock: moments are parameters.
 */

/** Only a clear "no" lets sharing go on; "yes" or "not sure" stops it and tells the care team. */
export function deriveSafetyOutcome(answer: SafetyAnswer): "proceed" | "stop" {
  return answer === "no" ? "proceed" : "stop";
}

/** The family scopes in a consent's information, in the order the page lists them (anything else dropped). */
export function familyScopesOf(scope: readonly InformationScope[]): FamilyScope[] {
  return FAMILY_SCOPES.filter((s) => scope.includes(s));
}

/** Questionnaire scores are shared only when the participant ticks them; the form starts without them. */
export const DEFAULT_SHARE_SCOPES: readonly FamilyScope[] = FAMILY_SCOPES.filter(
  (s) => s !== "assessment_scores",
);

const normaliseName = (name: string) =>
  name.normalize("NFKD").replace(/\p{M}/gu, "").trim().replace(/\s+/g, " ").toLowerCase();
const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Two names are the same person's when they match ignoring case, accents and extra spaces. */
export function isSameName(a: string, b: string): boolean {
  return normaliseName(a) !== "" && normaliseName(a) === normaliseName(b);
}

/**
 * The do-not-disclose entry this person matches, if any: the same email (ignoring case), or the same
 * name (ignoring case, accents and spacing). A blocked person is never invited, whatever the email.
 */
export function findBlockedMatch<B extends { name: string; email: string }>(
  blocks: readonly B[],
  person: { name: string; email: string },
): { block: B; by: "email" | "name" } | null {
  const email = normaliseEmail(person.email);
  const byEmail = blocks.find((b) => b.email !== "" && email !== "" && normaliseEmail(b.email) === email);
  if (byEmail) return { block: byEmail, by: "email" };
  const byName = blocks.find((b) => isSameName(b.name, person.name));
  return byName ? { block: byName, by: "name" } : null;
}

/** The prefilled written revocation for one person (the participant may edit it). */
export function defaultRevocationStatement(name: string): string {
  return `I revoke my consent for ${name.trim()} to receive my information.`;
}

/**
 * The named-recipient consent a share writes (42 CFR 2.31(a)): the program discloses, to this one
 * person, the chosen family categories, to involve them in treatment, until a date or the end of
 * treatment. Never notes and never SUD counseling notes (no family scope names them).
 */
export function buildFamilyConsentDraft(
  share: Pick<ShareDraft, "name" | "relationship" | "email" | "scopes" | "untilKind" | "untilOn">,
  facts: { patientName: string; programName: string },
): ConsentDraftInput {
  return {
    kind: "named_recipient",
    patientName: facts.patientName,
    disclosers: [{ type: "program", name: facts.programName }],
    informationScope: familyScopesOf(share.scopes),
    informationDetail: "Never clinical notes, and never SUD counseling notes.",
    recipients: [
      {
        kind: "person",
        name: share.name,
        relationship: share.relationship,
        email: share.email,
        coveredEntity: false,
        intermediaryParticipants: "",
        generalDesignationTreatingOnly: false,
      },
    ],
    purposes: ["family_involvement"],
    purposeDetail: "",
    expiresOn: share.untilKind === "date" ? share.untilOn : null,
    expiryEvent: share.untilKind === "end_of_treatment" ? "end_of_treatment" : null,
    refusalConsequences: "",
    revocableAfter: null,
  };
}

/** Whether a consent is one of the participant's family-sharing consents (a named person, to involve them). */
export function isFamilyConsent(consent: Pick<ConsentFacts, "kind" | "purposes">): boolean {
  return consent.kind === "named_recipient" && consent.purposes.includes("family_involvement");
}

/**
 * Where sharing with one recipient stands at this moment. `account` is the family account the
 * recipient rests on: null before an invitation, `pending` until they choose a password.
 */
export function deriveSharingStatus(input: {
  consent: Pick<
    ConsentFacts,
    "status" | "expiresOn" | "expiryEvent" | "revokedAt" | "holdAt" | "materiallyFalseAt"
  >;
  recipient: { revokedAt: Date | null; safetyScreen: "safe" | "concern" | null };
  missingSigners: readonly SignerRole[];
  account: "pending" | "active" | null;
  moment: { now: Date; today: string; treatmentEndedOn: string | null };
}): SharingStatus {
  const { consent, recipient, moment } = input;
  const past = (at: Date | null) => at !== null && at.getTime() <= moment.now.getTime();
  if (past(consent.revokedAt) || past(recipient.revokedAt)) return "revoked";
  // A draft is listed only with a safety concern or while a guardian's signature is awaited.
  if (consent.status !== "signed")
    return recipient.safetyScreen === "concern" ? "safety_concern" : "waiting_for_guardian";
  if (isExpired(consent, { ...moment, restrictedScopes: [] })) return "expired";
  if (consent.holdAt !== null || consent.materiallyFalseAt !== null) return "paused";
  if (input.account === null) return "not_invited";
  return input.account === "pending" ? "invitation_sent" : "active";
}

/** Whether a draft belongs on the sharing list: a safety concern, or the participant signed and a guardian has not. */
export function isListedDraft(
  recipient: { safetyScreen: "safe" | "concern" | null },
  signatures: readonly { role: SignerRole }[],
  missingSigners: readonly SignerRole[],
): boolean {
  if (recipient.safetyScreen === "concern") return true;
  return signatures.some((s) => s.role === "patient") && missingSigners.includes("parent_guardian");
}

/** Whether the person can still be sent an invitation (signed, in force, safe, not yet holding an active account). */
export function canInvite(status: SharingStatus): boolean {
  return status === "not_invited" || status === "invitation_sent";
}

import { checkConsentForDisclosure } from "../../core/consents/consent.rules";
import type { ConsentProblem } from "../../core/consents/consent.schema";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { findParticipantDisclosureFacts, listConsentFacts } from "../consents/consent-facts.sql";
import type { Queryable } from "../db/connection";
import { type FamilyLinkRow, findLink } from "../family-portal/family-portal.sql";

/**
 * Whether a family member may exchange messages with the care team about a participant now: a link
 * to the participant resting on a consent recipient that names this account (or no account yet), and
 * that consent in force at this moment for the `family_messages` category (§2.31(c): signed, not
 * expired, revoked, on hold or deficient; not withheld by an agreed restriction). A message from the
 * family member is not a disclosure, so this check writes no disclosure row; reading what the care
 * team wrote goes through `discloseWithin` instead.
 */

export const FAMILY_MESSAGES_SCOPE = "family_messages" as const;

export interface FamilyMessagingConsent {
  link: FamilyLinkRow;
  consentId: string;
  recipientId: string;
}

/** The consent recipient a link rests on, when it names this family account (or no account yet). */
export function consentOfLink(link: FamilyLinkRow, familyUserId: string) {
  return link.consent_recipient_id &&
    link.consent_id &&
    (!link.recipient_user_id || link.recipient_user_id === familyUserId)
    ? { consentId: link.consent_id, recipientId: link.consent_recipient_id }
    : null;
}

/** The problems with messaging under this link's consent now (empty when allowed). */
export async function familyMessagingProblems(
  q: Queryable,
  link: FamilyLinkRow,
  familyUserId: string,
  at: Date,
): Promise<ConsentProblem[]> {
  const consent = consentOfLink(link, familyUserId);
  if (!consent) return ["not_signed"];
  const [facts] = await listConsentFacts(q, [consent.consentId]);
  const participant = await findParticipantDisclosureFacts(q, link.participant_id);
  if (!facts || !participant) return ["not_signed"];
  return checkConsentForDisclosure(facts, consent.recipientId, [FAMILY_MESSAGES_SCOPE], {
    now: at,
    today: localDateIn(at, participant.timeZone),
    treatmentEndedOn: participant.treatmentEndedOn,
    restrictedScopes: participant.restrictedScopes,
  });
}

/**
 * Refuse unless the family member may message the care team about the participant now: the family
 * member hears only that access has ended; staff hear that the consent no longer allows it.
 */
export async function assertFamilyMessaging(
  q: Queryable,
  familyUserId: string,
  participantId: string,
  at: Date,
  who: "family" | "staff",
): Promise<FamilyMessagingConsent> {
  const link = await findLink(q, familyUserId, participantId);
  const problems = link ? await familyMessagingProblems(q, link, familyUserId, at) : ["not_signed"];
  const consent = link ? consentOfLink(link, familyUserId) : null;
  if (!link || !consent || problems.length > 0) {
    // The family member is told only that access has ended; staff are told why.
    if (who === "family") throw new DomainError("FAMILY_ACCESS_ENDED");
    throw new DomainError("MESSAGE_FAMILY_CONSENT_ENDED", undefined, undefined, { problems });
  }
  return { link, ...consent };
}

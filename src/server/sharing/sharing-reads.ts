import { findMissingSignatures, requiredSignersFor } from "../../core/consents/consent.rules";
import type { ConsentFacts } from "../../core/consents/consent.schema";
import { DomainError } from "../../core/platform/errors";
import { deriveSharingStatus, familyScopesOf, isListedDraft } from "../../core/sharing/sharing.rules";
import type { BlockedPerson, SharedPerson } from "../../core/sharing/sharing.schema";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { findParticipantDisclosureFacts, listConsentFacts } from "../consents/consent-facts.sql";
import { ruleOf } from "../consents/consents.service";
import * as consentStore from "../consents/consents.sql";
import { findNewestRule } from "../consents/minor-consent-rules.sql";
import type { Queryable } from "../db/connection";
import * as store from "./sharing.sql";

/**
 * Reads shared by the sharing use cases: the participant's facts at a moment, their people with where
 * sharing stands now, and the views the API answers with. No audit here: the callers audit.
 */

const PERSON_NOT_FOUND = "No such person on the sharing list.";

export type ListedPerson = SharedPerson & { facts: ConsentFacts };

export async function participantFacts(q: Queryable, participantId: string, at: Date) {
  const participant = await consentStore.findConsentParticipant(q, participantId);
  const facts = await findParticipantDisclosureFacts(q, participantId);
  if (!participant || !facts) throw new DomainError("NOT_FOUND", "No such participant.");
  const today = localDateIn(at, participant.time_zone);
  const rule = ruleOf(await findNewestRule(q, participant.site_id));
  return {
    participant,
    patientName: `${participant.given_name} ${participant.family_name}`,
    today,
    requiredSigners: requiredSignersFor(rule, participant.born_on, today),
    moment: { now: at, today, treatmentEndedOn: facts.treatmentEndedOn },
  };
}

/** The participant's people, newest first, each with where sharing stands now. */
export async function listPeople(q: Queryable, participantId: string, at: Date) {
  const { moment } = await participantFacts(q, participantId, at);
  const rows = await store.listFamilyRecipients(q, participantId);
  const facts = await listConsentFacts(q, [...new Set(rows.map((r) => r.consent_id))]);
  const out: ListedPerson[] = [];
  for (const row of rows) {
    const consent = facts.find((f) => f.id === row.consent_id);
    const recipient = consent?.recipients.find((r) => r.id === row.recipient_id);
    if (!consent || !recipient) continue;
    const missingSigners = findMissingSignatures(consent.requiredSigners, consent.signatures);
    const screen = { safetyScreen: row.safety_screen };
    if (consent.status === "draft" && !isListedDraft(screen, consent.signatures, missingSigners)) continue;
    const status = deriveSharingStatus({
      consent,
      recipient: { revokedAt: recipient.revokedAt, safetyScreen: row.safety_screen },
      missingSigners,
      account: row.family_user_id === null ? null : row.account_active ? "active" : "pending",
      moment,
    });
    const revokedAt = recipient.revokedAt ?? consent.revokedAt;
    out.push({
      recipientId: recipient.id,
      consentId: consent.id,
      name: recipient.name,
      relationship: recipient.relationship,
      email: recipient.email,
      scopes: familyScopesOf(consent.informationScope),
      status,
      since: (consent.signedAt ?? new Date(row.created_at)).toISOString(),
      untilOn: consent.expiresOn,
      untilEndOfTreatment: consent.expiryEvent === "end_of_treatment",
      revokedAt: revokedAt ? revokedAt.toISOString() : null,
      safetyScreen: row.safety_screen,
      missingSigners,
      invitationSentAt: row.invitation_sent_at,
      facts: consent,
    });
  }
  return out;
}

export const publicPerson = ({ facts: _, ...person }: ListedPerson): SharedPerson => person;

export async function findPerson(q: Queryable, participantId: string, recipientId: string, at: Date) {
  const person = (await listPeople(q, participantId, at)).find((p) => p.recipientId === recipientId);
  if (!person) throw new DomainError("NOT_FOUND", PERSON_NOT_FOUND, "recipientId");
  return person;
}

export const blockView = (row: store.BlockRow): BlockedPerson => ({
  id: row.id,
  name: row.name,
  email: row.email,
  note: row.note,
  createdAt: row.created_at,
});

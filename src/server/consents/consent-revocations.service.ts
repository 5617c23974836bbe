import type { RevocationMethod } from "../../core/consents/consent.schema";
import type {
  ConsentDetail,
  HoldInput,
  MateriallyFalseInput,
  RevocationInput,
} from "../../core/consents/consent-api.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { consentDetail, consentForStaff, factsOf, momentFor, ownConsent } from "./consent-views";
import * as store from "./consents.sql";

/**
 * Ending or suspending a signed 42 CFR Part 2 consent: written revocation (whole or one recipient,
 * effective on the next request) recorded by staff or made by the participant in their app, the
 * oral-revocation hold, and §2.31(c)(4) materially false. Every write is audited in the same
 * transaction as the change.
 */
export function createConsentRevocationsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /** A written revocation of the whole consent or one recipient (effective from `at`, the next request). */
  async function revoke(
    tx: Transaction,
    consentId: string,
    participantId: string,
    input: RevocationInput,
    method: RevocationMethod,
    recordedBy: string,
    at: Date,
  ): Promise<string> {
    const facts = await factsOf(tx, consentId);
    if (facts.status !== "signed") throw new DomainError("CONSENT_NOT_SIGNED");
    const { moment } = await momentFor(tx, participantId, at);
    if (
      facts.kind === "criminal_justice" &&
      facts.revocableAfter !== null &&
      moment.today <= facts.revocableAfter
    )
      throw new DomainError(
        "CONSENT_NOT_REVOCABLE_YET",
        `This criminal-justice referral consent can be revoked only after ${facts.revocableAfter} (42 CFR 2.35).`,
      );
    if (facts.revokedAt !== null) throw new DomainError("CONSENT_ALREADY_REVOKED");
    if (input.recipientId !== null) {
      const recipient = facts.recipients.find((r) => r.id === input.recipientId);
      if (!recipient)
        throw new DomainError("NOT_FOUND", "This consent does not name that recipient.", "recipientId");
      if (recipient.revokedAt !== null)
        throw new DomainError("CONSENT_ALREADY_REVOKED", undefined, "recipientId");
    }
    return store.insertRevocation(tx, {
      consentId,
      recipientId: input.recipientId,
      writtenStatement: input.writtenStatement,
      method,
      recordedBy,
      at,
    });
  }

  return {
    /** POST /consents/:id/revocations: staff record the participant's written revocation. */
    async recordRevocation(
      actor: Actor,
      consentId: string,
      input: RevocationInput,
      context: AuditContext,
    ): Promise<ConsentDetail> {
      const at = now();
      const { header, purpose } = await consentForStaff(
        db,
        actor,
        consentId,
        "consents.manage",
        "consent.revoke",
        context,
        at,
      );
      await db.transaction(async (tx) => {
        const id = await revoke(
          tx,
          consentId,
          header.participant_id,
          input,
          "paper_recorded_by_staff",
          actor.user.id,
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "consent.revoke",
            resourceType: "consent",
            resourceId: consentId,
            participantId: header.participant_id,
            purpose,
            details: { revocationId: id, recipientId: input.recipientId, method: "paper_recorded_by_staff" },
          },
          at,
        );
      });
      return consentDetail(db, header.participant_id, consentId, at);
    },

    /** POST /consents/:id/hold (input) or /hold/release (null): an oral revocation stops disclosures until written. */
    async setHold(
      actor: Actor,
      consentId: string,
      input: HoldInput | null,
      context: AuditContext,
    ): Promise<ConsentDetail> {
      const at = now();
      const action = input ? "consent.hold" : "consent.hold_release";
      const { header, purpose } = await consentForStaff(
        db,
        actor,
        consentId,
        "consents.manage",
        action,
        context,
        at,
      );
      await db.transaction(async (tx) => {
        const facts = await factsOf(tx, consentId);
        if (facts.status !== "signed") throw new DomainError("CONSENT_NOT_SIGNED");
        if ((facts.holdAt !== null) === (input !== null)) throw new DomainError("CONSENT_HOLD_STATE");
        await store.setHold(
          tx,
          consentId,
          input ? { at, note: `Heard by ${input.heardBy}: ${input.note}`, by: actor.user.id } : null,
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "consent",
            resourceId: consentId,
            participantId: header.participant_id,
            purpose,
          },
          at,
        );
      });
      return consentDetail(db, header.participant_id, consentId, at);
    },

    /** POST /consents/:id/materially-false: §2.31(c)(4), never used again. */
    async markMateriallyFalse(
      actor: Actor,
      consentId: string,
      input: MateriallyFalseInput,
      context: AuditContext,
    ): Promise<ConsentDetail> {
      const at = now();
      const { header, purpose } = await consentForStaff(
        db,
        actor,
        consentId,
        "consents.manage",
        "consent.materially_false",
        context,
        at,
      );
      await db.transaction(async (tx) => {
        const facts = await factsOf(tx, consentId);
        if (facts.status !== "signed") throw new DomainError("CONSENT_NOT_SIGNED");
        if (facts.materiallyFalseAt !== null) throw new DomainError("CONSENT_MARKED_FALSE_ALREADY");
        await store.setMateriallyFalse(tx, consentId, input.note, at);
        await appendAudit(
          tx,
          context,
          {
            action: "consent.materially_false",
            resourceType: "consent",
            resourceId: consentId,
            participantId: header.participant_id,
            purpose,
          },
          at,
        );
      });
      return consentDetail(db, header.participant_id, consentId, at);
    },

    /** POST /me/consents/:id/revocations: the participant revokes in writing (whole or one recipient). */
    async myRevocation(
      actor: Actor,
      consentId: string,
      input: RevocationInput,
      context: AuditContext,
    ): Promise<ConsentDetail> {
      const { participantId } = await ownConsent(db, actor, consentId);
      const at = now();
      await db.transaction(async (tx) => {
        const id = await revoke(tx, consentId, participantId, input, "participant_app", actor.user.id, at);
        await appendAudit(
          tx,
          context,
          {
            action: "consent.revoke",
            resourceType: "consent",
            resourceId: consentId,
            participantId,
            purpose: "self",
            details: { revocationId: id, recipientId: input.recipientId, method: "participant_app" },
          },
          at,
        );
      });
      return consentDetail(db, participantId, consentId, at);
    },
  };
}

export type ConsentRevocationsService = ReturnType<typeof createConsentRevocationsService>;

import type { AuditPurpose } from "../../core/audit/audit.schema";
import { findMissingElements, findMissingSignatures } from "../../core/consents/consent.rules";
import type { SignatureMethod, SignerRole } from "../../core/consents/consent.schema";
import type {
  ConsentDetail,
  ESignatureInput,
  StaffSignatureInput,
} from "../../core/consents/consent-api.schema";
import { renderConsentDocument } from "../../core/consents/consent-document";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { consentDetail, consentForStaff, factsOf, momentFor, ownConsent } from "./consent-views";
import * as store from "./consents.sql";

/** Two names are the same signature when they match ignoring case and extra spaces. */
const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Signing a 42 CFR Part 2 consent: a signature given on paper (kept on file) recorded by staff, or the
 * participant's e-signature in their app, plus a parent or guardian where the site's minor rule
 * requires one. Both go through the one `sign` step; each is audited in the same transaction.
 */
export function createConsentSigningService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /**
   * Record one signature on a complete draft; when every required signer has signed, the consent is
   * signed and its text stored as signed. Refused with each missing element named.
   */
  async function sign(
    tx: Transaction,
    consentId: string,
    participantId: string,
    signature: { role: SignerRole; signerName: string; method: SignatureMethod; recordedBy: string },
    at: Date,
  ): Promise<{ signed: boolean }> {
    const facts = await factsOf(tx, consentId);
    if (facts.status !== "draft") throw new DomainError("CONSENT_NOT_DRAFT");
    const { moment, timeZone } = await momentFor(tx, participantId, at);
    const missing = findMissingElements(facts, moment.today);
    if (missing.length > 0)
      throw new DomainError(
        "CONSENT_INCOMPLETE",
        undefined,
        missing.map((d) => ({ path: d.field, message: `${d.paragraph}: ${d.message}` })),
        { missingElements: missing },
      );
    if (!facts.requiredSigners.includes(signature.role))
      throw new DomainError(
        "CONSENT_SIGNATURE_MISSING",
        "This consent does not ask for that signature. Only the participant signs it.",
        "role",
      );
    if (facts.signatures.some((s) => s.role === signature.role))
      throw new DomainError("CONSENT_SIGNED_ALREADY", undefined, "role");
    await store.insertSignature(tx, { consentId, ...signature, at });
    const signatures = [
      ...facts.signatures,
      { role: signature.role, signerName: signature.signerName, signedAt: at },
    ];
    if (findMissingSignatures(facts.requiredSigners, signatures).length > 0) return { signed: false };
    const participant = await store.findConsentParticipant(tx, participantId);
    const text = renderConsentDocument({
      consent: { ...facts, signatures },
      programName: participant?.site_name ?? "",
      timeZone,
    });
    if (!(await store.markSigned(tx, consentId, text, at))) throw new DomainError("CONSENT_NOT_DRAFT");
    return { signed: true };
  }

  /** The "consent.sign" audit entry for one recorded signature (and whether it completed the consent). */
  function auditSignature(
    tx: Transaction,
    context: AuditContext,
    entry: {
      consentId: string;
      participantId: string;
      purpose: AuditPurpose;
      role: SignerRole;
      method: SignatureMethod;
      signed: boolean;
    },
    at: Date,
  ) {
    return appendAudit(
      tx,
      context,
      {
        action: "consent.sign",
        resourceType: "consent",
        resourceId: entry.consentId,
        participantId: entry.participantId,
        purpose: entry.purpose,
        details: { role: entry.role, method: entry.method, consentSigned: entry.signed },
      },
      at,
    );
  }

  return {
    /** POST /consents/:id/signatures: staff record a signature given on paper (the form is kept on file). */
    async recordPaperSignature(
      actor: Actor,
      consentId: string,
      input: StaffSignatureInput,
      context: AuditContext,
    ): Promise<ConsentDetail> {
      const at = now();
      const { header, purpose } = await consentForStaff(
        db,
        actor,
        consentId,
        "consents.manage",
        "consent.sign",
        context,
        at,
      );
      await db.transaction(async (tx) => {
        const { signed } = await sign(
          tx,
          consentId,
          header.participant_id,
          {
            role: input.role,
            signerName: input.signerName,
            method: "paper_on_file",
            recordedBy: actor.user.id,
          },
          at,
        );
        await auditSignature(
          tx,
          context,
          {
            consentId,
            participantId: header.participant_id,
            purpose,
            role: input.role,
            method: "paper_on_file",
            signed,
          },
          at,
        );
      });
      return consentDetail(db, header.participant_id, consentId, at);
    },

    /** POST /me/consents/:id/sign: the participant e-signs by typing their name as printed on the consent. */
    async eSign(
      actor: Actor,
      consentId: string,
      input: ESignatureInput,
      context: AuditContext,
    ): Promise<ConsentDetail> {
      const { participantId } = await ownConsent(db, actor, consentId);
      const at = now();
      await db.transaction(async (tx) => {
        const facts = await factsOf(tx, consentId);
        if (facts.status === "draft" && !sameName(input.typedName, facts.patientName))
          throw new DomainError(
            "VALIDATION_FAILED",
            `Type your full name as it is printed on the consent: ${facts.patientName}.`,
            "typedName",
          );
        const { signed } = await sign(
          tx,
          consentId,
          participantId,
          {
            role: "patient",
            signerName: input.typedName.trim(),
            method: "electronic",
            recordedBy: actor.user.id,
          },
          at,
        );
        await auditSignature(
          tx,
          context,
          { consentId, participantId, purpose: "self", role: "patient", method: "electronic", signed },
          at,
        );
      });
      return consentDetail(db, participantId, consentId, at);
    },
  };
}

export type ConsentSigningService = ReturnType<typeof createConsentSigningService>;

import type { Permission } from "../../core/access/permissions";
import {
  type DisclosureMoment,
  findMissingElements,
  findMissingSignatures,
  isExpired,
} from "../../core/consents/consent.rules";
import type { ConsentFacts } from "../../core/consents/consent.schema";
import type { Consent, ConsentDetail, ConsentState } from "../../core/consents/consent-api.schema";
import { renderConsentDocument } from "../../core/consents/consent-document";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import type { AuditContext } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import { authorizeOnParticipant } from "../treatment-plans/plan-access";
import { findParticipantDisclosureFacts, listConsentFacts } from "./consent-facts.sql";
import * as store from "./consents.sql";

/**
 * What the consent services share: a consent as the API shows it (its state at a moment, its text,
 * its written revocations), and finding a consent the actor may act on.
 */

const NOT_FOUND = { type: "consent", notFound: "No such consent." };
const iso = (value: Date | string | null): string | null =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

/** The consent's state at this moment: what staff and the participant see as its badge. */
export function deriveConsentState(facts: ConsentFacts, moment: DisclosureMoment): ConsentState {
  if (facts.status === "void") return "void";
  if (facts.status === "draft") return "draft";
  if (facts.materiallyFalseAt !== null) return "materially_false";
  const revokedNow = (at: Date | null) => at !== null && at.getTime() <= moment.now.getTime();
  if (revokedNow(facts.revokedAt)) return "revoked";
  if (facts.recipients.length > 0 && facts.recipients.every((r) => revokedNow(r.revokedAt))) return "revoked";
  if (isExpired(facts, moment)) return "expired";
  if (facts.holdAt !== null) return "on_hold";
  if (facts.recipients.some((r) => revokedNow(r.revokedAt))) return "partly_revoked";
  return "in_force";
}

/** The moment a participant's consents are judged at, and the participant's time zone. */
export async function momentFor(q: Queryable, participantId: string, at: Date) {
  const facts = await findParticipantDisclosureFacts(q, participantId);
  if (!facts) throw new DomainError("NOT_FOUND", "No such participant.");
  const moment: DisclosureMoment = {
    now: at,
    today: localDateIn(at, facts.timeZone),
    treatmentEndedOn: facts.treatmentEndedOn,
    restrictedScopes: facts.restrictedScopes,
  };
  return { moment, timeZone: facts.timeZone };
}

/** The views of these consents (of one participant), newest first. */
export async function consentViews(q: Queryable, participantId: string, ids: readonly string[], at: Date) {
  // One query at a time: `q` may be a transaction's single connection.
  const facts = await listConsentFacts(q, ids);
  const records = await store.listConsentRecords(q, ids);
  const methods = await store.listSignatureMethods(q, ids);
  const context = await momentFor(q, participantId, at);
  const participant = await store.findConsentParticipant(q, participantId);
  const out: (Consent & { documentText: string })[] = [];
  for (const id of ids) {
    const f = facts.find((c) => c.id === id);
    const record = records.find((r) => r.id === id);
    if (!f || !record) continue;
    const draft = f.status === "draft";
    out.push({
      id: f.id,
      participantId: record.participant_id,
      kind: f.kind,
      patientName: f.patientName,
      disclosers: [...f.disclosers],
      informationScope: [...f.informationScope],
      informationDetail: f.informationDetail,
      recipients: f.recipients.map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        relationship: r.relationship,
        email: r.email,
        coveredEntity: r.coveredEntity,
        intermediaryParticipants: r.intermediaryParticipants,
        generalDesignationTreatingOnly: r.generalDesignationTreatingOnly,
        revokedAt: iso(r.revokedAt),
      })),
      purposes: [...f.purposes],
      purposeDetail: f.purposeDetail,
      expiresOn: f.expiresOn,
      expiryEvent: f.expiryEvent,
      refusalConsequences: f.refusalConsequences,
      revocableAfter: f.revocableAfter,
      requiredSigners: [...f.requiredSigners],
      signatures: f.signatures.map((s) => ({
        role: s.role,
        signerName: s.signerName,
        method: methods.find((m) => m.consent_id === id && m.role === s.role)?.method ?? "paper_on_file",
        signedAt: s.signedAt.toISOString(),
      })),
      missingSigners: draft ? findMissingSignatures(f.requiredSigners, f.signatures) : [],
      missingElements: draft ? findMissingElements(f, context.moment.today) : [],
      status: f.status,
      state: deriveConsentState(f, context.moment),
      signedAt: iso(f.signedAt),
      revokedAt: iso(f.revokedAt),
      holdAt: iso(f.holdAt),
      holdNote: record.hold_note,
      materiallyFalseAt: iso(f.materiallyFalseAt),
      materiallyFalseNote: record.materially_false_note,
      createdAt: iso(record.created_at)!,
      version: record.version,
      // A draft shows how it will read once signed; a signed consent keeps the text as signed.
      documentText:
        f.status === "signed"
          ? record.document_text
          : renderConsentDocument({
              consent: f,
              programName: participant?.site_name ?? "",
              timeZone: context.timeZone,
            }),
    });
  }
  return out;
}

/** A consent's written revocations as the API shows them. */
export async function revocationViews(
  q: Queryable,
  consentId: string,
): Promise<ConsentDetail["revocations"]> {
  const revocations = await store.listRevocations(q, consentId);
  return revocations.map((r) => ({
    id: r.id,
    recipientId: r.recipient_id,
    writtenStatement: r.written_statement,
    method: r.method,
    revokedAt: iso(r.revoked_at)!,
  }));
}

/** One consent with its text and its written revocations. */
export async function consentDetail(
  q: Queryable,
  participantId: string,
  consentId: string,
  at: Date,
): Promise<ConsentDetail> {
  const [view] = await consentViews(q, participantId, [consentId], at);
  if (!view) throw new DomainError("NOT_FOUND", "No such consent.");
  return { ...view, revocations: await revocationViews(q, consentId) };
}

/** A consent the staff actor may act on with `permission` (refusals audited, answered as the guard would). */
export async function consentForStaff(
  db: Database,
  actor: Actor,
  consentId: string,
  permission: Permission,
  action: string,
  context: AuditContext,
  at: Date,
) {
  if (actor.user.kind !== "staff")
    throw new DomainError("AUTH_FORBIDDEN", "Your consents are in your own area, under Privacy.");
  const header = await store.findConsentHeader(db, consentId);
  if (!header) throw new DomainError("NOT_FOUND", "No such consent.");
  const purpose = await authorizeOnParticipant(
    db,
    actor,
    header.participant_id,
    permission,
    { action, context },
    at,
    NOT_FOUND,
  );
  return { header, purpose };
}

/** One of the signed-in participant's own consents (a void one is not theirs to see). */
export async function ownConsent(db: Database, actor: Actor, consentId: string) {
  const participantId = ownParticipantId(actor, "consents");
  const header = await store.findConsentHeader(db, consentId);
  if (!header || header.participant_id !== participantId || header.status === "void")
    throw new DomainError("NOT_FOUND", "No such consent.");
  return { header, participantId };
}

/** The consent's facts as the pure rules take them. */
export async function factsOf(q: Queryable, consentId: string): Promise<ConsentFacts> {
  const [facts] = await listConsentFacts(q, [consentId]);
  if (!facts) throw new DomainError("NOT_FOUND", "No such consent.");
  return facts;
}

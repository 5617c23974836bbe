import { and, eq, isNull, sql } from "drizzle-orm";
import type {
  ConsentDraftInput,
  RevocationMethod,
  SignatureMethod,
  SignerRole,
} from "../../core/consents/consent.schema";
import { type Queryable, queryRows } from "../db/connection";
import { consentRecipients, consentRevocations, consentSignatures, consents } from "../db/schema";

/**
 * Storage of consents: drafts with their recipients, signatures and written revocations. Storage
 * verbs only; whether a draft may be signed or a revocation made is the service's (and the rules').
 * Every path that creates or signs a consent (the chart, the participant's sharing page, the demo)
 * writes through these functions.
 */

export async function insertConsent(
  q: Queryable,
  values: {
    participantId: string;
    siteId: string;
    draft: ConsentDraftInput;
    requiredSigners: readonly SignerRole[];
    createdBy: string;
    at: Date;
  },
): Promise<{ consentId: string; recipientIds: string[] }> {
  const { draft } = values;
  const [row] = await q
    .insert(consents)
    .values({
      participantId: values.participantId,
      siteId: values.siteId,
      kind: draft.kind,
      patientName: draft.patientName,
      disclosers: draft.disclosers,
      informationScope: [...draft.informationScope],
      informationDetail: draft.informationDetail,
      purposes: [...draft.purposes],
      purposeDetail: draft.purposeDetail,
      expiresOn: draft.expiresOn,
      expiryEvent: draft.expiryEvent,
      refusalConsequences: draft.refusalConsequences,
      revocableAfter: draft.revocableAfter,
      requiredSigners: [...values.requiredSigners],
      createdBy: values.createdBy,
      createdAt: values.at,
      updatedAt: values.at,
    })
    .returning({ id: consents.id });
  const recipientIds = await insertRecipients(q, row!.id, draft.recipients);
  return { consentId: row!.id, recipientIds };
}

async function insertRecipients(
  q: Queryable,
  consentId: string,
  recipients: ConsentDraftInput["recipients"],
): Promise<string[]> {
  if (recipients.length === 0) return [];
  const rows = await q
    .insert(consentRecipients)
    .values(recipients.map((r) => ({ consentId, ...r })))
    .returning({ id: consentRecipients.id });
  return rows.map((r) => r.id);
}

/** Replace a draft's fields and recipients (drafts only; optimistic lock on `version`). False on a stale version. */
export async function updateDraft(
  q: Queryable,
  consentId: string,
  expectedVersion: number,
  draft: ConsentDraftInput,
  at: Date,
): Promise<boolean> {
  const updated = await q
    .update(consents)
    .set({
      kind: draft.kind,
      patientName: draft.patientName,
      disclosers: draft.disclosers,
      informationScope: [...draft.informationScope],
      informationDetail: draft.informationDetail,
      purposes: [...draft.purposes],
      purposeDetail: draft.purposeDetail,
      expiresOn: draft.expiresOn,
      expiryEvent: draft.expiryEvent,
      refusalConsequences: draft.refusalConsequences,
      revocableAfter: draft.revocableAfter,
      updatedAt: at,
      version: sql`${consents.version} + 1`,
    })
    .where(
      and(eq(consents.id, consentId), eq(consents.status, "draft"), eq(consents.version, expectedVersion)),
    )
    .returning({ id: consents.id });
  if (updated.length === 0) return false;
  await q.delete(consentRecipients).where(eq(consentRecipients.consentId, consentId));
  await insertRecipients(q, consentId, draft.recipients);
  return true;
}

export async function insertSignature(
  q: Queryable,
  values: {
    consentId: string;
    role: SignerRole;
    signerName: string;
    method: SignatureMethod;
    recordedBy: string;
    at: Date;
  },
): Promise<void> {
  await q.insert(consentSignatures).values({
    consentId: values.consentId,
    role: values.role,
    signerName: values.signerName,
    method: values.method,
    recordedBy: values.recordedBy,
    signedAt: values.at,
  });
}

/** Mark a draft signed, keeping the rendered document as signed (the copy §2.32(b) may send). */
export async function markSigned(
  q: Queryable,
  consentId: string,
  documentText: string,
  at: Date,
): Promise<boolean> {
  const rows = await q
    .update(consents)
    .set({
      status: "signed",
      signedAt: at,
      documentText,
      updatedAt: at,
      version: sql`${consents.version} + 1`,
    })
    .where(and(eq(consents.id, consentId), eq(consents.status, "draft")))
    .returning({ id: consents.id });
  return rows.length > 0;
}

export async function markVoid(q: Queryable, consentId: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(consents)
    .set({ status: "void", updatedAt: at, version: sql`${consents.version} + 1` })
    .where(and(eq(consents.id, consentId), eq(consents.status, "draft")))
    .returning({ id: consents.id });
  return rows.length > 0;
}

export async function setHold(
  q: Queryable,
  consentId: string,
  hold: { at: Date; note: string; by: string } | null,
  at: Date,
): Promise<void> {
  await q
    .update(consents)
    .set({
      holdAt: hold?.at ?? null,
      holdNote: hold?.note ?? "",
      holdBy: hold?.by ?? null,
      updatedAt: at,
      version: sql`${consents.version} + 1`,
    })
    .where(eq(consents.id, consentId));
}

export async function setMateriallyFalse(
  q: Queryable,
  consentId: string,
  note: string,
  at: Date,
): Promise<void> {
  await q
    .update(consents)
    .set({
      materiallyFalseAt: at,
      materiallyFalseNote: note,
      updatedAt: at,
      version: sql`${consents.version} + 1`,
    })
    .where(eq(consents.id, consentId));
}

/**
 * A written revocation: of the whole consent (`recipientId` null), or of one recipient, whose row is
 * stamped too so the next request sees it. Effective at `at` (the next request after it).
 */
export async function insertRevocation(
  q: Queryable,
  values: {
    consentId: string;
    recipientId: string | null;
    writtenStatement: string;
    method: RevocationMethod;
    recordedBy: string;
    at: Date;
  },
): Promise<string> {
  const [row] = await q
    .insert(consentRevocations)
    .values({
      consentId: values.consentId,
      recipientId: values.recipientId,
      writtenStatement: values.writtenStatement,
      method: values.method,
      recordedBy: values.recordedBy,
      revokedAt: values.at,
    })
    .returning({ id: consentRevocations.id });
  const recipientFilter =
    values.recipientId === null
      ? and(eq(consentRecipients.consentId, values.consentId), isNull(consentRecipients.revokedAt))
      : and(eq(consentRecipients.id, values.recipientId), isNull(consentRecipients.revokedAt));
  await q.update(consentRecipients).set({ revokedAt: values.at }).where(recipientFilter);
  return row!.id;
}

export async function setRecipientFamilyUser(
  q: Queryable,
  recipientId: string,
  familyUserId: string,
): Promise<void> {
  await q.update(consentRecipients).set({ familyUserId }).where(eq(consentRecipients.id, recipientId));
}

export async function setSafetyScreen(
  q: Queryable,
  recipientId: string,
  answer: "safe" | "concern",
  at: Date,
): Promise<void> {
  await q
    .update(consentRecipients)
    .set({ safetyScreen: answer, safetyScreenedAt: at })
    .where(eq(consentRecipients.id, recipientId));
}

export interface ConsentHeaderRow {
  id: string;
  participant_id: string;
  site_id: string;
  status: "draft" | "signed" | "void";
  version: number;
}

export async function findConsentHeader(
  q: Queryable,
  consentId: string,
): Promise<ConsentHeaderRow | undefined> {
  const rows = await queryRows<ConsentHeaderRow>(
    q,
    sql`select id, participant_id, site_id, status, version from consents where id = ${consentId}`,
  );
  return rows[0];
}

/** The ids of a participant's consents, newest first (drafts and void ones included; the caller filters). */
export async function listConsentIds(q: Queryable, participantId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from consents where participant_id = ${participantId} order by created_at desc`,
  );
  return rows.map((r) => r.id);
}

export interface ConsentRecordRow {
  id: string;
  participant_id: string;
  site_id: string;
  version: number;
  created_at: Date | string;
  hold_note: string;
  materially_false_note: string;
  document_text: string;
}

/** The record fields the rule facts leave out (version, notes, the signed text), for these consents. */
export async function listConsentRecords(
  q: Queryable,
  consentIds: readonly string[],
): Promise<ConsentRecordRow[]> {
  if (consentIds.length === 0) return [];
  const ids = sql.join(
    consentIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return queryRows<ConsentRecordRow>(
    q,
    sql`select id, participant_id, site_id, version, created_at, hold_note, materially_false_note, document_text
        from consents where id in (${ids})`,
  );
}

export interface SignatureMethodRow {
  consent_id: string;
  role: SignerRole;
  method: SignatureMethod;
}

export async function listSignatureMethods(
  q: Queryable,
  consentIds: readonly string[],
): Promise<SignatureMethodRow[]> {
  if (consentIds.length === 0) return [];
  const ids = sql.join(
    consentIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return queryRows<SignatureMethodRow>(
    q,
    sql`select consent_id, role, method from consent_signatures where consent_id in (${ids})`,
  );
}

export interface RevocationRow {
  id: string;
  recipient_id: string | null;
  written_statement: string;
  method: RevocationMethod;
  revoked_at: Date | string;
}

export async function listRevocations(q: Queryable, consentId: string): Promise<RevocationRow[]> {
  return queryRows<RevocationRow>(
    q,
    sql`select id, recipient_id, written_statement, method, revoked_at from consent_revocations
        where consent_id = ${consentId} order by revoked_at`,
  );
}

export interface ConsentParticipantRow {
  id: string;
  site_id: string;
  site_name: string;
  time_zone: string;
  born_on: string;
  given_name: string;
  family_name: string;
  user_id: string | null;
}

/** The participant facts drafting and signing need: birth date (who signs), site calendar and name. */
export async function findConsentParticipant(
  q: Queryable,
  participantId: string,
): Promise<ConsentParticipantRow | undefined> {
  const rows = await queryRows<ConsentParticipantRow>(
    q,
    sql`select p.id, p.site_id, s.name as site_name, s.time_zone, p.born_on::text as born_on, p.given_name,
          p.family_name, p.user_id
        from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  return rows[0];
}

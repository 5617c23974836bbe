import { sql } from "drizzle-orm";
import type {
  ConsentFacts,
  ConsentKind,
  ConsentPurpose,
  ExpiryEvent,
  InformationScope,
  RecipientKind,
  SignerRole,
} from "../../core/consents/consent.schema";
import { type Queryable, queryRows } from "../db/connection";

/**
 * Storage reads that turn a stored consent into the facts the rules check at the moment of a
 * disclosure (`checkConsentForDisclosure`), plus the participant-level facts that check needs.
 */

const asDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

interface ConsentRow {
  id: string;
  kind: ConsentKind;
  patient_name: string;
  disclosers: { type: "program" | "named" | "class"; name: string }[];
  information_scope: InformationScope[];
  information_detail: string;
  purposes: ConsentPurpose[];
  purpose_detail: string;
  expires_on: string | null;
  expiry_event: ExpiryEvent | null;
  refusal_consequences: string;
  revocable_after: string | null;
  required_signers: SignerRole[];
  status: "draft" | "signed" | "void";
  signed_at: Date | string | null;
  hold_at: Date | string | null;
  materially_false_at: Date | string | null;
  revoked_at: Date | string | null;
}

interface RecipientRow {
  id: string;
  consent_id: string;
  kind: RecipientKind;
  name: string;
  relationship: string;
  email: string;
  covered_entity: boolean;
  intermediary_participants: string;
  general_designation_treating_only: boolean;
  revoked_at: Date | string | null;
}

interface SignatureRow {
  consent_id: string;
  role: SignerRole;
  signer_name: string;
  signed_at: Date | string;
}

/** The consents with these ids as rule facts (whole-consent revocation folded in). */
export async function listConsentFacts(q: Queryable, consentIds: readonly string[]): Promise<ConsentFacts[]> {
  if (consentIds.length === 0) return [];
  const ids = sql.join(
    consentIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // One after another: a transaction is one connection, and node-postgres warns about overlapping queries.
  const consentRows = await queryRows<ConsentRow>(
    q,
    sql`select c.id, c.kind, c.patient_name, c.disclosers, c.information_scope, c.information_detail,
            c.purposes, c.purpose_detail, c.expires_on::text as expires_on, c.expiry_event, c.refusal_consequences,
            c.revocable_after::text as revocable_after, c.required_signers, c.status, c.signed_at, c.hold_at,
            c.materially_false_at,
            (select min(r.revoked_at) from consent_revocations r where r.consent_id = c.id and r.recipient_id is null) as revoked_at
          from consents c where c.id in (${ids})`,
  );
  const recipientRows = await queryRows<RecipientRow>(
    q,
    sql`select id, consent_id, kind, name, relationship, email, covered_entity, intermediary_participants,
            general_designation_treating_only, revoked_at
          from consent_recipients where consent_id in (${ids}) order by name`,
  );
  const signatureRows = await queryRows<SignatureRow>(
    q,
    sql`select consent_id, role, signer_name, signed_at from consent_signatures where consent_id in (${ids})`,
  );
  return consentRows.map((c) => ({
    id: c.id,
    kind: c.kind,
    patientName: c.patient_name,
    disclosers: c.disclosers,
    informationScope: c.information_scope,
    informationDetail: c.information_detail,
    recipients: recipientRows
      .filter((r) => r.consent_id === c.id)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        relationship: r.relationship,
        email: r.email,
        coveredEntity: r.covered_entity,
        intermediaryParticipants: r.intermediary_participants,
        generalDesignationTreatingOnly: r.general_designation_treating_only,
        revokedAt: asDate(r.revoked_at),
      })),
    purposes: c.purposes,
    purposeDetail: c.purpose_detail,
    expiresOn: c.expires_on,
    expiryEvent: c.expiry_event,
    refusalConsequences: c.refusal_consequences,
    revocableAfter: c.revocable_after,
    requiredSigners: c.required_signers,
    signatures: signatureRows
      .filter((s) => s.consent_id === c.id)
      .map((s) => ({ role: s.role, signerName: s.signer_name, signedAt: asDate(s.signed_at)! })),
    status: c.status,
    signedAt: asDate(c.signed_at),
    revokedAt: asDate(c.revoked_at),
    holdAt: asDate(c.hold_at),
    materiallyFalseAt: asDate(c.materially_false_at),
  }));
}

export interface ParticipantDisclosureFacts {
  siteId: string;
  timeZone: string;
  /** The latest episode's discharge date (null while in treatment). */
  treatmentEndedOn: string | null;
  /**
   * Categories withheld by §2.26 restrictions: agreed ones, and ones the program ended by notice —
   * those still protect what was created before the notice, and the check cannot date each record,
   * so they keep applying (the participant's own ending lifts a restriction).
   */
  restrictedScopes: InformationScope[];
}

export async function findParticipantDisclosureFacts(
  q: Queryable,
  participantId: string,
): Promise<ParticipantDisclosureFacts | undefined> {
  const rows = await queryRows<{
    site_id: string;
    time_zone: string;
    treatment_ended_on: string | null;
    restricted: InformationScope[] | null;
  }>(
    q,
    sql`select p.site_id, s.time_zone,
          (select e.discharged_on::text from episodes e where e.participant_id = p.id
             order by e.admitted_on desc limit 1) as treatment_ended_on,
          (select array_agg(distinct x) from consent_restrictions r, unnest(r.information_scope) x
             where r.participant_id = p.id and r.kind <> 'health_plan_self_paid'
               and (r.status = 'agreed' or (r.status = 'terminated' and r.terminated_by = 'program_notice'))) as restricted
        from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    siteId: row.site_id,
    timeZone: row.time_zone,
    treatmentEndedOn: row.treatment_ended_on,
    restrictedScopes: row.restricted ?? [],
  };
}

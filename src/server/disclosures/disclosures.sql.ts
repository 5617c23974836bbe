import { and, eq, sql } from "drizzle-orm";
import type { InformationScope } from "../../core/consents/consent.schema";
import type { Part2StatementKind } from "../../core/consents/statements";
import type {
  DisclosureBasis,
  DisclosureChannel,
  ExceptionKind,
  ExceptionStatus,
} from "../../core/disclosures/disclosure.schema";
import { type Queryable, queryRows } from "../db/connection";
import { disclosureExceptions, disclosures } from "../db/schema";

/** Storage of the disclosure log (insert only: the log is immutable), its reads, and the no-consent requests. */
export async function insertDisclosure(
  q: Queryable,
  row: {
    participantId: string;
    siteId: string;
    basis: DisclosureBasis;
    consentId: string | null;
    recipientId: string | null;
    recipientName: string;
    recipientUserId: string | null;
    channel: DisclosureChannel;
    purpose: string;
    information: InformationScope[];
    statement: Part2StatementKind | "none";
    scopeSummary: string;
    payloadHash: string;
    disclosedBy: string | null;
    exceptionId: string | null;
    disclosedAt: Date;
  },
): Promise<string> {
  const [inserted] = await q.insert(disclosures).values(row).returning({ id: disclosures.id });
  return inserted!.id;
}

export interface DisclosureLogRow {
  id: string;
  disclosed_at: Date | string;
  basis: DisclosureBasis;
  channel: DisclosureChannel;
  recipient_name: string;
  purpose: string;
  information: InformationScope[];
  disclosed_by_name: string | null;
  consent_id: string | null;
  statement: Part2StatementKind | "none";
}

/** One page of a participant's disclosure log, newest first, optionally of one basis; with the total. */
export async function listByParticipant(
  q: Queryable,
  participantId: string,
  options: { basis?: DisclosureBasis | undefined; limit: number; offset: number },
): Promise<{ rows: DisclosureLogRow[]; total: number }> {
  const basis = options.basis ? sql`and d.basis = ${options.basis}` : sql``;
  // One after another: on a transaction (one connection) node-postgres warns about overlapping queries.
  const rows = await queryRows<DisclosureLogRow>(
    q,
    sql`select d.id, d.disclosed_at, d.basis, d.channel, d.recipient_name, d.purpose, d.information,
            u.display_name as disclosed_by_name, d.consent_id, d.statement
          from disclosures d left join users u on u.id = d.disclosed_by
          where d.participant_id = ${participantId} ${basis}
          order by d.disclosed_at desc, d.id desc
          limit ${options.limit} offset ${options.offset}`,
  );
  const counted = await queryRows<{ n: number }>(
    q,
    sql`select count(*)::int as n from disclosures d where d.participant_id = ${participantId} ${basis}`,
  );
  return { rows, total: counted[0]?.n ?? 0 };
}

export interface DisclosureReceiptRow {
  id: string;
  exception_id: string | null;
  statement: Part2StatementKind | "none";
  scope_summary: string;
}

/** The log rows written for these no-consent requests (one each once released). */
export function listByExceptions(
  q: Queryable,
  exceptionIds: readonly string[],
): Promise<DisclosureReceiptRow[]> {
  if (exceptionIds.length === 0) return Promise.resolve([]);
  return queryRows<DisclosureReceiptRow>(
    q,
    sql`select id, exception_id, statement, scope_summary from disclosures
        where exception_id in (${sql.join(
          exceptionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

export interface ExceptionRow {
  id: string;
  participant_id: string;
  site_id: string;
  kind: ExceptionKind;
  details: Record<string, unknown>;
  information: InformationScope[];
  status: ExceptionStatus;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date | string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_note: string;
}

const EXCEPTION_COLUMNS = sql`x.id, x.participant_id, x.site_id, x.kind, x.details, x.information, x.status,
  x.requested_by, r.display_name as requested_by_name, x.requested_at, d.display_name as decided_by_name,
  x.decided_at, x.decision_note`;

export async function insertException(
  q: Queryable,
  row: {
    participantId: string;
    siteId: string;
    kind: ExceptionKind;
    details: Record<string, unknown>;
    information: InformationScope[];
    status: ExceptionStatus;
    requestedBy: string;
    requestedAt: Date;
  },
): Promise<string> {
  const [inserted] = await q
    .insert(disclosureExceptions)
    .values(row)
    .returning({ id: disclosureExceptions.id });
  return inserted!.id;
}

export async function findException(q: Queryable, id: string): Promise<ExceptionRow | undefined> {
  const rows = await queryRows<ExceptionRow>(
    q,
    sql`select ${EXCEPTION_COLUMNS} from disclosure_exceptions x
        join users r on r.id = x.requested_by left join users d on d.id = x.decided_by
        where x.id = ${id}`,
  );
  return rows[0];
}

export function listExceptionsByParticipant(q: Queryable, participantId: string): Promise<ExceptionRow[]> {
  return queryRows<ExceptionRow>(
    q,
    sql`select ${EXCEPTION_COLUMNS} from disclosure_exceptions x
        join users r on r.id = x.requested_by left join users d on d.id = x.decided_by
        where x.participant_id = ${participantId}
        order by x.requested_at desc, x.id desc`,
  );
}

/** Decide a pending request; false when it was no longer pending (someone decided first). */
export async function decideException(
  q: Queryable,
  id: string,
  decision: { status: "approved" | "refused"; decidedBy: string; decidedAt: Date; decisionNote: string },
): Promise<boolean> {
  const rows = await q
    .update(disclosureExceptions)
    .set(decision)
    .where(and(eq(disclosureExceptions.id, id), eq(disclosureExceptions.status, "pending_approval")))
    .returning({ id: disclosureExceptions.id });
  return rows.length === 1;
}

/** What the front of a release packet names: the program, the site and its zone, the participant. */
export async function findPacketFacts(q: Queryable, participantId: string) {
  const rows = await queryRows<{
    program_name: string;
    site_name: string;
    site_time_zone: string;
    given_name: string;
    family_name: string;
    born_on: string;
    preferred_language: "en" | "es";
  }>(
    q,
    sql`select o.name as program_name, s.name as site_name, s.time_zone as site_time_zone,
          p.given_name, p.family_name, p.born_on::text as born_on, p.preferred_language
        from participants p join sites s on s.id = p.site_id join organisations o on o.id = s.organisation_id
        where p.id = ${participantId}`,
  );
  return rows[0];
}

/** A consent's signed copy and the participant it belongs to (the copy goes with each release, §2.32(b)). */
export async function findConsentCopy(q: Queryable, consentId: string) {
  const rows = await queryRows<{ participant_id: string; document_text: string }>(
    q,
    sql`select participant_id, document_text from consents where id = ${consentId}`,
  );
  return rows[0];
}

/** The signed consents of a participant (release options; the rules decide which are usable). */
export async function listSignedConsentIds(q: Queryable, participantId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from consents where participant_id = ${participantId} and status = 'signed'
        order by signed_at desc`,
  );
  return rows.map((r) => r.id);
}

import { createHash } from "node:crypto";
import { checkConsentForDisclosure, describeConsentScope } from "../../core/consents/consent.rules";
import type { ConsentProblem, InformationScope } from "../../core/consents/consent.schema";
import { PART2_STATEMENTS, type Part2StatementKind } from "../../core/consents/statements";
import type { DisclosureChannel, ExceptionKind } from "../../core/disclosures/disclosure.schema";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import { findParticipantDisclosureFacts, listConsentFacts } from "../consents/consent-facts.sql";
import type { Database, Transaction } from "../db/connection";
import { insertDisclosure } from "./disclosures.sql";

/**
 * THE one way information about a participant leaves the program (42 CFR Part 2). Every path — a
 * family-portal view, a record release, a referral packet, a FHIR answer to an outside client, a
 * printed record, a disclosure without consent — calls `disclose` inside the transaction that reads
 * what it sends. It checks the consent at this moment (§2.31(c)), writes the disclosure log (who, what,
 * to whom, purpose, under which consent, when, a hash of what was sent) and an audit event, and returns
 * the exact §2.32 statement and the scope explanation the artefact must carry. A refused disclosure
 * throws `DisclosureRefused` and, through `discloseWithin`, leaves a denied audit event; nothing is
 * logged as disclosed and nothing is sent.
 *
 * Use `discloseWithin` from a service: it reads what is to be sent and logs it in one transaction.
 */

export type DiscloseRequest = {
  participantId: string;
  channel: DisclosureChannel;
  /** Why, in words for the log (e.g. "Family portal: schedule", "Release to Dr. Rivera"). */
  purpose: string;
  information: readonly InformationScope[];
  /** What is sent, hashed into the log (any JSON-serialisable value or a Buffer). */
  payload: unknown;
  /** The staff member who made it, or the family member viewing the portal. */
  disclosedBy: string | null;
  /** Statement 2 only where space is short (a FHIR security label, an SMS). */
  statement?: Part2StatementKind;
  at: Date;
} & (
  | { basis: "consent"; consentId: string; recipientId: string; recipientUserId?: string | null }
  | { basis: ExceptionKind; exceptionId: string; recipientName: string }
);

export interface Disclosure {
  disclosureId: string;
  consentId: string | null;
  statement: { kind: Part2StatementKind | "none"; text: string };
  /** §2.32(b): the scope explanation (consent disclosures), or the exception's basis. */
  scopeSummary: string;
  /** The consent as signed (its copy may go with the disclosure instead of the summary). */
  consentDocument: string | null;
}

/** A disclosure the consent does not allow, with why (for staff; a recipient sees only that it is not allowed). */
export class DisclosureRefused extends DomainError {
  readonly problems: ConsentProblem[];
  constructor(problems: ConsentProblem[]) {
    super("DISCLOSURE_NOT_ALLOWED", undefined, undefined, { problems });
    this.problems = problems;
  }
}

const hashOf = (payload: unknown): string =>
  createHash("sha256")
    .update(Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload ?? null)))
    .digest("hex");

export async function disclose(
  tx: Transaction,
  context: AuditContext,
  request: DiscloseRequest,
): Promise<Disclosure> {
  const facts = await findParticipantDisclosureFacts(tx, request.participantId);
  if (!facts) throw new DomainError("NOT_FOUND", "No such participant.");
  const information = [...new Set(request.information)];
  const auditBase = {
    resourceType: "participant",
    resourceId: request.participantId,
    participantId: request.participantId,
    purpose: "disclosure" as const,
  };

  if (request.basis !== "consent") {
    const disclosureId = await insertDisclosure(tx, {
      participantId: request.participantId,
      siteId: facts.siteId,
      basis: request.basis,
      consentId: null,
      recipientId: null,
      recipientName: request.recipientName,
      recipientUserId: null,
      channel: request.channel,
      purpose: request.purpose,
      information,
      statement: "statement_1",
      scopeSummary: `Disclosed without consent under 42 CFR Part 2 (${request.basis.replaceAll("_", " ")}).`,
      payloadHash: hashOf(request.payload),
      disclosedBy: request.disclosedBy,
      exceptionId: request.exceptionId,
      disclosedAt: request.at,
    });
    await appendAudit(
      tx,
      context,
      {
        ...auditBase,
        action: "disclosures.disclose",
        details: { basis: request.basis, channel: request.channel },
      },
      request.at,
    );
    return {
      disclosureId,
      consentId: null,
      statement: { kind: "statement_1", text: PART2_STATEMENTS.statement_1 },
      scopeSummary: `Disclosed without consent under 42 CFR Part 2 (${request.basis.replaceAll("_", " ")}).`,
      consentDocument: null,
    };
  }

  const [consent] = await listConsentFacts(tx, [request.consentId]);
  const problems: ConsentProblem[] = consent
    ? checkConsentForDisclosure(consent, request.recipientId, information, {
        now: request.at,
        today: localDateIn(request.at, facts.timeZone),
        treatmentEndedOn: facts.treatmentEndedOn,
        restrictedScopes: facts.restrictedScopes,
      })
    : ["not_signed"];
  if (problems.length > 0) throw new DisclosureRefused(problems);
  const recipient = consent!.recipients.find((r) => r.id === request.recipientId)!;
  const statement = request.statement ?? "statement_1";
  const scopeSummary = describeConsentScope(consent!, recipient.id);
  const disclosureId = await insertDisclosure(tx, {
    participantId: request.participantId,
    siteId: facts.siteId,
    basis: "consent",
    consentId: consent!.id,
    recipientId: recipient.id,
    recipientName: recipient.name,
    recipientUserId: request.recipientUserId ?? null,
    channel: request.channel,
    purpose: request.purpose,
    information,
    statement,
    scopeSummary,
    payloadHash: hashOf(request.payload),
    disclosedBy: request.disclosedBy,
    exceptionId: null,
    disclosedAt: request.at,
  });
  await appendAudit(
    tx,
    context,
    { ...auditBase, action: "disclosures.disclose", details: { basis: "consent", channel: request.channel } },
    request.at,
  );
  return {
    disclosureId,
    consentId: consent!.id,
    statement: { kind: statement, text: PART2_STATEMENTS[statement] },
    scopeSummary,
    consentDocument: null,
  };
}

/**
 * A request without its payload, kept per basis: `Omit` of the union keeps only the shared fields, so
 * a variable of this type carries the consent (or exception) fields through to `disclose`.
 */
export type DiscloseRequestWithoutPayload = DiscloseRequest extends infer R
  ? R extends DiscloseRequest
    ? Omit<R, "payload">
    : never
  : never;

/**
 * Read what is to be sent and disclose it, in one transaction: the consent is checked and the log
 * written with the hash of exactly what `read` returned. On a refusal the transaction rolls back
 * (nothing read leaves) and a denied audit event is recorded on its own.
 */
export async function discloseWithin<T>(
  db: Database,
  context: AuditContext,
  request: DiscloseRequestWithoutPayload,
  read: (tx: Transaction) => Promise<T>,
): Promise<{ result: T; disclosure: Disclosure }> {
  try {
    return await db.transaction(async (tx) => {
      const result = await read(tx);
      const disclosure = await disclose(tx, context, { ...request, payload: result } as DiscloseRequest);
      return { result, disclosure };
    });
  } catch (error) {
    if (error instanceof DisclosureRefused) {
      await recordAudit(
        db,
        context,
        {
          action: "disclosures.disclose",
          resourceType: "participant",
          resourceId: request.participantId,
          participantId: request.participantId,
          purpose: "disclosure",
          outcome: "denied",
          details: { channel: request.channel, problems: error.problems.join(",") },
        },
        request.at,
      );
    }
    throw error;
  }
}

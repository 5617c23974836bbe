import { createHash } from "node:crypto";
import {
  type AccessLogPage,
  AUDIT_GENESIS_HASH,
  type AuditEventInput,
  type AuditFilter,
  type AuditOutcome,
  type AuditPage,
  type AuditPurpose,
  canonicalAuditText,
} from "../../core/audit/audit.schema";
import type { Database, Queryable, Transaction } from "../db/connection";
import * as audit from "./audit.sql";

/** Who acted and from where: taken from the request, passed down to services. */
export interface AuditContext {
  actorUserId: string | null;
  actorKind: string | null;
  requestId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/** What happened. */
export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  participantId?: string | null;
  purpose: AuditPurpose;
  outcome?: AuditOutcome;
  details?: AuditEventInput["details"];
}

export const SYSTEM_CONTEXT: AuditContext = {
  actorUserId: null,
  actorKind: "system",
  requestId: null,
  ipAddress: null,
  userAgent: null,
};

export function hashAuditEvent(seq: number, event: AuditEventInput, previousHash: string): string {
  return createHash("sha256")
    .update(canonicalAuditText(seq, event, previousHash))
    .digest("hex");
}

function toInput(context: AuditContext, entry: AuditEntry, at: Date): AuditEventInput {
  return {
    occurredAt: at,
    actorUserId: context.actorUserId,
    actorKind: context.actorKind,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    participantId: entry.participantId ?? null,
    purpose: entry.purpose,
    outcome: entry.outcome ?? "allowed",
    requestId: context.requestId,
    ipAddress: context.ipAddress,
    userAgent: context.userAgent?.slice(0, 300) ?? null,
    details: entry.details ?? null,
  };
}

/**
 * Append events to the chain inside the caller's transaction, so an event exists exactly when the
 * change it records was committed. Appends are serialised by an advisory lock held to commit.
 */
export async function appendAudit(
  tx: Transaction,
  context: AuditContext,
  entries: AuditEntry | readonly AuditEntry[],
  at: Date,
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  await appendAuditInputs(
    tx,
    list.map((entry) => toInput(context, entry, at)),
  );
}

/** Append fully formed events (each with its own actor and time), in order. */
export async function appendAuditInputs(tx: Transaction, inputs: readonly AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await audit.lockChain(tx);
  const head = await audit.findHead(tx);
  let seq = head?.seq ?? 0;
  let previousHash = head?.hash ?? AUDIT_GENESIS_HASH;
  const rows: audit.NewAuditRow[] = [];
  for (const input of inputs) {
    seq += 1;
    const hash = hashAuditEvent(seq, input, previousHash);
    rows.push({
      seq,
      ...input,
      details: input.details ? JSON.stringify(input.details) : null,
      previousHash,
      hash,
    });
    previousHash = hash;
  }
  for (let i = 0; i < rows.length; i += 1000) await audit.insertMany(tx, rows.slice(i, i + 1000));
}

/** Append in a transaction of its own (reads and denied attempts, which change nothing else). */
export async function recordAudit(
  db: Database,
  context: AuditContext,
  entries: AuditEntry | readonly AuditEntry[],
  at: Date,
): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, context, entries, at));
}

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; seq: number; problem: string };

/** Walk the whole chain in order; name the first event that does not link or hash correctly. */
export async function verifyAuditChain(
  q: Queryable,
  onProgress?: (checked: number) => void,
): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let previousHash = AUDIT_GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const batch = await audit.listAfter(q, expectedSeq - 1, 5000);
    if (batch.length === 0) return { ok: true, events: checked };
    for (const row of batch) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          events: checked,
          seq: expectedSeq,
          problem: `event ${expectedSeq} is missing (the next event present is ${row.seq})`,
        };
      }
      if (row.previousHash !== previousHash) {
        return {
          ok: false,
          events: checked,
          seq: row.seq,
          problem: "its link to the previous event does not match",
        };
      }
      const input: AuditEventInput = {
        occurredAt: row.occurredAt,
        actorUserId: row.actorUserId,
        actorKind: row.actorKind,
        action: row.action,
        resourceType: row.resourceType,
        resourceId: row.resourceId,
        participantId: row.participantId,
        purpose: row.purpose as AuditPurpose,
        outcome: row.outcome as AuditOutcome,
        requestId: row.requestId,
        ipAddress: row.ipAddress,
        userAgent: row.userAgent,
        details: row.details ? (JSON.parse(row.details) as AuditEventInput["details"]) : null,
      };
      if (hashAuditEvent(row.seq, input, previousHash) !== row.hash) {
        return {
          ok: false,
          events: checked,
          seq: row.seq,
          problem: "its content does not match its hash (altered)",
        };
      }
      previousHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked);
  }
}

export async function searchAudit(q: Queryable, filter: AuditFilter): Promise<AuditPage> {
  const rows = await audit.search(q, filter);
  return {
    events: rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurredAt.toISOString(),
      actor:
        r.actorUserId && r.actorDisplayName !== null
          ? { id: r.actorUserId, displayName: r.actorDisplayName, kind: r.actorKind ?? "" }
          : null,
      action: r.action,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      participant: r.participantId ? { id: r.participantId, name: r.participantName ?? "" } : null,
      purpose: r.purpose as AuditPurpose,
      outcome: r.outcome as AuditOutcome,
      requestId: r.requestId,
      ipAddress: r.ipAddress,
      userAgent: r.userAgent,
      details: r.details ? JSON.parse(r.details) : null,
    })),
    nextBefore: rows.length === filter.limit ? rows[rows.length - 1]!.seq : null,
  };
}

export async function participantAccessLog(
  q: Queryable,
  participantId: string,
  before: number | undefined,
  limit = 50,
): Promise<AccessLogPage> {
  const rows = await audit.listForParticipant(q, participantId, before, limit);
  return {
    entries: rows.map((r) => ({
      occurredAt: r.occurredAt.toISOString(),
      actor: r.actorDisplayName
        ? { displayName: r.actorDisplayName, kind: r.actorKind ?? "", roles: r.actorRoles ?? [] }
        : null,
      action: r.action,
      purpose: r.purpose as AuditPurpose,
      outcome: r.outcome as AuditOutcome,
    })),
    nextBefore: rows.length === limit ? rows[rows.length - 1]!.seq : null,
  };
}

const CSV_COLUMNS = [
  "seq",
  "occurred_at",
  "actor",
  "actor_id",
  "action",
  "resource_type",
  "resource_id",
  "participant",
  "participant_id",
  "purpose",
  "outcome",
  "request_id",
  "ip_address",
] as const;

/** RFC 4180 quoting; cells that a spreadsheet would run as formulas are prefixed with '. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** All matching events as CSV, newest first, fetched page by page. */
export async function* exportAuditCsv(q: Queryable, filter: Omit<AuditFilter, "limit" | "before">) {
  yield `${CSV_COLUMNS.join(",")}\r\n`;
  let before: number | undefined;
  for (;;) {
    const page = await searchAudit(q, { ...filter, before, limit: 200 });
    let chunk = "";
    for (const e of page.events) {
      chunk += `${[
        e.seq,
        e.occurredAt,
        e.actor?.displayName ?? (e.actor ? "" : "system"),
        e.actor?.id ?? null,
        e.action,
        e.resourceType,
        e.resourceId,
        e.participant?.name ?? null,
        e.participant?.id ?? null,
        e.purpose,
        e.outcome,
        e.requestId,
        e.ipAddress,
      ]
        .map(csvCell)
        .join(",")}\r\n`;
    }
    if (chunk) yield chunk;
    if (page.nextBefore === null) return;
    before = page.nextBefore;
  }
}

import { z } from "zod";

/** Why data was touched (HIPAA/Part 2 vocabulary). */
export const AUDIT_PURPOSES = [
  "treatment",
  "payment",
  "operations",
  "break_the_glass",
  "disclosure",
  "self",
  "security",
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];
export const auditPurposeSchema = z.enum(AUDIT_PURPOSES);

export const AUDIT_OUTCOMES = ["allowed", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);

/** What the audit trail stores for one event, before it is chained. */
export interface AuditEventInput {
  occurredAt: Date;
  actorUserId: string | null;
  actorKind: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  participantId: string | null;
  purpose: AuditPurpose;
  outcome: AuditOutcome;
  requestId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  /** Small, PHI-free facts about the event (e.g. a break-the-glass reason length, a count). */
  details: Record<string, string | number | boolean | null> | null;
}

/**
 * The exact text that is hashed for an event: fixed field order, ISO instants, so the same event
 * always hashes the same on any engine. `previousHash` links it to the event before.
 */
export function canonicalAuditText(seq: number, event: AuditEventInput, previousHash: string): string {
  return JSON.stringify([
    seq,
    event.occurredAt.toISOString(),
    event.actorUserId,
    event.actorKind,
    event.action,
    event.resourceType,
    event.resourceId,
    event.participantId,
    event.purpose,
    event.outcome,
    event.requestId,
    event.ipAddress,
    event.userAgent,
    event.details === null ? null : Object.entries(event.details).sort(([a], [b]) => (a < b ? -1 : 1)),
    previousHash,
  ]);
}

/** The hash the first event links to. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);

export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), displayName: z.string(), kind: z.string() }).nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  participant: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  purpose: auditPurposeSchema,
  outcome: auditOutcomeSchema,
  requestId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

const dateOnly = z.iso.date("Use a date like 2026-11-23.");

export const auditFilterSchema = z
  .object({
    userId: z.uuid("Choose a user from the list.").optional(),
    participantId: z.uuid("Choose a participant from the list.").optional(),
    action: z.string().trim().max(80).optional(),
    outcome: auditOutcomeSchema.optional(),
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    /** Return events older than this sequence number (keyset pagination). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The end date must be on or after the start date.",
    path: ["to"],
  });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The accounting view of one participant's record: who looked at it, when and why. */
export const accessLogEntrySchema = z.object({
  occurredAt: z.iso.datetime(),
  actor: z.object({ displayName: z.string(), kind: z.string(), roles: z.array(z.string()) }).nullable(),
  action: z.string(),
  purpose: auditPurposeSchema,
  outcome: auditOutcomeSchema,
});
export const accessLogPageSchema = z.object({
  entries: z.array(accessLogEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;

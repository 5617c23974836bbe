import { deriveCriticalAlerts } from "../../core/assessments/critical-alerts.rules";
import { checkAnswers, deriveCriticalFindings } from "../../core/assessments/instrument";
import { DomainError } from "../../core/platform/errors";
import type { RaiseAlert } from "../alerts/alerts.service";
import type { AuditContext } from "../audit/audit.service";
import type { Transaction } from "../db/connection";
import * as store from "./assessments.sql";
import type { InstrumentCatalog } from "./instrument-catalog";

export interface SelfCompletedInput {
  participantId: string;
  siteId: string;
  /** The episode the answers belong to (a follow-up's: the discharged episode). */
  episodeId: string;
  instrumentKey: string;
  answers: Readonly<Record<string, number | boolean>>;
  language: "en" | "es";
  idempotencyKey: string;
  completedOn: string;
  /** Field path prefix for answer errors, e.g. "phq9". */
  fieldPrefix: string;
}

export interface SelfCompletedResult {
  id: string;
  total: number | null;
  band: string | null;
  /** The answers by linkId, as stored. */
  answers: Record<string, number | boolean>;
  critical: boolean;
  replayed: boolean;
}

/**
 * Record a questionnaire the person completed on their own without a session (a follow-up survey's
 * emailed link), inside the caller's transaction: checked and scored by the instrument, every
 * critical answer raising its alert in the same transaction, as `recordSubmission` does. Answers
 * must be complete: an unscored follow-up would say nothing. A repeated idempotency key returns
 * the first result.
 */
export async function recordSelfCompletedResponse(
  tx: Transaction,
  deps: { catalog: InstrumentCatalog; raiseAlert: RaiseAlert },
  input: SelfCompletedInput,
  context: AuditContext,
  at: Date,
): Promise<SelfCompletedResult> {
  const entry = deps.catalog.get(input.instrumentKey);
  if (!entry) throw new DomainError("ASSESSMENTS_UNKNOWN_QUESTIONNAIRE", undefined, input.fieldPrefix);
  const { definition } = entry;
  const replayOf = (row: store.ResponseRow): SelfCompletedResult => ({
    id: row.id,
    total: row.total,
    band: row.band,
    answers: row.answers,
    critical: row.critical.length > 0,
    replayed: true,
  });
  const replay = await store.findByIdempotencyKey(tx, input.participantId, input.idempotencyKey);
  if (replay) return replayOf(replay);
  const answers = { ...input.answers };
  const problems = checkAnswers(definition, answers);
  if (problems.length > 0) {
    throw new DomainError(
      "VALIDATION_FAILED",
      problems[0]!.message,
      problems.map((p) => ({ path: `${input.fieldPrefix}.${p.path}`, message: p.message })),
    );
  }
  const outcome = definition.score(answers);
  if (!outcome.ok) {
    throw new DomainError(
      "VALIDATION_FAILED",
      "Answer every question.",
      outcome.missing.map((linkId) => ({
        path: `${input.fieldPrefix}.${linkId}`,
        message: "Answer this question.",
      })),
    );
  }
  const findings = deriveCriticalFindings(definition, answers);
  const id = await store.insertResponse(tx, {
    participantId: input.participantId,
    siteId: input.siteId,
    episodeId: input.episodeId,
    instrumentKey: definition.key,
    questionnaireUrl: definition.url,
    questionnaireVersion: definition.version,
    answers,
    language: input.language,
    mode: "self",
    enteredBy: null,
    assignmentId: null,
    idempotencyKey: input.idempotencyKey,
    completedOn: input.completedOn,
    submittedAt: at,
    scored: true,
    total: outcome.total,
    band: outcome.band,
    subscales: { ...outcome.subscales },
    flags: [...outcome.flags],
    missing: [],
    critical: findings.map((f) => ({ rule: f.rule, severity: f.severity, linkIds: [...f.linkIds] })),
  });
  if (!id) {
    // A concurrent retry with the same key committed first: answer with its result.
    return replayOf((await store.findByIdempotencyKey(tx, input.participantId, input.idempotencyKey))!);
  }
  for (const alert of deriveCriticalAlerts(definition.key, findings)) {
    await deps.raiseAlert(
      tx,
      {
        kind: alert.kind,
        severity: alert.severity,
        participantId: input.participantId,
        reason: alert.reason,
        evidence: { kind: "assessment_response", id, item: alert.item },
        context,
      },
      at,
    );
  }
  return {
    id,
    total: outcome.total,
    band: outcome.band,
    answers,
    critical: findings.length > 0,
    replayed: false,
  };
}

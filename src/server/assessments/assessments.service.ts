import type {
  AssessmentAssignment,
  AssignmentInput,
  ResponseInput,
  ScoredResponse,
  SubmissionResult,
} from "../../core/assessments/assessments.schema";
import { deriveCriticalAlerts } from "../../core/assessments/critical-alerts.rules";
import { comparedValue, detectReliableDeterioration } from "../../core/assessments/deterioration.rules";
import { checkAnswers, deriveCriticalFindings } from "../../core/assessments/instrument";
import {
  deriveMeasuredInstrumentKeys,
  deriveMeasureProgress,
  type ProgressResponse,
} from "../../core/assessments/measure-progress.rules";
import type { ProgressView } from "../../core/assessments/progress.schema";
import { parametersFor } from "../../core/assessments/reliable-change-settings.schema";
import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import * as store from "./assessments.sql";
import type { InstrumentCatalog } from "./instrument-catalog";
import { readReliableChangeSettings } from "./reliable-change.repo";

function toScoredResponse(row: store.ResponseRow, enteredByName: string | null): ScoredResponse {
  return {
    id: row.id,
    instrumentKey: row.instrumentKey,
    version: row.questionnaireVersion,
    mode: row.mode as ScoredResponse["mode"],
    completedOn: row.completedOn,
    submittedAt: row.submittedAt.toISOString(),
    enteredBy: enteredByName,
    scored: row.scored,
    total: row.total,
    band: row.band,
    subscales: row.subscales,
    flags: row.flags,
    missing: row.missing,
    critical: row.critical as ScoredResponse["critical"],
  };
}

function toProgressResponse(row: store.ResponseRow): ProgressResponse {
  return {
    id: row.id,
    instrumentKey: row.instrumentKey,
    completedOn: row.completedOn,
    submittedAt: row.submittedAt.toISOString(),
    scored: row.scored,
    total: row.total,
    band: row.band,
    subscales: row.subscales,
    flags: row.flags,
    critical: Array.isArray(row.critical) && row.critical.length > 0,
  };
}

function toAssignment(
  row: { id: string; instrumentKey: string; dueOn: string; assignedAt: Date },
  assignedBy: string | null,
): AssessmentAssignment {
  return {
    id: row.id,
    instrumentKey: row.instrumentKey,
    dueOn: row.dueOn,
    assignedAt: row.assignedAt.toISOString(),
    assignedBy,
  };
}

export function createAssessmentsService(deps: {
  db: Database;
  catalog: InstrumentCatalog;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
  now: () => Date;
}) {
  const { db, catalog, raiseAlert, resolveFindings, now } = deps;

  /**
   * Record a completed questionnaire: check the answers against the questionnaire, score it with
   * the version it was rendered from, and — in the same transaction — raise an alert for every
   * critical answer, so a critical answer is committed together with its alert or not at all. A
   * retry with the same idempotency key returns the first result and scores nothing again.
   */
  async function recordSubmission(
    actor: Actor,
    access: ParticipantAccess,
    input: ResponseInput,
    context: AuditContext,
  ): Promise<Omit<SubmissionResult, "onCall">> {
    const participantId = access.participantId;
    const entry = catalog.get(input.instrumentKey);
    if (!entry) {
      throw new DomainError("ASSESSMENTS_UNKNOWN_QUESTIONNAIRE", undefined, "instrumentKey");
    }
    const { definition } = entry;
    if (input.version !== definition.version) {
      throw new DomainError(
        "ASSESSMENTS_VERSION_RETIRED",
        `This form is version ${input.version}; the current ${definition.key.toUpperCase()} is version ${definition.version}. Reload the form and answer again.`,
        "version",
      );
    }
    const self = actor.user.kind === "participant";
    const replay = await store.findByIdempotencyKey(db, participantId, input.idempotencyKey);
    if (replay) {
      await recordAudit(
        db,
        context,
        {
          action: "assessment.submit_replayed",
          resourceType: "assessment_response",
          resourceId: replay.id,
          participantId,
          purpose: access.purpose,
        },
        now(),
      );
      return {
        response: toScoredResponse(replay, null),
        crisis: self && replay.critical.length > 0,
        replayed: true,
      };
    }
    // Answers to questions the form would not have asked are kept, not refused: refusing could
    // drop a critical answer (an ASQ acuity "yes" is never ignored). Out-of-range values are refused.
    const problems = checkAnswers(definition, input.answers);
    if (problems.length > 0) {
      throw new DomainError(
        "VALIDATION_FAILED",
        problems[0]!.message,
        problems.map((p) => ({ path: `answers.${p.path}`, message: p.message })),
      );
    }
    const at = now();
    const today = at.toISOString().slice(0, 10);
    const completedOn = input.completedOn ?? today;
    if (completedOn > today) {
      throw new DomainError(
        "VALIDATION_FAILED",
        "The date completed cannot be in the future.",
        "completedOn",
      );
    }
    // Participants record today's answers; a day's slack covers a phone's date west of UTC.
    if (self && completedOn < addDays(today, -1)) {
      throw new DomainError("VALIDATION_FAILED", "Your answers are recorded for today.", "completedOn");
    }
    const answers = Object.fromEntries(
      Object.entries(input.answers).filter((e): e is [string, number | boolean] => e[1] !== undefined),
    );
    const outcome = definition.score(answers);
    const findings = deriveCriticalFindings(definition, answers);

    return db.transaction(async (tx) => {
      const participant = await store.findParticipantContext(tx, participantId);
      if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
      if (input.assignmentId && !(await store.findOpenAssignment(tx, input.assignmentId, participantId))) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "This questionnaire is no longer assigned (it was completed or cancelled).",
          "assignmentId",
        );
      }
      const id = await store.insertResponse(tx, {
        participantId,
        siteId: participant.site_id,
        episodeId: participant.episode_id,
        instrumentKey: definition.key,
        questionnaireUrl: definition.url,
        questionnaireVersion: definition.version,
        answers,
        language: input.language,
        mode: self ? "self" : "staff",
        enteredBy: actor.user.id,
        assignmentId: input.assignmentId,
        idempotencyKey: input.idempotencyKey,
        completedOn,
        submittedAt: at,
        scored: outcome.ok,
        total: outcome.ok ? outcome.total : null,
        band: outcome.ok ? outcome.band : null,
        subscales: outcome.ok ? { ...outcome.subscales } : {},
        flags: outcome.ok ? [...outcome.flags] : [],
        missing: outcome.ok ? [] : [...outcome.missing],
        critical: findings.map((f) => ({ rule: f.rule, severity: f.severity, linkIds: [...f.linkIds] })),
      });
      if (!id) {
        // A concurrent retry with the same key committed first: answer with its result.
        const first = await store.findByIdempotencyKey(tx, participantId, input.idempotencyKey);
        return {
          response: toScoredResponse(first!, null),
          crisis: self && first!.critical.length > 0,
          replayed: true,
        };
      }
      if (input.assignmentId) await store.completeAssignment(tx, input.assignmentId, id);
      // The questionnaire is no longer overdue: its reminder alert has done its work.
      await resolveFindings(
        tx,
        {
          kind: "measure_overdue",
          participantId,
          evidenceItem: definition.key,
          note: `Completed on ${completedOn} (recorded automatically).`,
          userId: actor.user.id,
          context,
        },
        at,
      );
      for (const alert of deriveCriticalAlerts(definition.key, findings)) {
        await raiseAlert(
          tx,
          {
            kind: alert.kind,
            severity: alert.severity,
            participantId,
            reason: alert.reason,
            evidence: { kind: "assessment_response", id, item: alert.item },
            context,
          },
          at,
        );
      }
      if (outcome.ok) {
        // Reliable deterioration since the episode's baseline, by the program's values (read in this
        // transaction): a warning for the care team.
        const resolved = parametersFor(await readReliableChangeSettings(tx), definition.key);
        if (resolved.status === "available") {
          const baseline = await store.findBaseline(
            tx,
            participantId,
            participant.episode_id,
            definition.key,
            id,
          );
          const worse = detectReliableDeterioration(
            entry.questionnaire.title,
            baseline
              ? { value: comparedValue(resolved.parameters, baseline), on: baseline.completedOn }
              : undefined,
            comparedValue(resolved.parameters, outcome),
            resolved.parameters,
          );
          if (worse) {
            await raiseAlert(
              tx,
              {
                kind: "reliable_deterioration",
                severity: "warning",
                participantId,
                reason: worse.reason,
                evidence: { kind: "assessment_response", id, item: null },
                context,
              },
              at,
            );
          }
        }
      }
      await appendAudit(
        tx,
        context,
        {
          action: "assessment.submit",
          resourceType: "assessment_response",
          resourceId: id,
          participantId,
          purpose: access.purpose,
          details: {
            instrument: definition.key,
            version: definition.version,
            mode: self ? "self" : "staff",
            scored: outcome.ok,
            critical: findings.length,
          },
        },
        at,
      );
      const row = (await store.findByIdempotencyKey(tx, participantId, input.idempotencyKey))!;
      return {
        response: toScoredResponse(row, self ? null : actor.user.displayName),
        crisis: self && findings.length > 0,
        replayed: false,
      };
    });
  }

  return {
    /**
     * Record a completed questionnaire: check the answers against the questionnaire, score it with
     * the version it was rendered from, and — in the same transaction — raise an alert for every
     * critical answer, so a critical answer is committed together with its alert or not at all. A
     * retry with the same idempotency key returns the first result and scores nothing again.
     */
    async submit(
      actor: Actor,
      access: ParticipantAccess,
      input: ResponseInput,
      context: AuditContext,
    ): Promise<SubmissionResult> {
      const result = await recordSubmission(actor, access, input, context);
      // A participant in crisis sees the program's on-call line beside 988 and 911.
      const onCall = result.crisis ? await store.findOnCallLine(db, access.participantId) : undefined;
      return { ...result, onCall: onCall ?? null };
    },

    async openAssignments(participantId: string): Promise<AssessmentAssignment[]> {
      const rows = await store.listOpenAssignments(db, participantId);
      return rows.map((r) => toAssignment(r.assignment, r.assignedByName));
    },

    /** Give the participant a questionnaire to complete by a date (one open assignment per instrument). */
    async assign(
      actor: Actor,
      access: ParticipantAccess,
      input: AssignmentInput,
      context: AuditContext,
    ): Promise<AssessmentAssignment> {
      const entry = catalog.get(input.instrumentKey);
      if (!entry) throw new DomainError("ASSESSMENTS_UNKNOWN_QUESTIONNAIRE", undefined, "instrumentKey");
      const at = now();
      const today = at.toISOString().slice(0, 10);
      if (input.dueOn < today) {
        throw new DomainError("VALIDATION_FAILED", "The due date cannot be in the past.", "dueOn");
      }
      return db.transaction(async (tx) => {
        const participant = await store.findParticipantContext(tx, access.participantId);
        if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
        const row = await store.insertAssignment(tx, {
          participantId: access.participantId,
          siteId: participant.site_id,
          instrumentKey: entry.definition.key,
          assignedBy: actor.user.id,
          assignedAt: at,
          dueOn: input.dueOn,
        });
        if (!row) {
          throw new DomainError(
            "ASSESSMENTS_ALREADY_ASSIGNED",
            `${entry.questionnaire.title} is already assigned and not yet completed.`,
            "instrumentKey",
          );
        }
        await appendAudit(
          tx,
          context,
          {
            action: "assessment.assign",
            resourceType: "assessment_assignment",
            resourceId: row.id,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { instrument: entry.definition.key, dueOn: input.dueOn },
          },
          at,
        );
        return toAssignment(row, actor.user.displayName);
      });
    },

    async cancelAssignment(access: ParticipantAccess, assignmentId: string, context: AuditContext) {
      const at = now();
      const cancelled = await db.transaction(async (tx) => {
        const done = await store.cancelAssignment(tx, assignmentId, access.participantId, at);
        // Audited either way: the answer tells whether this participant has such an assignment.
        await appendAudit(
          tx,
          context,
          {
            action: "assessment.assignment_cancel",
            resourceType: "assessment_assignment",
            resourceId: assignmentId,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { cancelled: done },
          },
          at,
        );
        return done;
      });
      if (!cancelled) throw new DomainError("ASSESSMENTS_ASSIGNMENT_CLOSED", undefined, "assignmentId");
    },

    /**
     * Progress on each measure in the participant's latest episode: scores over time, change from
     * the episode's baseline, and reliable change and the off-track flag under the program's values.
     */
    async progress(participantId: string): Promise<ProgressView> {
      const participant = await store.findParticipantContext(db, participantId);
      if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
      const [rows, settings] = await Promise.all([
        store.listResponses(db, participantId),
        readReliableChangeSettings(db),
      ]);
      const inEpisode = rows.filter((r) => r.episodeId === participant.episode_id).map(toProgressResponse);
      const keys = deriveMeasuredInstrumentKeys(
        inEpisode,
        [...catalog.values()].map((e) => ({ key: e.definition.key })),
      );
      return {
        episode:
          participant.episode_id && participant.admitted_on
            ? {
                id: participant.episode_id,
                admittedOn: participant.admitted_on,
                dischargedOn: participant.discharged_on,
              }
            : null,
        offTrack: settings.offTrack,
        measures: keys.map((key) =>
          deriveMeasureProgress(key, inEpisode, parametersFor(settings, key), settings.offTrack),
        ),
      };
    },

    /** Every completed questionnaire of a participant, oldest first, with its score. */
    async list(participantId: string): Promise<ScoredResponse[]> {
      const rows = await store.listResponses(db, participantId);
      return rows.map((r) => toScoredResponse(r, r.mode === "self" ? null : r.enteredByName));
    },
  };
}
export type AssessmentsService = ReturnType<typeof createAssessmentsService>;

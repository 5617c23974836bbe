import type { AlertKind, AlertSeverity } from "../../core/alerts/alerts.schema";
import type { PlanSettings } from "../../core/treatment-plans/plan-settings.schema";
import type { ReviewTriggerReason } from "../../core/treatment-plans/review.schema";
import { computeReviewDue, firstPlanDueOn, localDateIn } from "../../core/treatment-plans/review-due.rules";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { readPlanSettings } from "./plan-settings.repo";
import { listPlanAlerts, listWorklistRows, type WorklistRow } from "./plan-worklist.sql";

/**
 * Treatment-plan alerts, from an hourly sweep: a review overdue (warning), a review due or due soon
 * (info), no signed plan by the day the first is expected (warning). Each is raised once per plan and
 * due date — not again after someone resolves it — and resolves itself once the review or plan is
 * signed (the due date then moves on, or there is nothing missing).
 */

interface WantedAlert {
  kind: AlertKind;
  severity: AlertSeverity;
  participantId: string;
  /** The plan's id, or the participant's while there is no plan. */
  evidenceId: string;
  /** The due date concerned. */
  item: string;
  reason: string;
}

const REASON_WORDS: Record<ReviewTriggerReason | "scheduled", string> = {
  scheduled: "on the program's review cycle",
  level_of_care_change: "early, after a change in level of care",
  critical_alert: "early, after a critical alert",
  discharge_planning: "early, for discharge planning",
};

const asDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/** The alert one participant's plan calls for today, if any (pure). */
export function deriveWantedPlanAlert(
  row: WorklistRow,
  settings: PlanSettings,
  at: Date,
): WantedAlert | null {
  const currentSignedAt = asDate(row.current_signed_at);
  const today = localDateIn(at, row.time_zone);
  if (currentSignedAt === null) {
    const dueOn = firstPlanDueOn(row.admitted_on, settings.firstPlanDays);
    if (today <= dueOn) return null;
    return {
      kind: "treatment_plan_missing",
      severity: "warning",
      participantId: row.participant_id,
      evidenceId: row.plan_id ?? row.participant_id,
      item: dueOn,
      reason: `No signed treatment plan yet: the program expects one within ${settings.firstPlanDays} days of admission (admitted ${row.admitted_on}, due ${dueOn}).`,
    };
  }
  const lastReview = asDate(row.last_review_signed_at);
  const due = computeReviewDue({
    lastSignedAt: lastReview && lastReview > currentSignedAt ? lastReview : currentSignedAt,
    timeZone: row.time_zone,
    reviewCycleDays: settings.reviewCycleDays,
    dueSoonDays: settings.dueSoonDays,
    openTriggers: (row.open_triggers ?? []).map((t) => {
      const [reason, dueOn] = t.split("|");
      return { reason: reason as ReviewTriggerReason, dueOn: dueOn! };
    }),
    now: at,
  });
  if (due.dueOn === null || (due.state !== "overdue" && due.state !== "due" && due.state !== "due_soon")) {
    return null;
  }
  const why = REASON_WORDS[due.reason ?? "scheduled"];
  return due.state === "overdue"
    ? {
        kind: "treatment_plan_review_overdue",
        severity: "warning",
        participantId: row.participant_id,
        evidenceId: row.plan_id!,
        item: due.dueOn,
        reason: `The treatment plan review was due on ${due.dueOn} (${why}) and is not signed yet.`,
      }
    : {
        kind: "treatment_plan_review_due",
        severity: "info",
        participantId: row.participant_id,
        evidenceId: row.plan_id!,
        item: due.dueOn,
        reason: `The treatment plan review is due on ${due.dueOn} (${why}).`,
      };
}

const keyOf = (kind: string, participantId: string, item: string | null) =>
  `${kind}|${participantId}|${item}`;

export function createPlanAlertsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, raiseAlert, resolveFindings } = deps;
  return {
    /** Raise what is due and not raised before; resolve what no longer applies. */
    async sweepPlanAlerts(at: Date = now()): Promise<{ raised: number; resolved: number }> {
      const settings = await readPlanSettings(db);
      const rows = await listWorklistRows(db, null);
      const wanted = rows.flatMap((row) => {
        const alert = deriveWantedPlanAlert(row, settings, at);
        return alert ? [alert] : [];
      });
      const existing = await listPlanAlerts(db);
      const seen = new Set(existing.map((a) => keyOf(a.kind, a.participant_id, a.evidence_item)));
      const wantedKeys = new Set(wanted.map((w) => keyOf(w.kind, w.participantId, w.item)));
      let raised = 0;
      let resolved = 0;
      for (const alert of wanted) {
        if (seen.has(keyOf(alert.kind, alert.participantId, alert.item))) continue;
        await db.transaction(async (tx) => {
          const result = await raiseAlert(
            tx,
            {
              kind: alert.kind,
              severity: alert.severity,
              participantId: alert.participantId,
              reason: alert.reason,
              evidence: { kind: "treatment_plan", id: alert.evidenceId, item: alert.item },
              context: SYSTEM_CONTEXT,
            },
            at,
          );
          if (result.raised) raised += 1;
        });
      }
      const stale = existing.filter(
        (a) => a.state !== "resolved" && !wantedKeys.has(keyOf(a.kind, a.participant_id, a.evidence_item)),
      );
      for (const alert of stale) {
        await db.transaction(async (tx) => {
          resolved += await resolveFindings(
            tx,
            {
              kind: alert.kind as AlertKind,
              participantId: alert.participant_id,
              evidenceItem: alert.evidence_item ?? undefined,
              evidenceId: alert.evidence_id,
              note:
                alert.kind === "treatment_plan_missing"
                  ? "No longer applies: the treatment plan is signed, or the participant has left the program."
                  : "No longer applies: the review was signed, its due date changed, or the participant has left the program.",
              userId: null,
              context: SYSTEM_CONTEXT,
            },
            at,
          );
        });
      }
      return { raised, resolved };
    },
  };
}
export type PlanAlertsService = ReturnType<typeof createPlanAlertsService>;

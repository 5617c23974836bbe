import { requiredSignatureRoles } from "../../core/treatment-plans/plan.rules";
import type { PlanWorklistItem, WorklistState } from "../../core/treatment-plans/plan-api.schema";
import type { PlanSettings } from "../../core/treatment-plans/plan-settings.schema";
import type { ReviewTriggerReason } from "../../core/treatment-plans/review.schema";
import { computeReviewDue, firstPlanDueOn } from "../../core/treatment-plans/review-due.rules";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { readPlanSettings } from "./plan-settings.repo";
import { listWorklistRows, type WorklistRow } from "./plan-worklist.sql";

/** Most pressing first: what is late, then what waits on me, then what waits on others. */
const URGENCY: readonly WorklistState[] = [
  "review_overdue",
  "no_plan",
  "review_due",
  "awaiting_my_signature",
  "draft",
  "review_due_soon",
  "awaiting_others",
];

const asDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/** Whether a version or review awaiting signatures still needs mine: as its author (clinician) or named co-signer. */
function awaitsMe(
  me: string,
  createdBy: string | null,
  cosigner: string | null,
  signedRoles: readonly string[],
): boolean {
  const needed = requiredSignatureRoles(cosigner).filter((role) => !signedRoles.includes(role));
  return (
    (needed.includes("clinician") && createdBy === me) || (needed.includes("supervisor") && cosigner === me)
  );
}

/**
 * What needs doing on one participant's plan, as worklist items: no plan yet (with the day the first
 * is expected), a draft, a version or review awaiting my signature or others', and a review due soon,
 * due or overdue. A participant may have two items (a revision awaiting signatures and a review due).
 */
export function deriveWorklistItems(
  row: WorklistRow,
  me: string,
  settings: PlanSettings,
  now: Date,
): PlanWorklistItem[] {
  const base = {
    participant: { id: row.participant_id, name: `${row.given_name} ${row.family_name}` },
    planId: row.plan_id,
    admittedOn: row.admitted_on,
  };
  const items: PlanWorklistItem[] = [];
  const currentSignedAt = asDate(row.current_signed_at);
  const firstDue = firstPlanDueOn(row.admitted_on, settings.firstPlanDays);
  if (row.open_version_status === null && currentSignedAt === null) {
    items.push({ ...base, state: "no_plan", dueOn: firstDue });
  } else if (row.open_version_status === "draft") {
    items.push({ ...base, state: "draft", dueOn: currentSignedAt === null ? firstDue : null });
  } else if (row.open_version_status === "awaiting_signatures") {
    const mine = awaitsMe(
      me,
      row.open_version_created_by,
      row.open_version_cosigner,
      row.open_version_signed_roles ?? [],
    );
    items.push({
      ...base,
      state: mine ? "awaiting_my_signature" : "awaiting_others",
      dueOn: currentSignedAt === null ? firstDue : null,
    });
  }
  if (currentSignedAt === null) return items;

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
    now,
  });
  if (row.open_review_status === "awaiting_signatures") {
    const mine = awaitsMe(
      me,
      row.open_review_created_by,
      row.open_review_cosigner,
      row.open_review_signed_roles ?? [],
    );
    items.push({ ...base, state: mine ? "awaiting_my_signature" : "awaiting_others", dueOn: due.dueOn });
  } else if (due.state === "overdue" || due.state === "due" || due.state === "due_soon") {
    const state =
      due.state === "overdue" ? "review_overdue" : due.state === "due" ? "review_due" : "review_due_soon";
    items.push({ ...base, state, dueOn: due.dueOn });
  }
  return items;
}

/** Sorted by urgency, then the date that matters (none last), then name. */
export function sortWorklist(items: PlanWorklistItem[]): PlanWorklistItem[] {
  return [...items].sort(
    (a, b) =>
      URGENCY.indexOf(a.state) - URGENCY.indexOf(b.state) ||
      (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31") ||
      a.participant.name.localeCompare(b.participant.name),
  );
}

/** The clinician's plan worklist: their caseload under the counselor scope, their sites otherwise. */
export function createPlanWorklistService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    async worklist(actor: Actor, context: AuditContext): Promise<{ items: PlanWorklistItem[] }> {
      const at = now();
      const scope = actor.access.grants["clinical.view"];
      const rows =
        scope === undefined
          ? []
          : await listWorklistRows(db, {
              siteIds: actor.access.siteIds,
              careTeamOf: scope === "caseload" ? actor.user.id : null,
            });
      const settings = await readPlanSettings(db);
      const items = sortWorklist(
        rows.flatMap((row) => deriveWorklistItems(row, actor.user.id, settings, at)),
      );
      await recordAudit(
        db,
        context,
        {
          action: "treatment_plan.worklist_view",
          resourceType: "treatment_plan",
          purpose: "treatment",
          details: { items: items.length, participants: new Set(items.map((i) => i.participant.id)).size },
        },
        at,
      );
      return { items };
    },
  };
}
export type PlanWorklistService = ReturnType<typeof createPlanWorklistService>;

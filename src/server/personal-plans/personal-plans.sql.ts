import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { PersonalPlanKind } from "../../core/personal-plans/personal-plan.schema";
import { type Queryable, queryRows } from "../db/connection";
import { personalPlans, personalPlanVersions } from "../db/schema";

export interface CurrentPlanRow {
  id: string;
  version: number;
  /** As stored; parse with the kind's content schema before use. */
  content: unknown;
  updated_at: Date;
}

/** The latest saved version of a participant's recovery or safety plan, or null when never saved. */
export async function findCurrentPlan(
  q: Queryable,
  participantId: string,
  kind: PersonalPlanKind,
): Promise<CurrentPlanRow | null> {
  const rows = await queryRows<CurrentPlanRow>(
    q,
    sql`select p.id, p.current_version as version, v.content, p.updated_at
          from personal_plans p
          join personal_plan_versions v on v.plan_id = p.id and v.version = p.current_version
         where p.participant_id = ${participantId} and p.kind = ${kind}`,
  );
  return rows[0] ?? null;
}

export type PlanRow = typeof personalPlans.$inferSelect;
export type PlanVersionRow = typeof personalPlanVersions.$inferSelect;

/** The plan's head row (versions and what each side has seen), or null when never saved. */
export async function findPlan(
  q: Queryable,
  participantId: string,
  kind: PersonalPlanKind,
  options: { forUpdate?: boolean } = {},
): Promise<PlanRow | null> {
  const query = q
    .select()
    .from(personalPlans)
    .where(and(eq(personalPlans.participantId, participantId), eq(personalPlans.kind, kind)));
  const rows = options.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

/** The first save of a plan: null when another save created it at the same moment. */
export async function insertPlan(
  q: Queryable,
  row: { participantId: string; kind: PersonalPlanKind; updatedAt: Date },
): Promise<PlanRow | null> {
  const rows = await q
    .insert(personalPlans)
    .values({ ...row, currentVersion: 1 })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** Move the head to the next version, only if it is still at `fromVersion` (optimistic locking). */
export async function advancePlan(
  q: Queryable,
  planId: string,
  fromVersion: number,
  updatedAt: Date,
): Promise<boolean> {
  const rows = await q
    .update(personalPlans)
    .set({ currentVersion: fromVersion + 1, updatedAt })
    .where(and(eq(personalPlans.id, planId), eq(personalPlans.currentVersion, fromVersion)))
    .returning({ id: personalPlans.id });
  return rows.length === 1;
}

export async function insertVersion(
  q: Queryable,
  row: typeof personalPlanVersions.$inferInsert,
): Promise<void> {
  await q.insert(personalPlanVersions).values(row);
}

/** Raise one side's seen version (never lower it). */
export async function markSeen(
  q: Queryable,
  planId: string,
  side: "participant" | "staff",
  version: number,
): Promise<void> {
  if (side === "participant") {
    await q
      .update(personalPlans)
      .set({ participantSeenVersion: sql`greatest(${personalPlans.participantSeenVersion}, ${version})` })
      .where(eq(personalPlans.id, planId));
  } else {
    await q
      .update(personalPlans)
      .set({ staffSeenVersion: sql`greatest(${personalPlans.staffSeenVersion}, ${version})` })
      .where(eq(personalPlans.id, planId));
  }
}

/** A plan's versions without their content, newest first (or only those after `after`, oldest first). */
export async function listVersionSummaries(
  q: Queryable,
  planId: string,
  options: { after?: number } = {},
): Promise<Omit<PlanVersionRow, "content">[]> {
  const columns = {
    id: personalPlanVersions.id,
    planId: personalPlanVersions.planId,
    version: personalPlanVersions.version,
    editedBy: personalPlanVersions.editedBy,
    editorKind: personalPlanVersions.editorKind,
    changedSections: personalPlanVersions.changedSections,
    editedAt: personalPlanVersions.editedAt,
  };
  if (options.after !== undefined) {
    return q
      .select(columns)
      .from(personalPlanVersions)
      .where(and(eq(personalPlanVersions.planId, planId), gt(personalPlanVersions.version, options.after)))
      .orderBy(asc(personalPlanVersions.version));
  }
  return q
    .select(columns)
    .from(personalPlanVersions)
    .where(eq(personalPlanVersions.planId, planId))
    .orderBy(desc(personalPlanVersions.version));
}

export async function findVersion(
  q: Queryable,
  planId: string,
  version: number,
): Promise<PlanVersionRow | null> {
  const rows = await q
    .select()
    .from(personalPlanVersions)
    .where(and(eq(personalPlanVersions.planId, planId), eq(personalPlanVersions.version, version)));
  return rows[0] ?? null;
}

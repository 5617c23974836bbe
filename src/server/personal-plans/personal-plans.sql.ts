import { sql } from "drizzle-orm";
import type { PersonalPlanKind } from "../../core/personal-plans/personal-plan.schema";
import { type Queryable, queryRows } from "../db/connection";

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

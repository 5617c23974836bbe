import { and, eq } from "drizzle-orm";
import { DomainError } from "../../core/platform/errors";
import type { GroupSchedulingRule } from "../../core/treatment-plans/plan-settings.schema";
import type { Queryable } from "../db/connection";
import { treatmentPlans, treatmentPlanVersions } from "../db/schema";
import { readPlanSettings } from "./plan-settings.repo";

/**
 * The program's rule on scheduling groups before the treatment plan is signed
 * (settings.groupSchedulingBeforeSignedPlan): `allow` says nothing, `warn` lets the place through with
 * a warning for the response, `block` refuses it (the admission's placement waitlists instead).
 */

export const PLAN_NOT_SIGNED_BLOCK_MESSAGE =
  "This program schedules groups only after the treatment plan is signed. Sign the plan first, or place the participant on the waitlist.";

export const PLAN_NOT_SIGNED_WARNING =
  "The treatment plan is not signed yet. This program allows group sessions before it is, but the plan should be signed soon.";

export const PLAN_NOT_SIGNED_WAITLIST_NOTE =
  "Waitlisted: this program schedules groups only after the treatment plan is signed. Give the participant a place once the plan is signed.";

/** Whether the episode's plan has a signed version in force. */
export async function hasSignedPlan(q: Queryable, episodeId: string): Promise<boolean> {
  const rows = await q
    .select({ id: treatmentPlanVersions.id })
    .from(treatmentPlans)
    .innerJoin(
      treatmentPlanVersions,
      and(eq(treatmentPlanVersions.planId, treatmentPlans.id), eq(treatmentPlanVersions.status, "signed")),
    )
    .where(eq(treatmentPlans.episodeId, episodeId))
    .limit(1);
  return rows.length > 0;
}

/** The rule that applies to this episode now: `allow` once its plan is signed, else the program's setting. */
export async function groupSchedulingRuleFor(q: Queryable, episodeId: string): Promise<GroupSchedulingRule> {
  const { groupSchedulingBeforeSignedPlan: rule } = await readPlanSettings(q);
  if (rule === "allow") return "allow";
  return (await hasSignedPlan(q, episodeId)) ? "allow" : rule;
}

/**
 * Before a place in a track is given to an episode: refuses with TREATMENT_PLAN_NOT_SIGNED under
 * `block`; under `warn` the warnings to send back with the place; none otherwise.
 */
export async function checkGroupScheduling(q: Queryable, episodeId: string): Promise<string[]> {
  const rule = await groupSchedulingRuleFor(q, episodeId);
  if (rule === "block") throw new DomainError("TREATMENT_PLAN_NOT_SIGNED", PLAN_NOT_SIGNED_BLOCK_MESSAGE);
  return rule === "warn" ? [PLAN_NOT_SIGNED_WARNING] : [];
}

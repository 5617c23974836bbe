import type { PersonalPlanKind } from "../../../../core/personal-plans/personal-plan.schema";

/** Whose plan: the signed-in participant's own (/me), or a participant's in the chart. */
export type PlanScope = { kind: "me" } | { kind: "chart"; participantId: string };

export const ME: PlanScope = { kind: "me" };

export function planPath(scope: PlanScope, plan: PersonalPlanKind): string {
  return scope.kind === "me"
    ? `/api/v1/me/personal-plans/${plan}`
    : `/api/v1/participants/${encodeURIComponent(scope.participantId)}/personal-plans/${plan}`;
}

export const planQueryKey = (scope: PlanScope, plan: PersonalPlanKind) =>
  ["personal-plans", scope.kind === "me" ? "me" : scope.participantId, plan] as const;

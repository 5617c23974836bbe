import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PersonalPlanKind } from "../../../../core/personal-plans/personal-plan.schema";
import type { PersonalPlanVersion } from "../../../../core/personal-plans/personal-plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { type PlanScope, planPath, planQueryKey } from "./plan-scope";

export const getPlanVersion = (scope: PlanScope, plan: PersonalPlanKind, version: number) =>
  apiRequest<PersonalPlanVersion>("GET", `${planPath(scope, plan)}/versions/${version}`);

/** One saved version, read-only (saved versions never change). */
export const planVersionQuery = (scope: PlanScope, plan: PersonalPlanKind, version: number) =>
  queryOptions({
    queryKey: [...planQueryKey(scope, plan), "versions", version],
    queryFn: () => getPlanVersion(scope, plan, version),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const usePlanVersion = (scope: PlanScope, plan: PersonalPlanKind, version: number | null) =>
  useQuery({ ...planVersionQuery(scope, plan, version ?? 0), enabled: version !== null });

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PersonalPlanKind } from "../../../../core/personal-plans/personal-plan.schema";
import type { PersonalPlanVersionList } from "../../../../core/personal-plans/personal-plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { type PlanScope, planPath, planQueryKey } from "./plan-scope";

export const getPlanVersions = (scope: PlanScope, plan: PersonalPlanKind) =>
  apiRequest<PersonalPlanVersionList>("GET", `${planPath(scope, plan)}/versions`);

/** A plan's history, newest first. */
export const planVersionsQuery = (scope: PlanScope, plan: PersonalPlanKind) =>
  queryOptions({
    queryKey: [...planQueryKey(scope, plan), "versions"],
    queryFn: () => getPlanVersions(scope, plan),
  });

export const usePlanVersions = (scope: PlanScope, plan: PersonalPlanKind, enabled: boolean) =>
  useQuery({ ...planVersionsQuery(scope, plan), enabled });

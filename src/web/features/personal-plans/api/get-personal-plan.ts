import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PersonalPlan, PersonalPlanKind } from "../../../../core/personal-plans/personal-plan.schema";
import { apiRequest } from "../../../app/api-client";
import { type PlanScope, planPath, planQueryKey } from "./plan-scope";

export const getPersonalPlan = (scope: PlanScope, plan: PersonalPlanKind) =>
  apiRequest<PersonalPlan>("GET", planPath(scope, plan));

/** A recovery or safety plan as it is now (version 0 when never saved), with what the other side changed. */
export const personalPlanQuery = (scope: PlanScope, plan: PersonalPlanKind) =>
  queryOptions({ queryKey: planQueryKey(scope, plan), queryFn: () => getPersonalPlan(scope, plan) });

export const usePersonalPlan = (scope: PlanScope, plan: PersonalPlanKind) =>
  useQuery(personalPlanQuery(scope, plan));

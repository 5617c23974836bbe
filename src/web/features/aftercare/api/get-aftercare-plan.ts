import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AftercarePlan } from "../../../../core/aftercare/aftercare-plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { type AftercareScope, aftercarePath, aftercareQueryKey } from "./aftercare-scope";

export const getAftercarePlan = (scope: AftercareScope) =>
  apiRequest<AftercarePlan>("GET", aftercarePath(scope));

/** The aftercare plan as it is now (version 0 when never saved), its gaps and the safety plan carried over. */
export const aftercarePlanQuery = (scope: AftercareScope) =>
  queryOptions({ queryKey: aftercareQueryKey(scope), queryFn: () => getAftercarePlan(scope), retry: false });

export const useAftercarePlan = (scope: AftercareScope, enabled = true) =>
  useQuery({ ...aftercarePlanQuery(scope), enabled });

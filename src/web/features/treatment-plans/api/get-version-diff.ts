import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { planDiffSchema } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { versionPath } from "./get-plan";

export type PlanDiff = z.infer<typeof planDiffSchema>;

interface DiffInput {
  planId: string;
  versionId: string;
  againstId: string;
}

export const getVersionDiff = ({ planId, versionId, againstId }: DiffInput) =>
  apiRequest<PlanDiff>(
    "GET",
    `${versionPath(planId, versionId)}/diff?against=${encodeURIComponent(againstId)}`,
  );

/** What changed between two versions, change by change (versions never change once signed). */
export const versionDiffQuery = (input: DiffInput) =>
  queryOptions({
    queryKey: ["treatment-plans", "diff", input.planId, input.versionId, input.againstId],
    queryFn: () => getVersionDiff(input),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useVersionDiff = (input: DiffInput, enabled = true) =>
  useQuery({ ...versionDiffQuery(input), enabled });

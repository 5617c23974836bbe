import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { VersionDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { participantPlanQuery } from "./get-plan";

interface Input {
  participantId: string;
  planId: string;
}

export const createRevision = ({ planId }: Input) =>
  apiRequest<VersionDetail>("POST", `/api/v1/treatment-plans/${encodeURIComponent(planId)}/revisions`);

/** "Revise": a new draft version copied from the signed one (the signed one stays locked). */
export function useCreateRevision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRevision,
    onSuccess: (_version, { participantId }) =>
      queryClient.invalidateQueries({ queryKey: participantPlanQuery(participantId).queryKey }),
  });
}

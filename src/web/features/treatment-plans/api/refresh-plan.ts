import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { VersionDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { ApiError } from "../../../app/api-client";
import { participantPlanQuery } from "./get-plan";

/** Which version a change is made to, and the revision it was read at (optimistic locking). */
export interface VersionRef {
  participantId: string;
  planId: string;
  versionId: string;
  revision: number;
}

/** A mutation on a version after which the chart's plan (history, signatures, reviews, progress) is read again. */
export function useVersionMutation<I extends { participantId: string }>(
  mutationFn: (input: I) => Promise<VersionDetail>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (_version, { participantId }) => {
      await queryClient.invalidateQueries({ queryKey: participantPlanQuery(participantId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["treatment-plans", "progress", participantId] });
    },
    // Refused because the version moved on (another save, a signature, a return to draft): read it again
    // so the next attempt carries the revision that is current.
    onError: async (error, { participantId }) => {
      if (error instanceof ApiError && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: participantPlanQuery(participantId).queryKey });
    },
  });
}

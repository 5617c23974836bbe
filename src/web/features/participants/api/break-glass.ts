import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { breakGlassGrantSchema } from "../../../../core/participants/participants.schema";
import { apiRequest } from "../../../app/api-client";
import { participantQuery } from "./get-participant";

export type BreakGlassGrant = z.infer<typeof breakGlassGrantSchema>;

/** Emergency access outside the care team: stated reason, audited, time-limited, reported. */
export const breakGlass = ({ participantId, reason }: { participantId: string; reason: string }) =>
  apiRequest<BreakGlassGrant>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/break-glass`,
    {
      reason,
    },
  );

export function useBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: breakGlass,
    onSuccess: (_grant, { participantId }) =>
      queryClient.resetQueries({ queryKey: participantQuery(participantId).queryKey }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { BlockedPerson, blockInputSchema } from "../../../../core/sharing/sharing.schema";
import { apiRequest } from "../../../app/api-client";
import { mySharingQuery } from "./get-my-sharing";
import { participantFamilyQuery } from "./get-participant-family";

export type BlockBody = z.input<typeof blockInputSchema>;

/** Where the do-not-disclose list lives: the participant's own, or a participant's on the chart. */
const base = (participantId: string | null) =>
  participantId === null
    ? "/api/v1/me/sharing/blocks"
    : `/api/v1/participants/${encodeURIComponent(participantId)}/family/blocks`;

export const addBlock = (participantId: string | null, input: BlockBody) =>
  apiRequest<BlockedPerson>("POST", base(participantId), input);
export const removeBlock = (participantId: string | null, blockId: string) =>
  apiRequest<null>("DELETE", `${base(participantId)}/${encodeURIComponent(blockId)}`);

function useInvalidate(participantId: string | null) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      queryKey:
        participantId === null ? mySharingQuery().queryKey : participantFamilyQuery(participantId).queryKey,
    });
}

/** Add someone to the do-not-disclose list (null: the signed-in participant's own). */
export function useAddBlock(participantId: string | null) {
  const onSuccess = useInvalidate(participantId);
  return useMutation({ mutationFn: (input: BlockBody) => addBlock(participantId, input), onSuccess });
}

export function useRemoveBlock(participantId: string | null) {
  const onSuccess = useInvalidate(participantId);
  return useMutation({ mutationFn: (blockId: string) => removeBlock(participantId, blockId), onSuccess });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SharedPerson } from "../../../../core/sharing/sharing.schema";
import { apiRequest } from "../../../app/api-client";
import { mySharingQuery } from "./get-my-sharing";

export const stopSharing = ({
  recipientId,
  writtenStatement,
}: {
  recipientId: string;
  writtenStatement: string;
}) =>
  apiRequest<SharedPerson>(
    "POST",
    `/api/v1/me/sharing/people/${encodeURIComponent(recipientId)}/revocation`,
    {
      writtenStatement,
    },
  );

/** "Stop sharing": the participant's written revocation for one person. */
export function useStopSharing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopSharing,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySharingQuery().queryKey }),
  });
}

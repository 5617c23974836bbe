import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  myShareInputSchema,
  ShareResult,
  staffShareInputSchema,
} from "../../../../core/sharing/sharing.schema";
import { apiRequest } from "../../../app/api-client";
import { mySharingQuery } from "./get-my-sharing";
import { participantFamilyQuery } from "./get-participant-family";

export type MyShareBody = z.input<typeof myShareInputSchema>;
export type StaffShareBody = z.input<typeof staffShareInputSchema>;

export const shareWithSomeone = (input: MyShareBody) =>
  apiRequest<ShareResult>("POST", "/api/v1/me/sharing/people", input);

export const shareForParticipant = ({
  participantId,
  ...input
}: StaffShareBody & { participantId: string }) =>
  apiRequest<ShareResult>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/family/people`,
    input,
  );

/** The participant shares (or a safety concern stops it); the page reloads its list. */
export function useShareWithSomeone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: shareWithSomeone,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySharingQuery().queryKey }),
  });
}

/** Staff share at the participant's request; the Family tab reloads. */
export function useShareForParticipant(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StaffShareBody) => shareForParticipant({ ...input, participantId }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: participantFamilyQuery(participantId).queryKey }),
  });
}

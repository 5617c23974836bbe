import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  DisclosureException,
  DisclosureExceptionInput,
} from "../../../../core/disclosures/disclosure-api.schema";
import { apiRequest } from "../../../app/api-client";

export const fileDisclosureException = (participantId: string, input: DisclosureExceptionInput) =>
  apiRequest<DisclosureException>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/disclosure-exceptions`,
    input,
  );

/** File a disclosure without consent; the list and the log reload. */
export function useFileDisclosureException(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DisclosureExceptionInput) => fileDisclosureException(participantId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["participants", participantId] }),
  });
}

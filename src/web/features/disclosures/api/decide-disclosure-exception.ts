import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  DisclosureException,
  DisclosureExceptionDecision,
} from "../../../../core/disclosures/disclosure-api.schema";
import { apiRequest } from "../../../app/api-client";

export const decideDisclosureException = ({
  id,
  ...decision
}: DisclosureExceptionDecision & { id: string }) =>
  apiRequest<DisclosureException>(
    "POST",
    `/api/v1/disclosure-exceptions/${encodeURIComponent(id)}/decision`,
    decision,
  );

/** The clinical director approves (released and logged) or refuses; the list and the log reload. */
export function useDecideDisclosureException(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideDisclosureException,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["participants", participantId] }),
  });
}

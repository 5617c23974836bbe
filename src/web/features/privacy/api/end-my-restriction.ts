import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Restriction } from "../../../../core/privacy/restriction.schema";
import { apiRequest } from "../../../app/api-client";
import { myRestrictionsQuery } from "./get-my-restrictions";

export const endMyRestriction = ({ id, statement }: { id: string; statement: string }) =>
  apiRequest<Restriction>("POST", `/api/v1/me/restrictions/${encodeURIComponent(id)}/termination`, {
    statement,
  });

/** The participant ends one of their restrictions in writing. */
export function useEndMyRestriction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endMyRestriction,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myRestrictionsQuery().queryKey }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Restriction, RestrictionRequestInput } from "../../../../core/privacy/restriction.schema";
import { apiRequest } from "../../../app/api-client";
import { myRestrictionsQuery } from "./get-my-restrictions";

export const requestRestriction = (input: RestrictionRequestInput) =>
  apiRequest<Restriction>("POST", "/api/v1/me/restrictions", input);

/** The participant asks us not to share something. */
export function useRequestRestriction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestRestriction,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myRestrictionsQuery().queryKey }),
  });
}

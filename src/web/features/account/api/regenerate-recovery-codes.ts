import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { recoveryCodesSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";
import { mfaStatusQuery } from "./get-mfa-status";

/** New recovery codes (the old ones stop working), shown once. */
export const regenerateRecoveryCodes = () =>
  apiRequest<z.infer<typeof recoveryCodesSchema>>("POST", "/api/v1/me/mfa/recovery-codes");

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateRecoveryCodes,
    // The codes live in the page's memory only, never in the mutation cache afterwards.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaStatusQuery.queryKey }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { recoveryCodesSchema, totpConfirmSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

/** Confirm the app with its first code; the answer holds the recovery codes, shown once. */
export const confirmTotpEnrolment = (input: z.input<typeof totpConfirmSchema>) =>
  apiRequest<z.infer<typeof recoveryCodesSchema>>("POST", "/api/v1/me/mfa/totp/confirm", input);

export function useConfirmTotpEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTotpEnrolment,
    // The recovery codes live in the page's memory only, never in the mutation cache afterwards.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "mfa"] }),
  });
}

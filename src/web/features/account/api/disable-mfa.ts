import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { mfaDisableSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";
import { mfaStatusQuery } from "./get-mfa-status";

/** Turn two-step verification off (password again); 403 MFA_REQUIRED when the program requires it. */
export const disableMfa = (input: z.input<typeof mfaDisableSchema>) =>
  apiRequest<void>("DELETE", "/api/v1/me/mfa", input);

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaStatusQuery.queryKey }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { mfaChallengeSchema } from "../../../../core/identity/accounts.schema";
import type { CurrentSession } from "../../../../core/identity/session.schema";
import { apiRequest } from "../../../app/api-client";
import { currentSessionQuery } from "./get-current-session";

export type MfaChallenge = z.input<typeof mfaChallengeSchema>;

/** Second step of sign-in: a code from the authenticator app, or a recovery code. */
export const verifyMfa = (input: MfaChallenge) =>
  apiRequest<CurrentSession>("POST", "/api/v1/sessions/current/mfa", input);

export function useVerifyMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyMfa,
    onSuccess: (session) => queryClient.setQueryData(currentSessionQuery.queryKey, session),
  });
}

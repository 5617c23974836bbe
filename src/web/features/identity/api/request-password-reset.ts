import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { passwordResetRequestSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

/** Always 202: the answer never says whether the account exists. */
export const requestPasswordReset = (input: z.input<typeof passwordResetRequestSchema>) =>
  apiRequest<Record<string, never>>("POST", "/api/v1/password-resets", input);

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });

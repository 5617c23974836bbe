import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { passwordResetCompleteSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export const completePasswordReset = (input: z.input<typeof passwordResetCompleteSchema>) =>
  apiRequest<void>("POST", "/api/v1/password-resets/complete", input);

export const useCompletePasswordReset = () => useMutation({ mutationFn: completePasswordReset });

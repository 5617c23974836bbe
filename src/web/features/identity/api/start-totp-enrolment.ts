import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { totpSetupSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type TotpSetup = z.infer<typeof totpSetupSchema>;

/** Start enrolling an authenticator app: a new secret, its otpauth URI and a QR code (SVG markup). */
export const startTotpEnrolment = () => apiRequest<TotpSetup>("POST", "/api/v1/me/mfa/totp");

export const useStartTotpEnrolment = () => useMutation({ mutationFn: startTotpEnrolment });

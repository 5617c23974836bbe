import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { mfaStatusSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type MfaStatus = z.infer<typeof mfaStatusSchema>;

/** Whether two-step verification is on, whether the program requires it, recovery codes left. */
export const getMfaStatus = () => apiRequest<MfaStatus>("GET", "/api/v1/me/mfa");

export const mfaStatusQuery = queryOptions({ queryKey: ["me", "mfa"], queryFn: getMfaStatus });

export const useMfaStatus = () => useQuery(mfaStatusQuery);

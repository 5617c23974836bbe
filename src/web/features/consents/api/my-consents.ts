import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ConsentDetail,
  ESignatureInput,
  RevocationInput,
} from "../../../../core/consents/consent-api.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyConsents = () => apiRequest<{ consents: ConsentDetail[] }>("GET", "/api/v1/me/consents");

/** The participant's signed consents and those waiting for their signature. */
export const myConsentsQuery = () => queryOptions({ queryKey: ["me", "consents"], queryFn: getMyConsents });

export const useMyConsents = () => useQuery(myConsentsQuery());

export const signMyConsent = ({ consentId, body }: { consentId: string; body: ESignatureInput }) =>
  apiRequest<ConsentDetail>("POST", `/api/v1/me/consents/${encodeURIComponent(consentId)}/sign`, body);

export const revokeMyConsent = ({ consentId, body }: { consentId: string; body: RevocationInput }) =>
  apiRequest<ConsentDetail>("POST", `/api/v1/me/consents/${encodeURIComponent(consentId)}/revocations`, body);

function useMyConsentMutation<V>(fn: (v: V) => Promise<ConsentDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myConsentsQuery().queryKey }),
  });
}

export const useSignMyConsent = () => useMyConsentMutation(signMyConsent);
export const useRevokeMyConsent = () => useMyConsentMutation(revokeMyConsent);

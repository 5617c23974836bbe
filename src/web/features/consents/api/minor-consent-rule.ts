import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MinorConsentRule } from "../../../../core/consents/consent.schema";
import type { MinorConsentRuleView } from "../../../../core/consents/consent-api.schema";
import { apiRequest } from "../../../app/api-client";

const url = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/minor-consent-rule`;

export const minorConsentRuleQuery = (siteId: string) =>
  queryOptions({
    queryKey: ["sites", siteId, "minor-consent-rule"],
    queryFn: () => apiRequest<MinorConsentRuleView>("GET", url(siteId)),
  });

export const useMinorConsentRule = (siteId: string | null) =>
  useQuery({ ...minorConsentRuleQuery(siteId ?? ""), enabled: siteId !== null });

/** Set a site's rule (a new version, in force for consents drafted from now on). */
export function useSaveMinorConsentRule(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: MinorConsentRule) => apiRequest<MinorConsentRuleView>("PUT", url(siteId), rule),
    onSuccess: (data) => queryClient.setQueryData(minorConsentRuleQuery(siteId).queryKey, data),
  });
}

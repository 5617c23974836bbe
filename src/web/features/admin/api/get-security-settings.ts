import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SecuritySettings } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export const getSecuritySettings = () => apiRequest<SecuritySettings>("GET", "/api/v1/settings/security");

export const securitySettingsQuery = queryOptions({
  queryKey: ["admin", "settings", "security"],
  queryFn: getSecuritySettings,
});

export const useSecuritySettings = () => useQuery(securitySettingsQuery);

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SecuritySettings } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";
import { rolesQuery } from "./get-roles";
import { securitySettingsQuery } from "./get-security-settings";

export const updateSecuritySettings = (settings: SecuritySettings) =>
  apiRequest<SecuritySettings>("PUT", "/api/v1/settings/security", settings);

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSecuritySettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(securitySettingsQuery.queryKey, saved);
      return queryClient.invalidateQueries({ queryKey: rolesQuery.queryKey });
    },
  });
}

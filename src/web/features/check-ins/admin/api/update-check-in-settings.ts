import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CheckInSettings } from "../../../../../core/check-ins/check-in.schema";
import { apiRequest } from "../../../../app/api-client";
import { checkInSettingsQuery } from "./get-check-in-settings";

export const updateCheckInSettings = (settings: CheckInSettings) =>
  apiRequest<CheckInSettings>("PUT", "/api/v1/check-in-settings", settings);

export function useUpdateCheckInSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCheckInSettings,
    onSuccess: (saved) => queryClient.setQueryData(checkInSettingsQuery.queryKey, saved),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdmissionSettings } from "../../../../core/admissions/admission-settings.schema";
import { apiRequest } from "../../../app/api-client";
import { admissionSettingsQuery } from "./get-admission-settings";

export const updateAdmissionSettings = (settings: AdmissionSettings) =>
  apiRequest<AdmissionSettings>("PUT", "/api/v1/admissions/settings", settings);

export function useUpdateAdmissionSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAdmissionSettings,
    onSuccess: (saved) => queryClient.setQueryData(admissionSettingsQuery.queryKey, saved),
  });
}

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AdmissionSettings } from "../../../../core/admissions/admission-settings.schema";
import { apiRequest } from "../../../app/api-client";

/** The levels of care the program offers and how soon it answers an inquiry. */
export const getAdmissionSettings = () => apiRequest<AdmissionSettings>("GET", "/api/v1/admissions/settings");

export const admissionSettingsQuery = queryOptions({
  queryKey: ["admissions", "settings"],
  queryFn: getAdmissionSettings,
  staleTime: 5 * 60_000,
});

export const useAdmissionSettings = () => useQuery(admissionSettingsQuery);

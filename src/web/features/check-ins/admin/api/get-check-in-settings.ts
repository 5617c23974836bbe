import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CheckInSettings } from "../../../../../core/check-ins/check-in.schema";
import { apiRequest } from "../../../../app/api-client";

export const getCheckInSettings = () => apiRequest<CheckInSettings>("GET", "/api/v1/check-in-settings");

export const checkInSettingsQuery = queryOptions({
  queryKey: ["check-ins", "settings"],
  queryFn: getCheckInSettings,
});

export const useCheckInSettings = () => useQuery(checkInSettingsQuery);

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ReliableChangeSettingsView } from "../../../../core/assessments/reliable-change-settings.schema";
import { apiRequest } from "../../../app/api-client";

/** Per questionnaire: the default reliability, SD and cut-off, the program's values and what they give. */
export const getReliableChangeSettings = () =>
  apiRequest<ReliableChangeSettingsView>("GET", "/api/v1/assessments/reliable-change");

export const reliableChangeSettingsQuery = queryOptions({
  queryKey: ["assessments", "reliable-change"],
  queryFn: getReliableChangeSettings,
  staleTime: 5 * 60_000,
});

export const useReliableChangeSettings = () => useQuery(reliableChangeSettingsQuery);

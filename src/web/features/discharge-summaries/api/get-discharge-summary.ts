import { queryOptions, useQuery } from "@tanstack/react-query";
import type { DischargeSummaryView } from "../../../../core/discharge-summaries/discharge-summary.schema";
import { apiRequest } from "../../../app/api-client";
import { summaryPath, summaryQueryKey } from "./summary-path";

export const getDischargeSummary = (participantId: string) =>
  apiRequest<DischargeSummaryView>("GET", summaryPath(participantId));

/** The latest episode's summary (null before a draft) and whether the discharge is recorded. */
export const dischargeSummaryQuery = (participantId: string) =>
  queryOptions({
    queryKey: summaryQueryKey(participantId),
    queryFn: () => getDischargeSummary(participantId),
  });

export const useDischargeSummary = (participantId: string) => useQuery(dischargeSummaryQuery(participantId));

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ChartAlumni } from "../../../../core/alumni/alumni.schema";
import { apiRequest } from "../../../app/api-client";

export const getChartAlumni = (participantId: string) =>
  apiRequest<ChartAlumni>("GET", `/api/v1/participants/${participantId}/alumni`);

/** The chart's alumni section (read with clinical.view, audited by the server). */
export const chartAlumniQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "alumni"],
    queryFn: () => getChartAlumni(participantId),
  });

export const useChartAlumni = (participantId: string) => useQuery(chartAlumniQuery(participantId));

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ChartFollowUps } from "../../../../core/follow-ups/follow-up-api.schema";
import { apiRequest } from "../../../app/api-client";

export const getChartFollowUps = (participantId: string) =>
  apiRequest<ChartFollowUps>("GET", `/api/v1/participants/${participantId}/follow-ups`);

export const chartFollowUpsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "follow-ups"],
    queryFn: () => getChartFollowUps(participantId),
  });

export const useChartFollowUps = (participantId: string) => useQuery(chartFollowUpsQuery(participantId));

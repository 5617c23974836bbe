import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CheckInTimeline } from "../../../../../core/check-ins/check-in-api.schema";
import { apiRequest } from "../../../../app/api-client";

export const getCheckInTimeline = (participantId: string, from: string) =>
  apiRequest<CheckInTimeline>(
    "GET",
    `/api/v1/participants/${participantId}/check-ins?from=${encodeURIComponent(from)}`,
  );

/** A participant's check-ins from a day to today (the chart's Check-ins tab). */
export const checkInTimelineQuery = (participantId: string, from: string) =>
  queryOptions({
    queryKey: ["check-ins", "timeline", participantId, from],
    queryFn: () => getCheckInTimeline(participantId, from),
  });

export const useCheckInTimeline = (participantId: string, from: string) =>
  useQuery(checkInTimelineQuery(participantId, from));

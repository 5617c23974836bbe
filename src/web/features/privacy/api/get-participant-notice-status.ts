import { queryOptions, useQuery } from "@tanstack/react-query";
import type { NoticeStatus } from "../../../../core/privacy/notice.schema";
import { apiRequest } from "../../../app/api-client";

export const getParticipantNoticeStatus = (participantId: string) =>
  apiRequest<NoticeStatus>("GET", `/api/v1/participants/${encodeURIComponent(participantId)}/patient-notice`);

/** Whether the participant was given the current notice, for the chart. */
export const participantNoticeStatusQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "patient-notice"],
    queryFn: () => getParticipantNoticeStatus(participantId),
  });

export const useParticipantNoticeStatus = (participantId: string) =>
  useQuery(participantNoticeStatusQuery(participantId));

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NoticeAcknowledgement, NoticeStatus } from "../../../../core/privacy/notice.schema";
import { apiRequest } from "../../../app/api-client";
import { participantNoticeStatusQuery } from "./get-participant-notice-status";

export const recordPaperNotice = ({
  participantId,
  acknowledgement,
}: {
  participantId: string;
  acknowledgement: NoticeAcknowledgement;
}) =>
  apiRequest<NoticeStatus>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/patient-notice/deliveries`,
    { acknowledgement },
  );

/** Staff record that they handed over the current notice on paper. */
export function useRecordPaperNotice(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordPaperNotice,
    onSuccess: (status) =>
      queryClient.setQueryData(participantNoticeStatusQuery(participantId).queryKey, status),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NoticeStatus } from "../../../../core/privacy/notice.schema";
import { apiRequest } from "../../../app/api-client";
import { myNoticeStatusQuery } from "./get-my-notice-status";

export const acknowledgeNotice = (version: string) =>
  apiRequest<NoticeStatus>("POST", "/api/v1/me/patient-notice/acknowledgement", { version });

/** "I have read this notice", for the version on screen. */
export function useAcknowledgeNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeNotice,
    onSuccess: (status) => queryClient.setQueryData(myNoticeStatusQuery().queryKey, status),
    onError: () => queryClient.invalidateQueries({ queryKey: ["patient-notice"] }),
  });
}

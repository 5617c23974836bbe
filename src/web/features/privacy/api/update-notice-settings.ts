import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CurrentNotice, NoticeSettings } from "../../../../core/privacy/notice.schema";
import { apiRequest } from "../../../app/api-client";

export const updateNoticeSettings = (settings: NoticeSettings) =>
  apiRequest<CurrentNotice>("PUT", "/api/v1/patient-notice", settings);

/** Administrators change the notice settings; every reader of the notice reloads. */
export function useUpdateNoticeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNoticeSettings,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["patient-notice"] }),
  });
}

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { NoticeStatus } from "../../../../core/privacy/notice.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyNoticeStatus = () => apiRequest<NoticeStatus>("GET", "/api/v1/me/patient-notice");

/** The participant's own standing with the current notice. */
export const myNoticeStatusQuery = () =>
  queryOptions({ queryKey: ["patient-notice", "me"], queryFn: getMyNoticeStatus });

export const useMyNoticeStatus = () => useQuery(myNoticeStatusQuery());

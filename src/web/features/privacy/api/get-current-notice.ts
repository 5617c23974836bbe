import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CurrentNotice } from "../../../../core/privacy/notice.schema";
import { apiRequest } from "../../../app/api-client";

export const getCurrentNotice = () => apiRequest<CurrentNotice>("GET", "/api/v1/patient-notice");

/** The Patient Notice in force: its version and the settings that fill in its text. */
export const currentNoticeQuery = () =>
  queryOptions({ queryKey: ["patient-notice", "current"], queryFn: getCurrentNotice });

export const useCurrentNotice = () => useQuery(currentNoticeQuery());

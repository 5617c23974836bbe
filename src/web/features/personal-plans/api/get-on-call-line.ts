import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";

/** The program's on-call line at the participant's site, as the Help page reads it (null when none is set). */
export interface OnCallLine {
  site: string;
  phone: string;
}

export const getOnCallLine = async (): Promise<OnCallLine | null> =>
  (await apiRequest<{ onCall: OnCallLine | null }>("GET", "/api/v1/me/help-resources")).onCall;

export const onCallLineQuery = queryOptions({
  queryKey: ["help-resources", "me", "on-call"],
  queryFn: getOnCallLine,
  staleTime: 10 * 60_000,
});

export const useOnCallLine = () => useQuery(onCallLineQuery);

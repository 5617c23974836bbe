import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AbsenceRequestList } from "../../../../core/absence-requests/absence-requests.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyAbsenceRequests = () =>
  apiRequest<AbsenceRequestList>("GET", "/api/v1/me/absence-requests");

/** The participant's own requests to be excused. */
export const myAbsenceRequestsQuery = () =>
  queryOptions({ queryKey: ["me", "absence-requests"], queryFn: getMyAbsenceRequests });

export const useMyAbsenceRequests = () => useQuery(myAbsenceRequestsQuery());

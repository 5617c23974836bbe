import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Calendar, CalendarEntry, CalendarView } from "../../../../core/schedule/calendar.schema";
import { apiRequest } from "../../../app/api-client";
import { toSearchParams } from "../../admin/search-params";

export type { Calendar, CalendarEntry };

/** GET /calendar: one view over local dates `from` through `to` (at most 42 days). */
export interface CalendarRequest {
  view: CalendarView;
  from: string;
  to: string;
  siteId?: string;
  roomId?: string;
  staffId?: string;
  participantId?: string;
}

/** Cancelled appointments are asked for too: the calendar shows them struck through. */
export const getCalendar = (request: CalendarRequest) =>
  apiRequest<Calendar>("GET", `/api/v1/calendar?${toSearchParams({ ...request, includeCancelled: true })}`);

export const calendarQuery = (request: CalendarRequest) =>
  queryOptions({ queryKey: ["calendar", "entries", request], queryFn: () => getCalendar(request) });

/** The sessions of the view; nothing is asked while the view lacks what it needs (`enabled`). */
export const useCalendar = (request: CalendarRequest, enabled: boolean) =>
  useQuery({ ...calendarQuery(request), enabled });

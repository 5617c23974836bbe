import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Calendar } from "../../../../core/schedule/calendar.schema";
import { apiRequest } from "../../../app/api-client";

export const getParticipantCalendar = (participantId: string, from: string, to: string) =>
  apiRequest<Calendar>(
    "GET",
    `/api/v1/calendar?${new URLSearchParams({ view: "participant", participantId, from, to })}`,
  );

/** A participant's group sessions and appointments from `from` through `to` (cancelled groups included). */
export const participantCalendarQuery = (participantId: string, from: string, to: string) =>
  queryOptions({
    queryKey: ["calendar", "participant", participantId, from, to],
    queryFn: () => getParticipantCalendar(participantId, from, to),
  });

export const useParticipantCalendar = (participantId: string, from: string, to: string) =>
  useQuery(participantCalendarQuery(participantId, from, to));

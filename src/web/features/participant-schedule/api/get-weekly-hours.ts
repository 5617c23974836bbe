import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { WeeklyHoursView } from "../../../../core/attendance/roster.schema";
import { apiRequest } from "../../../app/api-client";

export const getWeeklyHours = (participantId: string, week: string | null) =>
  apiRequest<WeeklyHoursView>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/weekly-hours${week ? `?${new URLSearchParams({ week })}` : ""}`,
  );

/** A participant's hours in the ISO week holding `week` (this week when null). */
export const weeklyHoursQuery = (participantId: string, week: string | null) =>
  queryOptions({
    queryKey: ["participant-schedule", participantId, "weekly-hours", week],
    queryFn: () => getWeeklyHours(participantId, week),
  });

/** The week's hours; the previous week stays on screen while the next one loads. */
export const useWeeklyHours = (participantId: string, week: string | null) =>
  useQuery({ ...weeklyHoursQuery(participantId, week), placeholderData: keepPreviousData });

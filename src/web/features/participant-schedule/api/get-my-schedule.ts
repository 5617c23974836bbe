import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { MySchedule } from "../../../../core/schedule/calendar.schema";
import { apiRequest } from "../../../app/api-client";

/** A week by its Monday and Sunday, or null for this week in the participant's site's zone. */
export type WeekRange = { from: string; to: string } | null;

export const getMySchedule = (range: WeekRange) =>
  apiRequest<MySchedule>("GET", `/api/v1/me/schedule${range ? `?${new URLSearchParams(range)}` : ""}`);

/** The signed-in participant's sessions — their groups and appointments, with video links. */
export const myScheduleQuery = (range: WeekRange) =>
  queryOptions({
    queryKey: ["calendar", "me", range?.from ?? "this-week", range?.to ?? ""],
    queryFn: () => getMySchedule(range),
  });

/** The week's sessions; the week on screen stays while the next one loads. */
export const useMySchedule = (range: WeekRange) =>
  useQuery({ ...myScheduleQuery(range), placeholderData: keepPreviousData });

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MeasurementScheduleView } from "../../../../core/assessments/measurement-schedule.schema";
import { apiRequest } from "../../../app/api-client";

/** The program's measurement schedule, its grace days and the questionnaires it may name. */
export const getMeasurementSchedule = () =>
  apiRequest<MeasurementScheduleView>("GET", "/api/v1/assessments/schedule");

export const measurementScheduleQuery = queryOptions({
  queryKey: ["assessments", "schedule"],
  queryFn: getMeasurementSchedule,
  staleTime: 5 * 60_000,
});

export const useMeasurementSchedule = () => useQuery(measurementScheduleQuery);

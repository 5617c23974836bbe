import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  MeasurementScheduleSettings,
  MeasurementScheduleView,
} from "../../../../core/assessments/measurement-schedule.schema";
import { apiRequest } from "../../../app/api-client";
import { measurementScheduleQuery } from "./get-measurement-schedule";

export const updateMeasurementSchedule = (settings: MeasurementScheduleSettings) =>
  apiRequest<MeasurementScheduleView>("PUT", "/api/v1/assessments/schedule", settings);

/** Save the schedule; what is due changes with it, so the worklists load again. */
export function useUpdateMeasurementSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMeasurementSchedule,
    onSuccess: async (saved) => {
      queryClient.setQueryData(measurementScheduleQuery.queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ["assessments", "due"] });
    },
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AttendanceSettings } from "../../../../core/attendance/attendance-settings.schema";
import { apiRequest } from "../../../app/api-client";

export const getAttendanceSettings = () =>
  apiRequest<AttendanceSettings>("GET", "/api/v1/settings/attendance");

export const attendanceSettingsQuery = queryOptions({
  queryKey: ["admin", "settings", "attendance"],
  queryFn: getAttendanceSettings,
});

export const useAttendanceSettings = () => useQuery(attendanceSettingsQuery);

export const updateAttendanceSettings = (settings: AttendanceSettings) =>
  apiRequest<AttendanceSettings>("PUT", "/api/v1/settings/attendance", settings);

export function useUpdateAttendanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAttendanceSettings,
    onSuccess: (saved) => queryClient.setQueryData(attendanceSettingsQuery.queryKey, saved),
  });
}

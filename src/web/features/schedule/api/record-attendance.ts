import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AttendanceSubmission, Roster } from "../../../../core/attendance/roster.schema";
import { apiRequest } from "../../../app/api-client";
import { rosterPath, rosterQuery } from "./get-roster";

interface Input {
  trackId: string;
  occurrenceKey: string;
  submission: AttendanceSubmission;
}

export const recordAttendance = ({ trackId, occurrenceKey, submission }: Input) =>
  apiRequest<Roster>("PUT", `${rosterPath(trackId, occurrenceKey)}/attendance`, submission);

/** Record a session's marks, all or nothing; the answer is the roster as saved. */
export function useRecordAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordAttendance,
    onSuccess: async (roster, input) => {
      queryClient.setQueryData(rosterQuery(input.trackId, input.occurrenceKey).queryKey, roster);
      await queryClient.invalidateQueries({ queryKey: ["schedule", "occurrences", input.trackId] });
    },
  });
}

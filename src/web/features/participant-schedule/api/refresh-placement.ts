import { useQueryClient } from "@tanstack/react-query";

/**
 * After a place in a track changes, everything that counts places or follows the participant's
 * track is read again: their chart's schedule, the tracks' places and waitlists, the record (its
 * episode names the track), the calendar.
 */
export function useRefreshPlacement() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["participant-schedule"] }),
      queryClient.invalidateQueries({ queryKey: ["schedule", "tracks"] }),
      queryClient.invalidateQueries({ queryKey: ["schedule", "track-enrollments"] }),
      queryClient.invalidateQueries({ queryKey: ["participants"] }),
      queryClient.invalidateQueries({ queryKey: ["calendar"] }),
    ]);
  };
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Track, TrackUpdate } from "../../../../core/schedule/tracks.schema";
import { apiRequest } from "../../../app/api-client";

export const updateTrack = ({ id, input }: { id: string; input: TrackUpdate }) =>
  apiRequest<Track>("PUT", `/api/v1/tracks/${encodeURIComponent(id)}`, input);

/** Change a track's pattern, place, capacity, dates and facilitators; its sessions are computed anew. */
export function useUpdateTrack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTrack,
    onSuccess: async (track) => {
      await queryClient.invalidateQueries({ queryKey: ["schedule", "tracks"] });
      await queryClient.invalidateQueries({ queryKey: ["schedule", "occurrences", track.id] });
    },
  });
}

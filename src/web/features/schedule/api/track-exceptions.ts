import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SeriesException } from "../../../../core/schedule/track-pattern.schema";
import type { TrackException } from "../../../../core/schedule/tracks.schema";
import { apiRequest } from "../../../app/api-client";

export const addTrackException = ({ trackId, exception }: { trackId: string; exception: SeriesException }) =>
  apiRequest<TrackException>("POST", `/api/v1/tracks/${encodeURIComponent(trackId)}/exceptions`, exception);

export const removeTrackException = ({ trackId, exceptionId }: { trackId: string; exceptionId: string }) =>
  apiRequest<void>(
    "DELETE",
    `/api/v1/tracks/${encodeURIComponent(trackId)}/exceptions/${encodeURIComponent(exceptionId)}`,
  );

/** After a change to one session, every list of that track's sessions is read again. */
function useRefreshSessions() {
  const queryClient = useQueryClient();
  return (_: unknown, input: { trackId: string }) =>
    queryClient.invalidateQueries({ queryKey: ["schedule", "occurrences", input.trackId] });
}

/** Cancel, move or give a substitute to one session of a track. */
export function useAddTrackException() {
  return useMutation({ mutationFn: addTrackException, onSuccess: useRefreshSessions() });
}

/** Take an exception back: the session takes place as the pattern says. */
export function useRemoveTrackException() {
  return useMutation({ mutationFn: removeTrackException, onSuccess: useRefreshSessions() });
}

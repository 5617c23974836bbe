import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";
import { unavailabilityQuery } from "./get-unavailability";

export const removeUnavailability = ({ participantId, id }: { participantId: string; id: string }) =>
  apiRequest<void>(
    "DELETE",
    `/api/v1/participants/${encodeURIComponent(participantId)}/unavailability/${encodeURIComponent(id)}`,
  );

/** Remove a declared time: bookings are no longer checked against it. */
export function useRemoveUnavailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeUnavailability,
    onSuccess: (_, { participantId }) =>
      queryClient.invalidateQueries({ queryKey: unavailabilityQuery(participantId).queryKey }),
  });
}

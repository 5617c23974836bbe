import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Unavailability } from "../../../../core/schedule/unavailability.schema";
import { apiRequest } from "../../../app/api-client";
import { unavailabilityQuery } from "./get-unavailability";

/** What the form sends (the server's schema trims the note and defaults it). */
export interface UnavailabilityDraft {
  weekday: number;
  start: string;
  end: string;
  reason: string;
  note: string;
}

export const addUnavailability = ({
  participantId,
  input,
}: {
  participantId: string;
  input: UnavailabilityDraft;
}) =>
  apiRequest<Unavailability>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/unavailability`,
    input,
  );

/** Declare a weekly time the participant cannot come (staff who book, or the participant). */
export function useAddUnavailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addUnavailability,
    onSuccess: (_, { participantId }) =>
      queryClient.invalidateQueries({ queryKey: unavailabilityQuery(participantId).queryKey }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MyAlumniEvent, RsvpStatus } from "../../../../core/alumni/alumni.schema";
import { apiRequest } from "../../../app/api-client";
import { myAlumniQuery } from "./get-my-alumni";

export const rsvpAlumniEvent = ({ eventId, status }: { eventId: string; status: RsvpStatus }) =>
  apiRequest<MyAlumniEvent>("POST", `/api/v1/me/alumni/events/${eventId}/rsvp`, { status });

export function useRsvpAlumniEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rsvpAlumniEvent,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myAlumniQuery().queryKey }),
  });
}

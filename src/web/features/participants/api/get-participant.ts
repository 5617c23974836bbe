import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

export const getParticipant = (id: string) =>
  apiRequest<ParticipantRecord>("GET", `/api/v1/participants/${encodeURIComponent(id)}`);

export const participantQuery = (id: string) =>
  queryOptions({
    queryKey: ["participants", "record", id],
    queryFn: () => getParticipant(id),
    // A 403 or 404 is an answer, not a hiccup: do not ask again.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export const useParticipant = (id: string) => useQuery(participantQuery(id));

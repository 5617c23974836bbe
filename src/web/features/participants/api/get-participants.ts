import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  participantListQuerySchema,
  participantListSchema,
} from "../../../../core/participants/participants.schema";
import { apiRequest } from "../../../app/api-client";
import { toSearchParams } from "../../admin/search-params";

export type ParticipantListInput = Partial<z.infer<typeof participantListQuerySchema>>;
export type ParticipantList = z.infer<typeof participantListSchema>;

/** Already scoped by the server to what the signed-in staff member may see. */
export const getParticipants = (query: ParticipantListInput) =>
  apiRequest<ParticipantList>("GET", `/api/v1/participants?${toSearchParams(query)}`);

export const participantsQuery = (query: ParticipantListInput) =>
  queryOptions({
    queryKey: ["participants", "list", query],
    queryFn: () => getParticipants(query),
    placeholderData: keepPreviousData,
  });

export const useParticipants = (query: ParticipantListInput) => useQuery(participantsQuery(query));

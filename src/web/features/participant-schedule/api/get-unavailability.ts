import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Unavailability } from "../../../../core/schedule/unavailability.schema";
import { apiRequest } from "../../../app/api-client";

export const getUnavailability = (participantId: string) =>
  apiRequest<{ windows: Unavailability[] }>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/unavailability`,
  );

/** The weekly times a participant cannot come (work, school, childcare…), in their site's zone. */
export const unavailabilityQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participant-schedule", participantId, "unavailability"],
    queryFn: () => getUnavailability(participantId),
  });

export const useUnavailability = (participantId: string) => useQuery(unavailabilityQuery(participantId));

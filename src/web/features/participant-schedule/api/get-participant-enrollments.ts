import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ParticipantEnrollments } from "../../../../core/schedule/enrollment.schema";
import { apiRequest } from "../../../app/api-client";

export const getParticipantEnrollments = (participantId: string) =>
  apiRequest<ParticipantEnrollments>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/enrollments`,
  );

/** A participant's places in tracks across episodes: joins, moves, exits and waitlists. */
export const participantEnrollmentsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participant-schedule", participantId, "enrollments"],
    queryFn: () => getParticipantEnrollments(participantId),
  });

export const useParticipantEnrollments = (participantId: string) =>
  useQuery(participantEnrollmentsQuery(participantId));

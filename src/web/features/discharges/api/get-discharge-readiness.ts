import { queryOptions, useQuery } from "@tanstack/react-query";
import type { DischargeOverview } from "../../../../core/discharges/discharges.schema";
import { apiRequest } from "../../../app/api-client";

export const getDischargeReadiness = (participantId: string) =>
  apiRequest<DischargeOverview>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/discharge-readiness`,
  );

/** The open episode's readiness for discharge and every episode with its discharge. */
export const dischargeReadinessQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "discharge-readiness"],
    queryFn: () => getDischargeReadiness(participantId),
  });

export const useDischargeReadiness = (participantId: string) =>
  useQuery(dischargeReadinessQuery(participantId));

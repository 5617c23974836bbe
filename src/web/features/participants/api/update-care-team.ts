import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { careTeamSchema, careTeamUpdateSchema } from "../../../../core/participants/participants.schema";
import { apiRequest } from "../../../app/api-client";
import { participantQuery } from "./get-participant";

export type CareTeamUpdate = z.infer<typeof careTeamUpdateSchema>;
export type CareTeam = z.infer<typeof careTeamSchema>;

export const updateCareTeam = ({
  participantId,
  update,
}: {
  participantId: string;
  update: CareTeamUpdate;
}) =>
  apiRequest<CareTeam>("PUT", `/api/v1/participants/${encodeURIComponent(participantId)}/care-team`, update);

export function useUpdateCareTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCareTeam,
    onSuccess: (_team, { participantId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: participantQuery(participantId).queryKey }),
        queryClient.invalidateQueries({ queryKey: ["participants", "list"] }),
      ]),
  });
}

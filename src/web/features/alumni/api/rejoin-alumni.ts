import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AlumniMembership } from "../../../../core/alumni/alumni.schema";
import { apiRequest } from "../../../app/api-client";

export const rejoinAlumni = () => apiRequest<AlumniMembership>("POST", "/api/v1/me/alumni/rejoin");

export function useRejoinAlumni() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejoinAlumni,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "alumni"] }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AlumniMembership } from "../../../../core/alumni/alumni.schema";
import { apiRequest } from "../../../app/api-client";

export const leaveAlumni = (input: { alsoFollowUps: boolean }) =>
  apiRequest<AlumniMembership>("POST", "/api/v1/me/alumni/opt-out", input);

/** Leave at once: everything alumni is read again (the home shows the opted-out card). */
export function useLeaveAlumni() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: leaveAlumni,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "alumni"] }),
  });
}

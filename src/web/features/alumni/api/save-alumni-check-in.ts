import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AlumniCheckInInput, alumniCheckInResultSchema } from "../../../../core/alumni/alumni.schema";
import { apiRequest } from "../../../app/api-client";
import { myAlumniQuery } from "./get-my-alumni";

export type AlumniCheckInResult = z.infer<typeof alumniCheckInResultSchema>;

export const saveAlumniCheckIn = (input: AlumniCheckInInput) =>
  apiRequest<AlumniCheckInResult>("PUT", "/api/v1/me/alumni/check-ins/current", input);

/** This week's check-in (a second save the same week updates it); the home shows it at once. */
export function useSaveAlumniCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAlumniCheckIn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myAlumniQuery().queryKey }),
  });
}

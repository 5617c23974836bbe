import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  FamilyCheckInInput,
  FamilyCheckInSaved,
} from "../../../../core/family-learning/family-learning.schema";
import { apiRequest } from "../../../app/api-client";
import { familyCheckInsKey } from "./family-learning-keys";

export const saveCheckIn = (input: FamilyCheckInInput) =>
  apiRequest<FamilyCheckInSaved>("PUT", "/api/v1/family/check-ins", input);

/** Record today's check-in (or change it the same day); the history is read again. */
export function useSaveCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCheckIn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: familyCheckInsKey }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MyPractice } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";
import { myPracticeQuery } from "./get-my-practice";
import type { PracticeRef } from "./mark-practice-done";

export const undoPractice = ({ trackId, occurrenceKey }: PracticeRef) =>
  apiRequest<MyPractice>(
    "DELETE",
    `/api/v1/me/practice/${encodeURIComponent(trackId)}/${encodeURIComponent(occurrenceKey).replace(/%3A/gi, ":")}`,
  );

/** Undo "done" on a session's practice (its reflection goes with it). */
export function useUndoPractice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoPractice,
    onSuccess: (practice) => queryClient.setQueryData(myPracticeQuery().queryKey, practice),
  });
}

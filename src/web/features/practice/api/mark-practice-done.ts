import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MyPractice } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";
import { myPracticeQuery } from "./get-my-practice";

export interface PracticeRef {
  trackId: string;
  occurrenceKey: string;
}

const practicePath = ({ trackId, occurrenceKey }: PracticeRef) =>
  `/api/v1/me/practice/${encodeURIComponent(trackId)}/${encodeURIComponent(occurrenceKey).replace(/%3A/gi, ":")}`;

export const markPracticeDone = ({ reflection, ...ref }: PracticeRef & { reflection: string }) =>
  apiRequest<MyPractice>("PUT", practicePath(ref), { reflection });

/** Mark a session's practice done, or change the reflection; the page shows the server's answer. */
export function useMarkPracticeDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markPracticeDone,
    onSuccess: (practice) => queryClient.setQueryData(myPracticeQuery().queryKey, practice),
  });
}

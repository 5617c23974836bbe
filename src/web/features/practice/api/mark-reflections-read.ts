import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PracticeReflections } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";
import { practiceReflectionsPath, practiceReflectionsQuery } from "./get-practice-reflections";

export const markReflectionsRead = ({
  trackId,
  occurrenceKey,
  completionIds,
}: {
  trackId: string;
  occurrenceKey: string;
  completionIds: string[];
}) =>
  apiRequest<PracticeReflections>("POST", `${practiceReflectionsPath(trackId, occurrenceKey)}/read`, {
    completionIds,
  });

/** Mark reflections read; the section shows who read them. */
export function useMarkReflectionsRead(trackId: string, occurrenceKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (completionIds: string[]) => markReflectionsRead({ trackId, occurrenceKey, completionIds }),
    onSuccess: (view) =>
      queryClient.setQueryData(practiceReflectionsQuery(trackId, occurrenceKey).queryKey, view),
  });
}

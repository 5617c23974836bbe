import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ModuleLanguage } from "../../../../core/curriculum/module.schema";
import type { MyPractice } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";
import { myPracticeQuery, practiceLanguageOf } from "./get-my-practice";

export interface PracticeRef {
  trackId: string;
  occurrenceKey: string;
}

/** A session's practice, with the language its answer comes back in. */
export const practicePath = ({ trackId, occurrenceKey }: PracticeRef, language: ModuleLanguage) =>
  `/api/v1/me/practice/${encodeURIComponent(trackId)}/${encodeURIComponent(occurrenceKey).replace(/%3A/gi, ":")}?language=${language}`;

export const markPracticeDone = (
  { reflection, ...ref }: PracticeRef & { reflection: string },
  language: ModuleLanguage,
) => apiRequest<MyPractice>("PUT", practicePath(ref, language), { reflection });

/** Mark a session's practice done, or change the reflection; the page shows the server's answer. */
export function useMarkPracticeDone() {
  const queryClient = useQueryClient();
  const language = practiceLanguageOf(useTranslation().i18n.language);
  return useMutation({
    mutationFn: (input: PracticeRef & { reflection: string }) => markPracticeDone(input, language),
    onSuccess: (practice) => queryClient.setQueryData(myPracticeQuery(language).queryKey, practice),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ModuleLanguage } from "../../../../core/curriculum/module.schema";
import type { MyPractice } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";
import { myPracticeQuery, practiceLanguageOf } from "./get-my-practice";
import { type PracticeRef, practicePath } from "./mark-practice-done";

export const undoPractice = (ref: PracticeRef, language: ModuleLanguage) =>
  apiRequest<MyPractice>("DELETE", practicePath(ref, language));

/** Undo "done" on a session's practice (its reflection goes with it). */
export function useUndoPractice() {
  const queryClient = useQueryClient();
  const language = practiceLanguageOf(useTranslation().i18n.language);
  return useMutation({
    mutationFn: (ref: PracticeRef) => undoPractice(ref, language),
    onSuccess: (practice) => queryClient.setQueryData(myPracticeQuery(language).queryKey, practice),
  });
}

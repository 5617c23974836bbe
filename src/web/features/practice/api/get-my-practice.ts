import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ModuleLanguage } from "../../../../core/curriculum/module.schema";
import type { MyPractice } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";

/** The page's language as the practice routes take it (the handout and practice in it). */
export const practiceLanguageOf = (language: string | undefined): ModuleLanguage =>
  language?.startsWith("es") ? "es" : "en";

export const getMyPractice = (language: ModuleLanguage) =>
  apiRequest<MyPractice>("GET", `/api/v1/me/practice?language=${language}`);

/** The signed-in participant's practice from the groups they attended, newest first, in `language`. */
export const myPracticeQuery = (language: ModuleLanguage) =>
  queryOptions({ queryKey: ["practice", "me", language], queryFn: () => getMyPractice(language) });

export function useMyPractice() {
  const { i18n } = useTranslation();
  return useQuery(myPracticeQuery(practiceLanguageOf(i18n.language)));
}

import { useTranslation } from "react-i18next";
import { contentLanguageOf, FAMILY_MODULES } from "../../../core/family-learning/modules";
import { FAMILY_RESOURCES } from "../../../core/family-learning/resources";

/** The modules and resources in the language the family member chose for the app. */
export function useFamilyContent() {
  const { i18n } = useTranslation();
  const language = contentLanguageOf(i18n.language);
  return { language, modules: FAMILY_MODULES[language], resources: FAMILY_RESOURCES[language] };
}

export const learnPath = (moduleKey?: string) => (moduleKey ? `/family/learn/${moduleKey}` : "/family/learn");

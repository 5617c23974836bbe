import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SkillsCatalog } from "../../../../../core/curriculum/curriculum-api.schema";
import { apiRequest } from "../../../../app/api-client";

export const getSkillsCatalog = (language: "en" | "es") =>
  apiRequest<SkillsCatalog>("GET", `/api/v1/curriculum/skills?language=${language}`);

/** Every skill the curriculum teaches, named in the reader's language (to name the skills a check-in lists). */
export const skillsCatalogQuery = (language: "en" | "es") =>
  queryOptions({
    queryKey: ["curriculum", "skills", language],
    queryFn: () => getSkillsCatalog(language),
    staleTime: 10 * 60_000,
  });

export const useSkillsCatalog = (language: "en" | "es") => useQuery(skillsCatalogQuery(language));

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { ModuleList } from "../../../../core/curriculum/curriculum-api.schema";
import type {
  CurriculumCategory,
  ModuleAudience,
  ModuleLanguage,
} from "../../../../core/curriculum/module.schema";
import { apiRequest } from "../../../app/api-client";

export interface ModuleListFilter {
  language: ModuleLanguage;
  category: CurriculumCategory | null;
  audience: ModuleAudience | null;
  includeArchived: boolean;
}

export const getModules = (filter: ModuleListFilter) => {
  const query = new URLSearchParams({ language: filter.language });
  if (filter.category) query.set("category", filter.category);
  if (filter.audience) query.set("audience", filter.audience);
  if (filter.includeArchived) query.set("includeArchived", "true");
  return apiRequest<ModuleList>("GET", `/api/v1/curriculum/modules?${query}`);
};

export const curriculumKeys = {
  all: ["curriculum"] as const,
  list: (filter: ModuleListFilter) => ["curriculum", "modules", filter] as const,
  module: (key: string, version: number | null) => ["curriculum", "module", key, version] as const,
};

/** The library's modules in one language, filtered (the previous list stays while the next loads). */
export const modulesQuery = (filter: ModuleListFilter) =>
  queryOptions({ queryKey: curriculumKeys.list(filter), queryFn: () => getModules(filter) });

export const useModules = (filter: ModuleListFilter) =>
  useQuery({ ...modulesQuery(filter), placeholderData: keepPreviousData });

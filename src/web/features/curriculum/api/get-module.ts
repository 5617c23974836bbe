import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ModuleDetail } from "../../../../core/curriculum/curriculum-api.schema";
import { apiRequest } from "../../../app/api-client";
import { curriculumKeys } from "./get-modules";

export const modulePath = (key: string) => `/api/v1/curriculum/modules/${encodeURIComponent(key)}`;

export const getModule = (key: string, version: number | null) =>
  apiRequest<ModuleDetail>(
    "GET",
    version === null ? modulePath(key) : `${modulePath(key)}?version=${version}`,
  );

/** One module in both languages with its versions: the version in use, or `version` when given. */
export const moduleQuery = (key: string, version: number | null = null) =>
  queryOptions({ queryKey: curriculumKeys.module(key, version), queryFn: () => getModule(key, version) });

export const useModule = (key: string, version: number | null = null, enabled = true) =>
  useQuery({ ...moduleQuery(key, version), enabled });

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ModuleDetail } from "../../../../core/curriculum/curriculum-api.schema";
import type { CurriculumModule } from "../../../../core/curriculum/module.schema";
import { apiRequest } from "../../../app/api-client";
import { modulePath } from "./get-module";
import { curriculumKeys } from "./get-modules";

/** A new module (baseVersion null) or a new version of one, from the version the editor opened. */
export interface SaveModuleRequest {
  baseVersion: number | null;
  module: CurriculumModule;
}

/**
 * Save the module. The server answers 409 CURRICULUM_EDIT_CONFLICT naming who saved a newer version,
 * CURRICULUM_MODULE_EXISTS when a new module's key is taken, and field errors under `module.…`.
 */
export const saveModule = ({ baseVersion, module }: SaveModuleRequest) =>
  baseVersion === null
    ? apiRequest<ModuleDetail>("POST", "/api/v1/curriculum/modules", { module })
    : apiRequest<ModuleDetail>("PUT", modulePath(module.key), { baseVersion, module });

export function useSaveModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveModule,
    onSuccess: (saved) => {
      queryClient.setQueryData(curriculumKeys.module(saved.key, null), saved);
      void queryClient.invalidateQueries({ queryKey: curriculumKeys.all });
    },
  });
}

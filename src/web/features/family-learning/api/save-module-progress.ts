import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  FamilyLearning,
  FamilyModuleKey,
  ModuleProgress,
  ModuleProgressInput,
} from "../../../../core/family-learning/family-learning.schema";
import { apiRequest } from "../../../app/api-client";
import { familyLearningKey } from "./family-learning-keys";

export const saveModuleProgress = (moduleKey: FamilyModuleKey, input: ModuleProgressInput) =>
  apiRequest<ModuleProgress>("PUT", `/api/v1/family/learning/${moduleKey}`, input);

/** Save a module's exercise answer and done-ness; the answer replaces that module in the cached list. */
export function useSaveModuleProgress(moduleKey: FamilyModuleKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ModuleProgressInput) => saveModuleProgress(moduleKey, input),
    onSuccess: (saved) => {
      queryClient.setQueryData<FamilyLearning>(familyLearningKey, (list) => {
        if (!list) return list;
        const modules = list.modules.map((m) => (m.moduleKey === saved.moduleKey ? saved : m));
        return { ...list, modules, completedCount: modules.filter((m) => m.completed).length };
      });
    },
  });
}

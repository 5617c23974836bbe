import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ModuleDetail } from "../../../../core/curriculum/curriculum-api.schema";
import { apiRequest } from "../../../app/api-client";
import { modulePath } from "./get-module";
import { curriculumKeys } from "./get-modules";

export const archiveModule = ({ key, archived }: { key: string; archived: boolean }) =>
  apiRequest<ModuleDetail>("POST", `${modulePath(key)}/${archived ? "archive" : "unarchive"}`);

/** Archive a module (out of the library and of planning) or bring it back. */
export function useArchiveModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveModule,
    onSuccess: (saved) => {
      queryClient.setQueryData(curriculumKeys.module(saved.key, null), saved);
      void queryClient.invalidateQueries({ queryKey: curriculumKeys.all });
    },
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  ReliableChangeSettings,
  ReliableChangeSettingsView,
} from "../../../../core/assessments/reliable-change-settings.schema";
import { apiRequest } from "../../../app/api-client";
import { reliableChangeSettingsQuery } from "./get-reliable-change-settings";

export const updateReliableChangeSettings = (settings: ReliableChangeSettings) =>
  apiRequest<ReliableChangeSettingsView>("PUT", "/api/v1/assessments/reliable-change", settings);

/** Save the settings; progress (reliable change, off track) is computed with them, so it loads again. */
export function useUpdateReliableChangeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReliableChangeSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(reliableChangeSettingsQuery.queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ["assessments", "progress"] });
    },
  });
}

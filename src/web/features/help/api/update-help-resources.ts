import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { HelpResources } from "../../../../core/help-resources/help-resources.schema";
import { apiRequest } from "../../../app/api-client";
import { helpResourcesQuery } from "./get-help-resources";

export const updateHelpResources = (value: HelpResources) =>
  apiRequest<HelpResources>("PUT", "/api/v1/help-resources", value);

/** Replace the local resources on the Help page. */
export function useUpdateHelpResources() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateHelpResources,
    onSuccess: (saved) => queryClient.setQueryData(helpResourcesQuery().queryKey, saved),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";

export const acknowledgeAlert = (id: string) =>
  apiRequest<void>("POST", `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`);

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "alerts"] }),
  });
}

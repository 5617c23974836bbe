import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Alert } from "../../../../core/alerts/alerts.schema";
import { apiRequest } from "../../../app/api-client";

export const acknowledgeAlert = (id: string) =>
  apiRequest<Alert>("POST", `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`);

export const resolveAlert = ({ id, note }: { id: string; note: string }) =>
  apiRequest<Alert>("POST", `/api/v1/alerts/${encodeURIComponent(id)}/resolve`, { note });

/**
 * After a change: the alert as the server now has it, and fresh lists, counts and access alerts. After
 * a refusal too: someone else may have acknowledged or resolved it meanwhile.
 */
function useRefresh() {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (alert: Alert) => {
      queryClient.setQueryData(["alerts", "one", alert.id], alert);
      await queryClient.invalidateQueries({ queryKey: ["alerts"] });
      await queryClient.invalidateQueries({ queryKey: ["admin", "alerts"] });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  };
}

export function useAcknowledgeAlert() {
  return useMutation({ mutationFn: acknowledgeAlert, ...useRefresh() });
}

export function useResolveAlert() {
  return useMutation({ mutationFn: resolveAlert, ...useRefresh() });
}

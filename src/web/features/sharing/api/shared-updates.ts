import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SharedUpdate } from "../../../../core/sharing/sharing.schema";
import { apiRequest } from "../../../app/api-client";
import { mySharingQuery } from "./get-my-sharing";

export const postSharedUpdate = (body: string) =>
  apiRequest<SharedUpdate>("POST", "/api/v1/me/sharing/updates", { body });
export const deleteSharedUpdate = (updateId: string) =>
  apiRequest<null>("DELETE", `/api/v1/me/sharing/updates/${encodeURIComponent(updateId)}`);
export const restoreSharedUpdate = (updateId: string) =>
  apiRequest<null>("POST", `/api/v1/me/sharing/updates/${encodeURIComponent(updateId)}/restore`);

function useReload() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mySharingQuery().queryKey });
}

export const usePostSharedUpdate = () =>
  useMutation({ mutationFn: postSharedUpdate, onSuccess: useReload() });
export const useDeleteSharedUpdate = () =>
  useMutation({ mutationFn: deleteSharedUpdate, onSuccess: useReload() });
export const useRestoreSharedUpdate = () =>
  useMutation({ mutationFn: restoreSharedUpdate, onSuccess: useReload() });

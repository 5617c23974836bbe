import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  NewThreadInput,
  SendMessageInput,
  ThreadDetail,
  ThreadList,
} from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";

/** The alumnus's conversations with the alumni coordinator (list, one thread, start, reply). */
export const myAlumniThreadsQuery = () =>
  queryOptions({
    queryKey: ["me", "alumni", "messages"],
    queryFn: () => apiRequest<ThreadList>("GET", "/api/v1/me/alumni/messages"),
  });
export const useMyAlumniThreads = () => useQuery(myAlumniThreadsQuery());

export const myAlumniThreadQuery = (threadId: string) =>
  queryOptions({
    queryKey: ["me", "alumni", "messages", threadId],
    queryFn: () => apiRequest<ThreadDetail>("GET", `/api/v1/me/alumni/messages/${threadId}`),
  });
export const useMyAlumniThread = (threadId: string) => useQuery(myAlumniThreadQuery(threadId));

export function useStartAlumniThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewThreadInput) =>
      apiRequest<ThreadDetail>("POST", "/api/v1/me/alumni/messages", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "alumni"] }),
  });
}

export function useReplyAlumniThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) =>
      apiRequest<ThreadDetail>("POST", `/api/v1/me/alumni/messages/${threadId}`, input),
    onSuccess: (detail) => queryClient.setQueryData(myAlumniThreadQuery(threadId).queryKey, detail),
  });
}

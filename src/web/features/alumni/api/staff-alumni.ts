import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AlumniEvent,
  AlumniEventInput,
  AlumniMembership,
  alumniEventListSchema,
  alumniRosterSchema,
} from "../../../../core/alumni/alumni.schema";
import type { SendMessageInput, ThreadDetail, ThreadList } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";

/** The staff alumni page's calls: events, roster, the coordinator inbox (each by site). */
type EventList = z.infer<typeof alumniEventListSchema>;
type Roster = z.infer<typeof alumniRosterSchema>;

export const alumniEventsQuery = (siteId: string) =>
  queryOptions({
    queryKey: ["alumni", siteId, "events"],
    queryFn: () => apiRequest<EventList>("GET", `/api/v1/alumni-events?siteId=${siteId}&includePast=true`),
  });
export const useAlumniEvents = (siteId: string) =>
  useQuery({ ...alumniEventsQuery(siteId), enabled: !!siteId });

export const alumniRosterQuery = (siteId: string) =>
  queryOptions({
    queryKey: ["alumni", siteId, "roster"],
    queryFn: () => apiRequest<Roster>("GET", `/api/v1/alumni?siteId=${siteId}`),
  });
export const useAlumniRoster = (siteId: string) =>
  useQuery({ ...alumniRosterQuery(siteId), enabled: !!siteId });

export const alumniInboxQuery = (siteId: string) =>
  queryOptions({
    queryKey: ["alumni", siteId, "inbox"],
    queryFn: () => apiRequest<ThreadList>("GET", `/api/v1/alumni-messages?siteId=${siteId}`),
  });
export const useAlumniInbox = (siteId: string) =>
  useQuery({ ...alumniInboxQuery(siteId), enabled: !!siteId });

export const useAlumniThread = (threadId: string | null) =>
  useQuery({
    queryKey: ["alumni", "thread", threadId],
    queryFn: () => apiRequest<ThreadDetail>("GET", `/api/v1/alumni-messages/${threadId}`),
    enabled: !!threadId,
  });

export function useSaveAlumniEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: AlumniEventInput }) =>
      id
        ? apiRequest<AlumniEvent>("PUT", `/api/v1/alumni-events/${id}`, input)
        : apiRequest<AlumniEvent>("POST", "/api/v1/alumni-events", input),
    onSuccess: (event) => queryClient.invalidateQueries({ queryKey: ["alumni", event.siteId, "events"] }),
  });
}

export function useCancelAlumniEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (eventId: string) =>
      apiRequest<AlumniEvent>("POST", `/api/v1/alumni-events/${eventId}/cancel`),
    onSuccess: (event) => queryClient.invalidateQueries({ queryKey: ["alumni", event.siteId, "events"] }),
  });
}

export function useStaffOptOut(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ participantId, alsoFollowUps }: { participantId: string; alsoFollowUps: boolean }) =>
      apiRequest<AlumniMembership>("POST", `/api/v1/alumni/${participantId}/opt-out`, { alsoFollowUps }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alumni", siteId, "roster"] }),
  });
}

export function useStaffAlumniReply(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) =>
      apiRequest<ThreadDetail>("POST", `/api/v1/alumni-messages/${threadId}`, input),
    onSuccess: (detail) => queryClient.setQueryData(["alumni", "thread", threadId], detail),
  });
}

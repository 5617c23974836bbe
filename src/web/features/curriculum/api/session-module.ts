import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OccurrenceModule } from "../../../../core/curriculum/curriculum-api.schema";
import { apiRequest } from "../../../app/api-client";

const sessionModulePath = (trackId: string, occurrenceKey: string) =>
  `/api/v1/tracks/${encodeURIComponent(trackId)}/occurrences/${encodeURIComponent(occurrenceKey).replace(/%3A/gi, ":")}/module`;

export const getSessionModule = (trackId: string, occurrenceKey: string) =>
  apiRequest<OccurrenceModule>("GET", sessionModulePath(trackId, occurrenceKey));

/** The module a track's session is planned with (planned: null when none). */
export const sessionModuleQuery = (trackId: string, occurrenceKey: string) =>
  queryOptions({
    queryKey: ["curriculum", "session", trackId, occurrenceKey],
    queryFn: () => getSessionModule(trackId, occurrenceKey),
  });

export const useSessionModule = (trackId: string, occurrenceKey: string) =>
  useQuery(sessionModuleQuery(trackId, occurrenceKey));

/** Plan the session with a module, or clear it (null). */
export function usePlanSessionModule(trackId: string, occurrenceKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (moduleKey: string | null) =>
      apiRequest<OccurrenceModule>("PUT", sessionModulePath(trackId, occurrenceKey), { moduleKey }),
    onSuccess: (saved) =>
      queryClient.setQueryData(sessionModuleQuery(trackId, occurrenceKey).queryKey, saved),
  });
}

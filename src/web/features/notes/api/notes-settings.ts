import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotesSettings } from "../../../../core/notes/notes-settings.schema";
import { apiRequest } from "../../../app/api-client";

export const getNotesSettings = () => apiRequest<NotesSettings>("GET", "/api/v1/settings/notes");

export const notesSettingsQuery = queryOptions({
  queryKey: ["notes", "settings"],
  queryFn: getNotesSettings,
});

export const useNotesSettings = () => useQuery(notesSettingsQuery);

export const updateNotesSettings = (settings: NotesSettings) =>
  apiRequest<NotesSettings>("PUT", "/api/v1/settings/notes", settings);

export function useUpdateNotesSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotesSettings,
    onSuccess: (saved) => queryClient.setQueryData(notesSettingsQuery.queryKey, saved),
  });
}

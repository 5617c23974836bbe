import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AddendumView, addendumSignSchema } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { groupNoteKeys } from "./group-note-get";

export type AddendumSignInput = z.infer<typeof addendumSignSchema>;

/** Add a signed addendum to a signed note (the reason, the text, the part it concerns, re-authentication). */
export const addNoteAddendum = (noteId: string, addendum: AddendumSignInput) =>
  apiRequest<AddendumView>("POST", `/api/v1/clinical-notes/${encodeURIComponent(noteId)}/addenda`, addendum);

/** Add an addendum from the group-note screen; the screen is read again to list it. */
export function useAddGroupNoteAddendum(trackId: string, occurrenceKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, addendum }: { noteId: string; addendum: AddendumSignInput }) =>
      addNoteAddendum(noteId, addendum),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: groupNoteKeys.screen(trackId, occurrenceKey) }),
  });
}

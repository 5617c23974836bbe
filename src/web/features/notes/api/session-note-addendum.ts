import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AddendumView, addendumSignSchema } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { sessionNoteQuery } from "./session-note-get";

export type AddendumSignInput = z.infer<typeof addendumSignSchema>;

export const addSessionNoteAddendum = (noteId: string, addendum: AddendumSignInput) =>
  apiRequest<AddendumView>("POST", `/api/v1/clinical-notes/${encodeURIComponent(noteId)}/addenda`, addendum);

/** Add a signed addendum (reason, text, re-authentication) to a signed note; the note is read again. */
export function useAddSessionNoteAddendum(noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (addendum: AddendumSignInput) => addSessionNoteAddendum(noteId, addendum),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionNoteQuery(noteId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["notes"], refetchType: "none" });
    },
  });
}

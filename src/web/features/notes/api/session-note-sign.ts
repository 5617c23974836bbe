import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NoteSignInput } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { type SessionNoteView, sessionNotePath, sessionNoteQuery } from "./session-note-get";

export const signSessionNote = (noteId: string, signature: NoteSignInput) =>
  apiRequest<SessionNoteView>("POST", `${sessionNotePath(noteId)}/sign`, signature);

/**
 * Sign a note, re-entering the password or an authenticator code (and naming the supervisor when the
 * author's account needs a co-signature). 422 NOTE_INCOMPLETE names each missing part as a field.
 */
export function useSignSessionNote(noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signature: NoteSignInput) => signSessionNote(noteId, signature),
    onSuccess: async (note) => {
      queryClient.setQueryData(sessionNoteQuery(noteId).queryKey, note);
      await queryClient.invalidateQueries({ queryKey: ["notes"], refetchType: "none" });
    },
  });
}

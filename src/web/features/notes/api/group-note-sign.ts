import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NoteSignInput } from "../../../../core/notes/note.schema";
import type { GroupNoteScreen } from "../../../../core/notes/notes-api.schema";
import { apiRequest } from "../../../app/api-client";
import { groupNoteIdPath, groupNoteKeys } from "./group-note-get";

/**
 * Sign a group note with the revision read and the password or a code. The server answers the screen
 * as signed; it refuses with 422 NOTE_INCOMPLETE naming each missing part, or 409
 * NOTE_COSIGNER_REQUIRED when the signer's account needs a supervisor.
 */
export const signGroupNote = (noteId: string, signature: NoteSignInput) =>
  apiRequest<GroupNoteScreen>("POST", `${groupNoteIdPath(noteId)}/sign`, signature);

export function useSignGroupNote(trackId: string, occurrenceKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, signature }: { noteId: string; signature: NoteSignInput }) =>
      signGroupNote(noteId, signature),
    onSuccess: (screen) => queryClient.setQueryData(groupNoteKeys.screen(trackId, occurrenceKey), screen),
  });
}

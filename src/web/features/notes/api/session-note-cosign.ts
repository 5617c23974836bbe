import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { NoteStatus, reauthSchema } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { sessionNoteQuery } from "./session-note-get";

type Reauth = z.infer<typeof reauthSchema>;

/**
 * Co-sign a supervisee's note as the supervisor it names (password or authenticator code); the note
 * is read again, and the lists that show it are refreshed when next opened.
 */
export function useCosignSessionNote(noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proof: Reauth) =>
      apiRequest<{ status: NoteStatus; cosignedAt: string | null }>(
        "POST",
        `/api/v1/clinical-notes/${encodeURIComponent(noteId)}/cosign`,
        proof,
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionNoteQuery(noteId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["notes"], refetchType: "none" });
    },
  });
}

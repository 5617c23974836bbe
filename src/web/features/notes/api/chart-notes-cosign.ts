import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { NoteStatus, reauthSchema } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { chartNotesKeys } from "./chart-notes-list";

export type Reauth = z.infer<typeof reauthSchema>;

export const cosignNote = (noteId: string, proof: Reauth) =>
  apiRequest<{ status: NoteStatus; cosignedAt: string | null }>(
    "POST",
    `/api/v1/clinical-notes/${encodeURIComponent(noteId)}/cosign`,
    proof,
  );

/** Co-sign a note as the supervisor it names; the chart's list and the note are read again. */
export function useCosignNote(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, proof }: { noteId: string; proof: Reauth }) => cosignNote(noteId, proof),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chartNotesKeys.all(participantId) }),
  });
}

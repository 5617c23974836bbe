import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cosignNote, type Reauth } from "./chart-notes-cosign";
import { noteWorklistKeys } from "./worklist-get";

/**
 * Co-sign from the worklist (the request itself is `cosignNote`, shared with the chart): the worklist
 * is read again, and any chart showing the note.
 */
export function useCosignFromWorklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, proof }: { noteId: string; proof: Reauth }) => cosignNote(noteId, proof),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: noteWorklistKeys.all }),
        queryClient.invalidateQueries({ queryKey: ["chart-notes"] }),
      ]),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AddendumView, addendumSignSchema } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { chartNotesKeys } from "./chart-notes-list";

export type AddendumSignInput = z.infer<typeof addendumSignSchema>;

export const addAddendum = (noteId: string, input: AddendumSignInput) =>
  apiRequest<AddendumView>("POST", `/api/v1/clinical-notes/${encodeURIComponent(noteId)}/addenda`, input);

/** Sign an addendum onto a note; the chart's list (addenda counts) and the note are read again. */
export function useAddAddendum(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, input }: { noteId: string; input: AddendumSignInput }) =>
      addAddendum(noteId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chartNotesKeys.all(participantId) }),
  });
}

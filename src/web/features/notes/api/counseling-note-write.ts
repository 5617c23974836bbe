import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CounselingNoteAddendumInput,
  CounselingNoteCreateInput,
  CounselingNoteSaveInput,
  CounselingNoteSignInput,
  CounselingNoteView,
} from "../../../../core/notes/counseling-note-api.schema";
import { apiRequest } from "../../../app/api-client";
import { counselingNotePath, counselingNoteQuery, counselingNotesPath } from "./counseling-note-get";

/** Start a counseling note (a draft) for a participant. */
export function useCreateCounselingNote(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CounselingNoteCreateInput) =>
      apiRequest<CounselingNoteView>("POST", counselingNotesPath(participantId), input),
    onSuccess: async (note) => {
      queryClient.setQueryData(counselingNoteQuery(note.id).queryKey, note);
      await queryClient.invalidateQueries({ queryKey: ["counseling-notes", "list", participantId] });
    },
  });
}

/** Save a draft with the revision last read (the editor's autosave orders the saves). */
export const saveCounselingNote = (noteId: string, input: CounselingNoteSaveInput) =>
  apiRequest<CounselingNoteView>("PUT", counselingNotePath(noteId), input);

/** Sign with re-authentication; the note becomes immutable. */
export function useSignCounselingNote(noteId: string, participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CounselingNoteSignInput) =>
      apiRequest<CounselingNoteView>("POST", `${counselingNotePath(noteId)}/sign`, input),
    onSuccess: async (note) => {
      queryClient.setQueryData(counselingNoteQuery(noteId).queryKey, note);
      await queryClient.invalidateQueries({ queryKey: ["counseling-notes", "list", participantId] });
    },
  });
}

/** Add a signed addendum to a signed counseling note; the note is read again. */
export function useAddCounselingNoteAddendum(noteId: string, participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CounselingNoteAddendumInput) =>
      apiRequest<unknown>("POST", `${counselingNotePath(noteId)}/addenda`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: counselingNoteQuery(noteId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["counseling-notes", "list", participantId] });
    },
  });
}

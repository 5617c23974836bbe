import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { noteWorklistSchema } from "../../../../core/notes/notes-api.schema";
import { apiRequest } from "../../../app/api-client";

export type NoteWorklist = z.infer<typeof noteWorklistSchema>;
export type NoteWorklistScope = "mine" | "site";

/** Query keys of the notes worklist (both scopes), read again after a co-signature. */
export const noteWorklistKeys = {
  all: ["notes", "worklist"] as const,
  scope: (scope: NoteWorklistScope) => [...noteWorklistKeys.all, scope] as const,
};

export const getNoteWorklist = (scope: NoteWorklistScope) =>
  apiRequest<NoteWorklist>("GET", `/api/v1/notes/worklist?scope=${scope}`);

/** My unsigned notes (or my sites'), those awaiting my co-signature, and facilitated sessions without a note. */
export const noteWorklistQuery = (scope: NoteWorklistScope) =>
  queryOptions({
    queryKey: noteWorklistKeys.scope(scope),
    queryFn: () => getNoteWorklist(scope),
    placeholderData: keepPreviousData,
  });

export const useNoteWorklist = (scope: NoteWorklistScope) => useQuery(noteWorklistQuery(scope));

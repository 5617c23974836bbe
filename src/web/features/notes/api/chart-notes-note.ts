import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ChartNote } from "../../../../core/notes/notes-api.schema";
import { apiRequest } from "../../../app/api-client";
import { chartNotesKeys, chartNotesPath } from "./chart-notes-list";

export const getChartNote = (participantId: string, noteId: string) =>
  apiRequest<ChartNote>("GET", `${chartNotesPath(participantId)}/${encodeURIComponent(noteId)}`);

/** One note as it reads in this participant's chart (a group note: the shared part and their own entry). */
export const chartNoteQuery = (participantId: string, noteId: string) =>
  queryOptions({
    queryKey: chartNotesKeys.note(participantId, noteId),
    queryFn: () => getChartNote(participantId, noteId),
  });

export const useChartNote = (participantId: string, noteId: string) =>
  useQuery(chartNoteQuery(participantId, noteId));

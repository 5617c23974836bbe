import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { NoteKind } from "../../../../core/notes/note.schema";
import type { chartNotesPageSchema } from "../../../../core/notes/notes-api.schema";
import { apiRequest } from "../../../app/api-client";

export type ChartNotesPage = z.infer<typeof chartNotesPageSchema>;

export interface ChartNotesQuery {
  page: number;
  pageSize: number;
  /** Every kind when null. */
  kind: NoteKind | null;
}

/** Query keys of the chart's notes: the list pages and each note, under one participant. */
export const chartNotesKeys = {
  all: (participantId: string) => ["chart-notes", participantId] as const,
  list: (participantId: string, query: ChartNotesQuery) =>
    [...chartNotesKeys.all(participantId), "list", query] as const,
  note: (participantId: string, noteId: string) =>
    [...chartNotesKeys.all(participantId), "note", noteId] as const,
};

export const chartNotesPath = (participantId: string) =>
  `/api/v1/participants/${encodeURIComponent(participantId)}/notes`;

export function getChartNotes(participantId: string, query: ChartNotesQuery): Promise<ChartNotesPage> {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.kind) params.set("kind", query.kind);
  return apiRequest<ChartNotesPage>("GET", `${chartNotesPath(participantId)}?${params}`);
}

/** One page of the participant's signed notes (and those awaiting co-signature), newest first. */
export const chartNotesQuery = (participantId: string, query: ChartNotesQuery) =>
  queryOptions({
    queryKey: chartNotesKeys.list(participantId, query),
    queryFn: () => getChartNotes(participantId, query),
    placeholderData: keepPreviousData,
  });

export const useChartNotes = (participantId: string, query: ChartNotesQuery) =>
  useQuery(chartNotesQuery(participantId, query));

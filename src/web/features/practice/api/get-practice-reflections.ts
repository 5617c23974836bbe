import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PracticeReflections } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";

export const practiceReflectionsPath = (trackId: string, occurrenceKey: string) =>
  `/api/v1/tracks/${encodeURIComponent(trackId)}/occurrences/${encodeURIComponent(occurrenceKey).replace(/%3A/gi, ":")}/practice`;

export const getPracticeReflections = (trackId: string, occurrenceKey: string) =>
  apiRequest<PracticeReflections>("GET", practiceReflectionsPath(trackId, occurrenceKey));

/** A session's roster with their reflections on the practice of the group's session before it. */
export const practiceReflectionsQuery = (trackId: string, occurrenceKey: string) =>
  queryOptions({
    queryKey: ["practice", "reflections", trackId, occurrenceKey],
    queryFn: () => getPracticeReflections(trackId, occurrenceKey),
  });

export const usePracticeReflections = (trackId: string, occurrenceKey: string) =>
  useQuery(practiceReflectionsQuery(trackId, occurrenceKey));

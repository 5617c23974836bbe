import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { DueList, DueListQuery } from "../../../../core/assessments/measurement-schedule.schema";
import { apiRequest } from "../../../app/api-client";
import { paramsFromDueQuery } from "../due-params";

/** Questionnaires owed now by the participants I may see (the staff worklist). */
export const getDueMeasures = (query: DueListQuery) => {
  const params = paramsFromDueQuery(query).toString();
  return apiRequest<DueList>("GET", `/api/v1/assessments/due${params ? `?${params}` : ""}`);
};

export const dueMeasuresQuery = (query: DueListQuery) =>
  queryOptions({ queryKey: ["assessments", "due", query], queryFn: () => getDueMeasures(query) });

/** The worklist page; the previous page stays on screen while the next one loads. */
export const useDueMeasures = (query: DueListQuery) =>
  useQuery({ ...dueMeasuresQuery(query), placeholderData: keepPreviousData });

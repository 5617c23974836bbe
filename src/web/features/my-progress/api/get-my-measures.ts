import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MyMeasures } from "../../../../core/assessments/my-measures.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyMeasures = () => apiRequest<MyMeasures>("GET", "/api/v1/me/measures");

/** The signed-in participant's own questionnaire totals over time (no bands or flags). */
export const myMeasuresQuery = () =>
  queryOptions({ queryKey: ["assessments", "me", "measures"], queryFn: getMyMeasures });

export const useMyMeasures = () => useQuery(myMeasuresQuery());

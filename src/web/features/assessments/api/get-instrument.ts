import { queryOptions, useQuery } from "@tanstack/react-query";
import type { InstrumentSummary } from "../../../../core/assessments/assessments.schema";
import { type Questionnaire, questionnaireSchema } from "../../../../core/assessments/questionnaire";
import { apiRequest } from "../../../app/api-client";

export interface InstrumentDetail {
  instrument: InstrumentSummary;
  questionnaire: Questionnaire;
}

/** One questionnaire as FHIR JSON, checked against the shape the form reads before it is rendered. */
export async function getInstrument(key: string): Promise<InstrumentDetail> {
  const body = await apiRequest<{ instrument: InstrumentSummary; questionnaire: unknown }>(
    "GET",
    `/api/v1/instruments/${encodeURIComponent(key)}`,
  );
  return { instrument: body.instrument, questionnaire: questionnaireSchema.parse(body.questionnaire) };
}

export const instrumentQuery = (key: string) =>
  queryOptions({
    queryKey: ["assessments", "instrument", key],
    queryFn: () => getInstrument(key),
    staleTime: 10 * 60_000,
  });

/** Pass null to wait (nothing chosen yet). */
export const useInstrument = (key: string | null) =>
  useQuery({ ...instrumentQuery(key ?? ""), enabled: key !== null });

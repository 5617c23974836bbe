import { queryOptions, useQuery } from "@tanstack/react-query";
import type { InstrumentSummary } from "../../../../core/assessments/assessments.schema";
import { apiRequest } from "../../../app/api-client";

/** The questionnaires this program uses: titles (en, es), range, bands and which way is better. */
export const getInstruments = () =>
  apiRequest<{ instruments: InstrumentSummary[] }>("GET", "/api/v1/instruments");

export const instrumentsQuery = queryOptions({
  queryKey: ["assessments", "instruments"],
  queryFn: getInstruments,
  staleTime: 10 * 60_000,
  select: (data) => data.instruments,
});

export const useInstruments = () => useQuery(instrumentsQuery);

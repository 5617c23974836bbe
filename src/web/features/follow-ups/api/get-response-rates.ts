import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { ResponseRates } from "../../../../core/follow-ups/follow-up-api.schema";
import { apiRequest } from "../../../app/api-client";

export interface ResponseRatesFilter {
  from: string | null;
  to: string | null;
}

export const getResponseRates = (filter: ResponseRatesFilter) => {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  const query = params.toString();
  return apiRequest<ResponseRates>("GET", `/api/v1/follow-ups/response-rates${query ? `?${query}` : ""}`);
};

export const responseRatesQuery = (filter: ResponseRatesFilter) =>
  queryOptions({
    queryKey: ["follow-ups", "response-rates", filter.from, filter.to],
    queryFn: () => getResponseRates(filter),
    placeholderData: keepPreviousData,
  });

export const useResponseRates = (filter: ResponseRatesFilter) => useQuery(responseRatesQuery(filter));

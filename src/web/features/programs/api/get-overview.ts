import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ProgramOverview } from "../../../../core/programs/overview.schema";
import { apiRequest } from "../../../app/api-client";

export const overviewQuery = queryOptions({
  queryKey: ["programs", "overview"],
  queryFn: () => apiRequest<ProgramOverview>("GET", "/api/v1/overview"),
});

export const useOverview = () => useQuery(overviewQuery);

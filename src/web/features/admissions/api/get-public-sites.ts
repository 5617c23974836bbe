import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { publicSitesSchema } from "../../../../core/admissions/inquiries.schema";
import { apiRequest } from "../../../app/api-client";

export type PublicSites = z.infer<typeof publicSitesSchema>;

/** The program's locations, for people who are not signed in. */
export const publicSitesQuery = queryOptions({
  queryKey: ["public-sites"],
  queryFn: () => apiRequest<PublicSites>("GET", "/api/v1/public/sites"),
  staleTime: 5 * 60_000,
});

export const usePublicSites = () => useQuery(publicSitesQuery);

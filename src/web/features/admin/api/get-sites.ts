import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { siteListSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type SiteList = z.infer<typeof siteListSchema>;
export type Site = SiteList["sites"][number];

/** All sites for those with sites.manage; otherwise the staff member's own. */
export const getSites = () => apiRequest<SiteList>("GET", "/api/v1/sites");

export const sitesQuery = queryOptions({ queryKey: ["admin", "sites"], queryFn: getSites });

export const useSites = () => useQuery(sitesQuery);

import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";

/** GET /sites/:id/staff (no response schema in src/core yet; shape from the API contract). */
export interface SiteStaffList {
  staff: { id: string; displayName: string; roles: string[] }[];
}

/** Staff at a site, for care-team pickers. */
export const getSiteStaff = (siteId: string) =>
  apiRequest<SiteStaffList>("GET", `/api/v1/sites/${encodeURIComponent(siteId)}/staff`);

export const siteStaffQuery = (siteId: string) =>
  queryOptions({ queryKey: ["participants", "site-staff", siteId], queryFn: () => getSiteStaff(siteId) });

export const useSiteStaff = (siteId: string, enabled = true) =>
  useQuery({ ...siteStaffQuery(siteId), enabled });

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { siteStaffListSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

/** GET /sites/:id/staff. */
export type SiteStaffList = z.infer<typeof siteStaffListSchema>;

/** Staff at a site, for care-team pickers. */
export const getSiteStaff = (siteId: string) =>
  apiRequest<SiteStaffList>("GET", `/api/v1/sites/${encodeURIComponent(siteId)}/staff`);

export const siteStaffQuery = (siteId: string) =>
  queryOptions({ queryKey: ["participants", "site-staff", siteId], queryFn: () => getSiteStaff(siteId) });

export const useSiteStaff = (siteId: string, enabled = true) =>
  useQuery({ ...siteStaffQuery(siteId), enabled });

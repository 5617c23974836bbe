import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Permission } from "../../../../core/access/permissions";
import type { siteStaffListSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

/** GET /sites/:id/staff. */
export type SiteStaffList = z.infer<typeof siteStaffListSchema>;

/** Staff at a site, for care-team pickers; with `permission`, only those whose roles grant it. */
export const getSiteStaff = (siteId: string, permission?: Permission) =>
  apiRequest<SiteStaffList>(
    "GET",
    `/api/v1/sites/${encodeURIComponent(siteId)}/staff${permission ? `?permission=${permission}` : ""}`,
  );

export const siteStaffQuery = (siteId: string, permission?: Permission) =>
  queryOptions({
    queryKey: ["participants", "site-staff", siteId, permission ?? "all"],
    queryFn: () => getSiteStaff(siteId, permission),
  });

export const useSiteStaff = (siteId: string, enabled = true, permission?: Permission) =>
  useQuery({ ...siteStaffQuery(siteId, permission), enabled });

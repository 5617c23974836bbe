import { useQuery } from "@tanstack/react-query";
import type { AdminUser } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";
import { useSession } from "../../../app/require-session";
import { getSiteStaff } from "../../participants/api/get-site-staff";

export interface StaffOption {
  id: string;
  name: string;
}

/** Staff of a site from the user list (administrators): everyone not deactivated, invited included. */
async function staffFromUsers(siteId: string): Promise<StaffOption[]> {
  const params = new URLSearchParams({ kind: "staff", siteId, pageSize: "100" });
  const { users } = await apiRequest<{ users: AdminUser[] }>("GET", `/api/v1/users?${params}`);
  return users.filter((u) => u.status !== "deactivated").map((u) => ({ id: u.id, name: u.displayName }));
}

async function staffFromSite(siteId: string): Promise<StaffOption[]> {
  const { staff } = await getSiteStaff(siteId);
  return staff.map((s) => ({ id: s.id, name: s.displayName }));
}

/**
 * Who may run a track's sessions: the staff of its site, from whichever list the signed-in person may
 * read (the user list for administrators, the site's staff for those who manage care teams). Null
 * when they may read neither: the form then offers the current facilitators only.
 */
export function useFacilitatorOptions(siteId: string) {
  const { permissions } = useSession();
  const source = permissions.includes("users.manage")
    ? staffFromUsers
    : permissions.includes("care_team.manage")
      ? staffFromSite
      : null;
  return useQuery({
    queryKey: ["schedule", "facilitator-options", siteId, source ? source.name : "none"],
    queryFn: async () => {
      if (!source) return null;
      const options = await source(siteId);
      return options.sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

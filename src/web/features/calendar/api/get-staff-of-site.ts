import { useQuery } from "@tanstack/react-query";
import { getSiteStaff } from "../../participants/api/get-site-staff";

export interface StaffMember {
  id: string;
  name: string;
}

/** The active staff of a site, by name: whose calendar to show, who holds a session. */
export const useStaffOfSite = (siteId: string | undefined) =>
  useQuery({
    queryKey: ["calendar", "staff", siteId ?? ""],
    enabled: Boolean(siteId),
    queryFn: async (): Promise<StaffMember[]> => {
      const { staff } = await getSiteStaff(siteId!);
      return staff
        .map((s) => ({ id: s.id, name: s.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  });

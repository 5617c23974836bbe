import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Permission } from "../../../../core/access/permissions";
import type { CurrentSession } from "../../../../core/identity/session.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

/** What the signed-in staff member may do (empty when nobody is signed in). */
export async function getMyPermissions(): Promise<Permission[]> {
  try {
    const body = await apiRequest<{ session: CurrentSession | null }>("GET", "/api/v1/sessions/current");
    return body.session?.permissions ?? [];
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return [];
    throw error;
  }
}

export const myPermissionsQuery = queryOptions({
  queryKey: ["admin", "my-permissions"],
  queryFn: getMyPermissions,
  staleTime: 60_000,
});

export const useMyPermissions = () => useQuery(myPermissionsQuery);

/** True once the permissions have loaded and include `permission`. */
export function useHasPermission(permission: Permission): boolean {
  const permissions = useMyPermissions();
  return permissions.data?.includes(permission) ?? false;
}

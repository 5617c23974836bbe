import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { rolePermissionsSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type RolePermissions = z.infer<typeof rolePermissionsSchema>;

export const getRoles = () => apiRequest<RolePermissions>("GET", "/api/v1/roles");

export const rolesQuery = queryOptions({ queryKey: ["admin", "roles"], queryFn: getRoles });

export const useRoles = () => useQuery(rolesQuery);

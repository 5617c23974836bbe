import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { userListQuerySchema, userListSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";
import { toSearchParams } from "../search-params";

export type UserListQuery = Partial<z.infer<typeof userListQuerySchema>>;
export type UserList = z.infer<typeof userListSchema>;

export const getUsers = (query: UserListQuery) =>
  apiRequest<UserList>("GET", `/api/v1/users?${toSearchParams(query)}`);

export const usersQuery = (query: UserListQuery) =>
  queryOptions({
    queryKey: ["admin", "users", query],
    queryFn: () => getUsers(query),
    placeholderData: keepPreviousData,
  });

export const useUsers = (query: UserListQuery, options: { enabled?: boolean } = {}) =>
  useQuery({ ...usersQuery(query), enabled: options.enabled ?? true });

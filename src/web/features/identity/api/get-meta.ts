import { queryOptions, useQuery } from "@tanstack/react-query";
import type { UserKind } from "../../../../core/identity/identity.schema";
import { apiRequest } from "../../../app/api-client";

export interface Meta {
  product: string;
  version: string;
  demoMode: boolean;
  demoAccounts: { email: string; role: string; kind: UserKind }[];
  demoPassword: string | null;
}

export const metaQuery = queryOptions({
  queryKey: ["meta"],
  queryFn: () => apiRequest<Meta>("GET", "/api/v1/meta"),
  staleTime: Number.POSITIVE_INFINITY,
});

export const useMeta = () => useQuery(metaQuery);

import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { AuditPage } from "../../../../core/audit/audit.schema";
import { apiRequest } from "../../../app/api-client";
import { type AuditFilterValues, auditSearchParams } from "../audit-query";

export const getAuditEvents = (filters: AuditFilterValues, before?: number) =>
  apiRequest<AuditPage>("GET", `/api/v1/audit-events?${auditSearchParams(filters, before)}`);

/** Newest first; each "Older events" page continues before the last sequence number seen. */
export const auditEventsQuery = (filters: AuditFilterValues) =>
  infiniteQueryOptions({
    queryKey: ["admin", "audit-events", filters],
    queryFn: ({ pageParam }) => getAuditEvents(filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export const useAuditEvents = (filters: AuditFilterValues) => useInfiniteQuery(auditEventsQuery(filters));

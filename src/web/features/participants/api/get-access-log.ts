import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { AccessLogPage } from "../../../../core/audit/audit.schema";
import { apiRequest } from "../../../app/api-client";

export const getAccessLog = (participantId: string, before?: number) =>
  apiRequest<AccessLogPage>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/access-log${before ? `?before=${before}` : ""}`,
  );

/** "Who accessed this record", newest first, older pages on request. */
export const accessLogQuery = (participantId: string) =>
  infiniteQueryOptions({
    queryKey: ["participants", "access-log", participantId],
    queryFn: ({ pageParam }) => getAccessLog(participantId, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export const useAccessLog = (participantId: string) => useInfiniteQuery(accessLogQuery(participantId));

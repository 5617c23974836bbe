import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { DisclosureLogPage } from "../../../../core/disclosures/disclosure-api.schema";
import { apiRequest } from "../../../app/api-client";

const PAGE_SIZE = 30;

export const getMyDisclosures = (page: number) =>
  apiRequest<DisclosureLogPage>("GET", `/api/v1/me/disclosures?page=${page}&pageSize=${PAGE_SIZE}`);

/** "Who has seen my information": the participant's own log, newest first, older pages on request. */
export const myDisclosuresQuery = () =>
  infiniteQueryOptions({
    queryKey: ["me", "disclosures"],
    queryFn: ({ pageParam }) => getMyDisclosures(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });

export const useMyDisclosures = () => useInfiniteQuery(myDisclosuresQuery());

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { FollowUpLinkView } from "../../../../core/follow-ups/follow-up-api.schema";
import { apiRequest } from "../../../app/api-client";

/** What a follow-up link shows (the token goes in the body, never in an address). */
export const getFollowUpLink = (token: string) =>
  apiRequest<FollowUpLinkView>("POST", "/api/v1/follow-ups/link", { token });

export const followUpLinkQuery = (token: string) =>
  queryOptions({
    queryKey: ["follow-up-link", token],
    queryFn: () => getFollowUpLink(token),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const useFollowUpLink = (token: string, enabled: boolean) =>
  useQuery({ ...followUpLinkQuery(token), enabled });

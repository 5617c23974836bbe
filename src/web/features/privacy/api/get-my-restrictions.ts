import { queryOptions, useQuery } from "@tanstack/react-query";
import type { RestrictionList } from "../../../../core/privacy/restriction.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyRestrictions = () => apiRequest<RestrictionList>("GET", "/api/v1/me/restrictions");

/** The participant's own requests not to share, and where each stands. */
export const myRestrictionsQuery = () =>
  queryOptions({ queryKey: ["me", "restrictions"], queryFn: getMyRestrictions });

export const useMyRestrictions = () => useQuery(myRestrictionsQuery());

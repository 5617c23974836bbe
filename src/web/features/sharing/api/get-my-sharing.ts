import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MySharing } from "../../../../core/sharing/sharing.schema";
import { apiRequest } from "../../../app/api-client";

export const getMySharing = () => apiRequest<MySharing>("GET", "/api/v1/me/sharing");

/** The participant's people, do-not-disclose list and shared updates. */
export const mySharingQuery = () => queryOptions({ queryKey: ["me", "sharing"], queryFn: getMySharing });

export const useMySharing = () => useQuery(mySharingQuery());

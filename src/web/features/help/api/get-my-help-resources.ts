import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MyHelpResources } from "../../../../core/help-resources/help-resources.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyHelpResources = () => apiRequest<MyHelpResources>("GET", "/api/v1/me/help-resources");

/** The program's local resources and the participant's on-call line, for the Help page. */
export const myHelpResourcesQuery = () =>
  queryOptions({ queryKey: ["me", "help-resources"], queryFn: getMyHelpResources });

export const useMyHelpResources = () => useQuery(myHelpResourcesQuery());

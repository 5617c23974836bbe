import { queryOptions, useQuery } from "@tanstack/react-query";
import type { HelpResources } from "../../../../core/help-resources/help-resources.schema";
import { apiRequest } from "../../../app/api-client";

export const getHelpResources = () => apiRequest<HelpResources>("GET", "/api/v1/help-resources");

/** The program's local help resources, for the administrator's page. */
export const helpResourcesQuery = () =>
  queryOptions({ queryKey: ["settings", "help-resources"], queryFn: getHelpResources });

export const useHelpResources = () => useQuery(helpResourcesQuery());

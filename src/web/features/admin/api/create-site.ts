import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { siteInputSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";
import { type Site, sitesQuery } from "./get-sites";

export type SiteInput = z.input<typeof siteInputSchema>;

export const createSite = (input: SiteInput) => apiRequest<Site>("POST", "/api/v1/sites", input);

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSite,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesQuery.queryKey }),
  });
}

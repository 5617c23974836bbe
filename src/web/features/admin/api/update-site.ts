import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";
import type { SiteInput } from "./create-site";
import { type Site, sitesQuery } from "./get-sites";

export const updateSite = ({ id, input }: { id: string; input: SiteInput }) =>
  apiRequest<Site>("PATCH", `/api/v1/sites/${encodeURIComponent(id)}`, input);

export function useUpdateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSite,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesQuery.queryKey }),
  });
}

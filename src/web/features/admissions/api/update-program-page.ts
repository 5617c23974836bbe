import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ProgramPage, programPageInputSchema } from "../../../../core/admissions/program-page";
import { apiRequest } from "../../../app/api-client";
import { programPageQuery } from "./get-program-page";

export type ProgramPageInput = z.infer<typeof programPageInputSchema>;

export const updateProgramPage = ({ siteId, input }: { siteId: string; input: ProgramPageInput }) =>
  apiRequest<ProgramPage>("PUT", `/api/v1/program-pages/${encodeURIComponent(siteId)}`, input);

/** Save a site's public program page (staff with sites.manage); the answer is the page as now shown. */
export function useUpdateProgramPage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProgramPage,
    onSuccess: (page, { siteId }) => queryClient.setQueryData(programPageQuery(siteId).queryKey, page),
  });
}

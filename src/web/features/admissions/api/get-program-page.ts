import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ProgramPage } from "../../../../core/admissions/program-page";
import { ApiError, apiRequest } from "../../../app/api-client";

export const getProgramPage = (siteId: string) =>
  apiRequest<ProgramPage>("GET", `/api/v1/public/program-pages/${encodeURIComponent(siteId)}`);

/** A site's public program page, for anyone (no sign-in). */
export const programPageQuery = (siteId: string) =>
  queryOptions({
    queryKey: ["public-program-page", siteId],
    queryFn: () => getProgramPage(siteId),
    staleTime: 60_000,
    // A 404 is an answer (no such site), not a hiccup: do not ask again.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export const useProgramPage = (siteId: string) => useQuery(programPageQuery(siteId));

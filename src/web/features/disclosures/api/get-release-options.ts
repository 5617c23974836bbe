import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ReleaseOptionList } from "../../../../core/disclosures/release.schema";
import { apiRequest } from "../../../app/api-client";

export const getReleaseOptions = (participantId: string) =>
  apiRequest<ReleaseOptionList>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/releases/options`,
  );

/** The signed consents in force a release could go under, with their recipients and covered categories. */
export const releaseOptionsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "release-options"],
    queryFn: () => getReleaseOptions(participantId),
  });

export const useReleaseOptions = (participantId: string, enabled: boolean) =>
  useQuery({ ...releaseOptionsQuery(participantId), enabled });

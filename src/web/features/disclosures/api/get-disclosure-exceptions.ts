import { queryOptions, useQuery } from "@tanstack/react-query";
import type { DisclosureExceptionList } from "../../../../core/disclosures/disclosure-api.schema";
import { apiRequest } from "../../../app/api-client";

export const getDisclosureExceptions = (participantId: string) =>
  apiRequest<DisclosureExceptionList>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/disclosure-exceptions`,
  );

/** A participant's disclosures without consent: requests, decisions and records, newest first. */
export const disclosureExceptionsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "disclosure-exceptions"],
    queryFn: () => getDisclosureExceptions(participantId),
  });

export const useDisclosureExceptions = (participantId: string, enabled: boolean) =>
  useQuery({ ...disclosureExceptionsQuery(participantId), enabled });

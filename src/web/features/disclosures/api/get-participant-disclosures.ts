import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { DisclosureBasis } from "../../../../core/disclosures/disclosure.schema";
import type { DisclosureLogPage } from "../../../../core/disclosures/disclosure-api.schema";
import { apiRequest } from "../../../app/api-client";

export const DISCLOSURE_PAGE_SIZE = 20;

export const getParticipantDisclosures = (
  participantId: string,
  page: number,
  basis: DisclosureBasis | null,
) =>
  apiRequest<DisclosureLogPage>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/disclosures?page=${page}&pageSize=${DISCLOSURE_PAGE_SIZE}${basis ? `&basis=${basis}` : ""}`,
  );

/** One page of a participant's disclosure log for the chart, newest first. */
export const participantDisclosuresQuery = (
  participantId: string,
  page: number,
  basis: DisclosureBasis | null,
) =>
  queryOptions({
    queryKey: ["participants", participantId, "disclosures", { page, basis }],
    queryFn: () => getParticipantDisclosures(participantId, page, basis),
    placeholderData: keepPreviousData,
  });

export const useParticipantDisclosures = (
  participantId: string,
  page: number,
  basis: DisclosureBasis | null,
) => useQuery(participantDisclosuresQuery(participantId, page, basis));

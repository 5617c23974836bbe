import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { LeadListQuery, leadListSchema } from "../../../../core/admissions/leads.schema";
import { apiRequest } from "../../../app/api-client";
import { toSearchParams } from "../../admin/search-params";

export type LeadListInput = Partial<LeadListQuery>;
export type LeadList = z.infer<typeof leadListSchema>;
export type LeadSummary = LeadList["leads"][number];

/** Inquiries and referrals the staff member may see, filtered by stage, site, words, owner and overdue. */
export const getLeads = (query: LeadListInput) =>
  apiRequest<LeadList>("GET", `/api/v1/admissions/leads?${toSearchParams(query)}`);

export const leadsQuery = (query: LeadListInput) =>
  queryOptions({
    queryKey: ["intake", "leads", query],
    queryFn: () => getLeads(query),
    placeholderData: keepPreviousData,
  });

export const useLeads = (query: LeadListInput) => useQuery(leadsQuery(query));

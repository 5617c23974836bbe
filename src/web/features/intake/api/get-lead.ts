import { queryOptions, useQuery } from "@tanstack/react-query";
import type { LeadDetail } from "../../../../core/admissions/leads.schema";
import { apiRequest } from "../../../app/api-client";

/** One lead with its history and latest screening. */
export const getLead = (id: string) =>
  apiRequest<LeadDetail>("GET", `/api/v1/admissions/leads/${encodeURIComponent(id)}`);

export const leadQueryKey = (id: string) => ["intake", "lead", id] as const;

export const leadQuery = (id: string) =>
  queryOptions({ queryKey: leadQueryKey(id), queryFn: () => getLead(id) });

export const useLead = (id: string) => useQuery(leadQuery(id));

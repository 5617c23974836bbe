import { useQueryClient } from "@tanstack/react-query";
import type { LeadDetail } from "../../../../core/admissions/leads.schema";
import { leadQueryKey } from "./get-lead";

/** After a change to a lead: show the server's copy at once and refresh the pipeline. */
export function useLeadUpdated() {
  const queryClient = useQueryClient();
  return (lead: LeadDetail) => {
    queryClient.setQueryData(leadQueryKey(lead.id), lead);
    return queryClient.invalidateQueries({ queryKey: ["intake", "leads"] });
  };
}

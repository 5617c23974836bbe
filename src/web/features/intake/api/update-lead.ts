import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { LeadDetail, leadUpdateInputSchema } from "../../../../core/admissions/leads.schema";
import { apiRequest } from "../../../app/api-client";
import { useLeadUpdated } from "./lead-mutation";

export type LeadUpdateInput = z.input<typeof leadUpdateInputSchema>;

/** Owner, next action and its due date. */
export const updateLead = ({ id, ...input }: LeadUpdateInput & { id: string }) =>
  apiRequest<LeadDetail>("PATCH", `/api/v1/admissions/leads/${encodeURIComponent(id)}`, input);

export function useUpdateLead() {
  const updated = useLeadUpdated();
  return useMutation({ mutationFn: updateLead, onSuccess: updated });
}

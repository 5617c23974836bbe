import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LeadDetail, ReferralInput } from "../../../../core/admissions/leads.schema";
import { apiRequest } from "../../../app/api-client";

/** 201 with the new lead; 400 with field errors. */
export const recordReferral = (input: ReferralInput) =>
  apiRequest<LeadDetail>("POST", "/api/v1/admissions/referrals", input);

export function useRecordReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordReferral,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["intake", "leads"] }),
  });
}

import { useMutation } from "@tanstack/react-query";
import type { LeadDetail } from "../../../../core/admissions/leads.schema";
import type { ScreeningInput } from "../../../../core/admissions/screening.schema";
import { apiRequest } from "../../../app/api-client";
import { useLeadUpdated } from "./lead-mutation";

/** Only while screening is scheduled or the lead was screened; 400 with field errors. */
export const recordScreening = ({ id, ...input }: ScreeningInput & { id: string }) =>
  apiRequest<LeadDetail>("POST", `/api/v1/admissions/leads/${encodeURIComponent(id)}/screening`, input);

export function useRecordScreening() {
  const updated = useLeadUpdated();
  return useMutation({ mutationFn: recordScreening, onSuccess: updated });
}

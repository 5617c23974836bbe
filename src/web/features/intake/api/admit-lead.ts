import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AdmissionInput, admissionResultSchema } from "../../../../core/admissions/admission.schema";
import { apiRequest } from "../../../app/api-client";

export type AdmissionResult = z.infer<typeof admissionResultSchema>;

/** 201 with the new participant and episode; 409 ADMISSIONS_POSSIBLE_DUPLICATE until confirmed. */
export const admitLead = ({ id, ...input }: AdmissionInput & { id: string }) =>
  apiRequest<AdmissionResult>("POST", `/api/v1/admissions/leads/${encodeURIComponent(id)}/admission`, input);

export function useAdmitLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: admitLead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["intake"] }),
  });
}

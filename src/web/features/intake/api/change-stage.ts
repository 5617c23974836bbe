import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { LeadDetail, stageChangeInputSchema } from "../../../../core/admissions/leads.schema";
import { apiRequest } from "../../../app/api-client";
import { useLeadUpdated } from "./lead-mutation";

export type StageChangeInput = z.input<typeof stageChangeInputSchema>;

/** 409 when the move is not allowed from the current stage; 400 when a reason or destination is missing. */
export const changeStage = ({ id, ...input }: StageChangeInput & { id: string }) =>
  apiRequest<LeadDetail>("POST", `/api/v1/admissions/leads/${encodeURIComponent(id)}/stage`, input);

export function useChangeStage() {
  const updated = useLeadUpdated();
  return useMutation({ mutationFn: changeStage, onSuccess: updated });
}

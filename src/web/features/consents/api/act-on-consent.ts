import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  ConsentDetail,
  HoldInput,
  MateriallyFalseInput,
  RevocationInput,
  StaffSignatureInput,
} from "../../../../core/consents/consent-api.schema";
import { apiRequest } from "../../../app/api-client";
import { participantConsentsQuery } from "./get-participant-consents";

/** The chart's actions on one consent, each a POST under /consents/:id. */
export type ConsentAction =
  | { kind: "sign"; body: StaffSignatureInput }
  | { kind: "void" }
  | { kind: "revoke"; body: RevocationInput }
  | { kind: "hold"; body: HoldInput }
  | { kind: "release" }
  | { kind: "materially_false"; body: MateriallyFalseInput };

const PATHS: Record<ConsentAction["kind"], string> = {
  sign: "signatures",
  void: "void",
  revoke: "revocations",
  hold: "hold",
  release: "hold/release",
  materially_false: "materially-false",
};

export const actOnConsent = ({ consentId, action }: { consentId: string; action: ConsentAction }) =>
  apiRequest<ConsentDetail>(
    "POST",
    `/api/v1/consents/${encodeURIComponent(consentId)}/${PATHS[action.kind]}`,
    "body" in action ? action.body : undefined,
  );

export function useActOnConsent(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnConsent,
    onSuccess: async (_data, { consentId }) => {
      await queryClient.invalidateQueries({ queryKey: participantConsentsQuery(participantId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["consents", consentId] });
    },
  });
}

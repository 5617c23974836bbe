import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SendHandoffInput } from "../../../../core/handoffs/handoff.schema";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../../../core/platform/http";
import { ApiError, noteApiRequest, toApiError } from "../../../app/api-client";
import { saveDownload } from "../../disclosures/api/release-record";

/** The packet (PDF or FHIR bundle) and the name the server gave it. */
export interface SentPacket {
  blob: Blob;
  filename: string;
}

/** POST the handoff: the answer is the packet as a download (or a JSON error naming why not). */
export async function sendHandoff(participantId: string, input: SendHandoffInput): Promise<SentPacket> {
  noteApiRequest(Date.now());
  let response: Response;
  try {
    response = await fetch(`/api/v1/participants/${encodeURIComponent(participantId)}/handoffs`, {
      method: "POST",
      headers: {
        accept: input.channel === "fhir" ? "application/fhir+json" : "application/pdf",
        "content-type": "application/json",
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
      },
      credentials: "same-origin",
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "Bridgeway could not be reached. Check your connection.");
  }
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, response.statusText, data);
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const fallback = input.channel === "fhir" ? "referral.json" : "referral.pdf";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
  return { blob: await response.blob(), filename };
}

/** Send the packet; the history and the disclosure log reload to show it. */
export function useSendHandoff(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendHandoffInput) => sendHandoff(participantId, input),
    onSuccess: async (packet) => {
      saveDownload(packet);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["participants", participantId, "handoffs"] }),
        queryClient.invalidateQueries({ queryKey: ["participants", participantId, "disclosures"] }),
      ]);
    },
  });
}

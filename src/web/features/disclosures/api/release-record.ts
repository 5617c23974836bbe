import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReleaseInput } from "../../../../core/disclosures/release.schema";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../../../core/platform/http";
import { ApiError, noteApiRequest, toApiError } from "../../../app/api-client";

/** The release PDF and the name the server gave it. */
export interface ReleasedPdf {
  blob: Blob;
  filename: string;
}

/** POST the release: the answer is a PDF (or a JSON error, e.g. the consent's problems). */
export async function releaseRecord(participantId: string, input: ReleaseInput): Promise<ReleasedPdf> {
  noteApiRequest(Date.now());
  let response: Response;
  try {
    response = await fetch(`/api/v1/participants/${encodeURIComponent(participantId)}/releases`, {
      method: "POST",
      headers: {
        accept: "application/pdf",
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
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "record-release.pdf";
  return { blob: await response.blob(), filename };
}

/** Save a blob as a download in this browser. */
export function saveDownload({ blob, filename }: ReleasedPdf): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Release the record; the log reloads to show the new disclosure. */
export function useReleaseRecord(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReleaseInput) => releaseRecord(participantId, input),
    onSuccess: (pdf) => {
      saveDownload(pdf);
      return queryClient.invalidateQueries({ queryKey: ["participants", participantId, "disclosures"] });
    },
  });
}

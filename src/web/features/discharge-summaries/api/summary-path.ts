/** Where a participant's discharge summary lives in the API, and its cache key. */
export const summaryPath = (participantId: string) =>
  `/api/v1/participants/${participantId}/discharge-summary`;
export const summaryQueryKey = (participantId: string) =>
  ["participants", participantId, "discharge-summary"] as const;

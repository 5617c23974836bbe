/** Where the plan editor for one version lives in the staff app. */
export const editorPath = (participantId: string, versionId: string) =>
  `/staff/participants/${encodeURIComponent(participantId)}/plan/${encodeURIComponent(versionId)}/edit`;

/** The chart's Plan tab. */
export const planTabPath = (participantId: string) =>
  `/staff/participants/${encodeURIComponent(participantId)}?tab=plan`;

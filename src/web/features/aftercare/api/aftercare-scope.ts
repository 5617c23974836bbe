/** Whose aftercare plan: the signed-in participant's own (/me), or a participant's in the chart. */
export type AftercareScope = { kind: "me" } | { kind: "chart"; participantId: string };

export const MY_AFTERCARE: AftercareScope = { kind: "me" };

export function aftercarePath(scope: AftercareScope): string {
  return scope.kind === "me"
    ? "/api/v1/me/aftercare-plan"
    : `/api/v1/participants/${encodeURIComponent(scope.participantId)}/aftercare-plan`;
}

export const aftercareQueryKey = (scope: AftercareScope) =>
  ["aftercare-plan", scope.kind === "me" ? "me" : scope.participantId] as const;

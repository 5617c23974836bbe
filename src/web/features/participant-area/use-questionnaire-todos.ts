import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { AssessmentAssignment } from "../../../core/assessments/assessments.schema";
import type { ParticipantDue } from "../../../core/assessments/measurement-schedule.schema";
import { assignmentsQuery, assignmentsQueryKey } from "../assessments/api/get-assignments";
import { participantDueQuery, participantDueQueryKey } from "../assessments/api/get-participant-due";
import { deriveQuestionnaireTodos, type QuestionnaireTodo } from "./questionnaire-todos";

export interface QuestionnaireTodos {
  /** The account is not linked to a participant record: there is nothing to ask for. */
  unlinked: boolean;
  todos: QuestionnaireTodo[] | undefined;
  isPending: boolean;
  error: unknown;
  /** Load again whatever failed. */
  retry: () => void;
}

/** The signed-in participant's questionnaires to fill in (open assignments and measures due now). */
export function useQuestionnaireTodos(participantId: string | null): QuestionnaireTodos {
  const enabled = participantId !== null;
  const assignments = useQuery({ ...assignmentsQuery(participantId ?? ""), enabled });
  const due = useQuery({ ...participantDueQuery(participantId ?? ""), enabled });
  if (!enabled) return { unlinked: true, todos: undefined, isPending: false, error: null, retry: () => {} };
  const failed = [assignments, due].filter((q) => q.isError);
  return {
    unlinked: false,
    todos: assignments.data && due.data ? deriveQuestionnaireTodos(assignments.data, due.data) : undefined,
    isPending: failed.length === 0 && (assignments.isPending || due.isPending),
    error: failed[0]?.error ?? null,
    retry: () => {
      for (const query of failed) void query.refetch();
    },
  };
}

/**
 * Take a questionnaire just answered off the cached to-do lists, so the list does not offer it again
 * while it reloads (the reload, already asked for by the submission, has the last word).
 */
export function forgetAnsweredQuestionnaire(
  queryClient: QueryClient,
  participantId: string,
  instrumentKey: string,
): void {
  queryClient.setQueryData<{ assignments: AssessmentAssignment[] }>(
    assignmentsQueryKey(participantId),
    (old) => old && { assignments: old.assignments.filter((a) => a.instrumentKey !== instrumentKey) },
  );
  queryClient.setQueryData<ParticipantDue>(
    participantDueQueryKey(participantId),
    (old) => old && { ...old, measures: old.measures.filter((m) => m.instrumentKey !== instrumentKey) },
  );
}

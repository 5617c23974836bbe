import { useQuery } from "@tanstack/react-query";
import { assignmentsQuery } from "../assessments/api/get-assignments";
import { participantDueQuery } from "../assessments/api/get-participant-due";
import { deriveQuestionnaireTodos, type QuestionnaireTodo } from "./questionnaire-todos";

export interface QuestionnaireTodos {
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
  if (!enabled) return { todos: [], isPending: false, error: null, retry: () => {} };
  const failed = [assignments, due].filter((q) => q.isError);
  return {
    todos: assignments.data && due.data ? deriveQuestionnaireTodos(assignments.data, due.data) : undefined,
    isPending: failed.length === 0 && (assignments.isPending || due.isPending),
    error: failed[0]?.error ?? null,
    retry: () => {
      for (const query of failed) void query.refetch();
    },
  };
}

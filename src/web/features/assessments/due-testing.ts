import type {
  DueList,
  DueListItem,
  MeasurementScheduleView,
} from "../../../core/assessments/measurement-schedule.schema";
import { DEFAULT_SCHEDULE } from "../../../core/assessments/schedule.rules";

/** Test data for the measurement-schedule pages. Everyone is fictional. */

export const PARTICIPANT_ID = "4b2e1d0c-8f7a-4e6b-9c5d-1a2b3c4d5e6f";

export function aDueItem(change: Partial<DueListItem> = {}): DueListItem {
  return {
    instrumentKey: "bam",
    title: "Brief Addiction Monitor (BAM)",
    titleEs: "Monitor Breve de Adicciones (BAM)",
    dueOn: "2026-03-09",
    status: "overdue",
    reason: { at: "every_n_days", n: 7, since: "last_administration", sinceOn: "2026-03-02" },
    alsoScheduled: [],
    explanation: "Due 2026-03-09 for every 7 days, last given 2026-03-02.",
    openAssignment: null,
    participant: { id: PARTICIPANT_ID, name: "Mina Alvarez" },
    site: { id: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f", name: "Eastside" },
    ...change,
  };
}

export function aDueList(items: DueListItem[], change: Partial<DueList> = {}): DueList {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 25,
    today: "2026-03-13",
    counts: {
      due: items.filter((i) => i.status === "due").length,
      overdue: items.filter((i) => i.status === "overdue").length,
    },
    ...change,
  };
}

export function aScheduleView(change: Partial<MeasurementScheduleView> = {}): MeasurementScheduleView {
  return {
    entries: [...DEFAULT_SCHEDULE],
    graceDays: 3,
    instruments: [
      {
        key: "bam",
        title: "Brief Addiction Monitor (BAM)",
        titleEs: "Monitor Breve de Adicciones (BAM)",
        audience: "any",
      },
      {
        key: "gad7",
        title: "Generalized Anxiety Disorder scale (GAD-7)",
        titleEs: "Escala del trastorno de ansiedad generalizada (GAD-7)",
        audience: "adult",
      },
      {
        key: "phq9",
        title: "Patient Health Questionnaire (PHQ-9)",
        titleEs: "Cuestionario sobre la salud del paciente (PHQ-9)",
        audience: "adult",
      },
    ],
    ...change,
  };
}

import i18n from "i18next";
import type { ChartNote } from "../../../core/notes/notes-api.schema";
import { chartNotesEn } from "../../i18n/chart-notes.en";
import { setUpTreatmentPlansDom } from "../treatment-plans/plan-editor-testing";

/** jsdom with the admin, treatment-plan (re-authentication form) and chart-notes namespaces. Tests only. */
export async function setUpChartNotesDom(): Promise<void> {
  await setUpTreatmentPlansDom();
  i18n.addResourceBundle("en", "chartNotes", chartNotesEn, true, true);
}

export const AUTHOR = { id: "4f1e2d3c-2b1a-4098-8f7e-6d5c4b3a2910", name: "Robin Facilitator" };
export const SUPERVISOR = { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", name: "Dana Director" };
export const OTHER_SUPERVISOR = { id: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", name: "Sam Supervisor" };
export const OBJECTIVE = "5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a";

/** A signed group note as the chart shows it: the shared part and this participant's own entry. */
export function aGroupNote(change: Partial<ChartNote> = {}): ChartNote {
  return {
    id: "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
    kind: "group",
    status: "signed",
    sessionDate: "2026-11-16",
    startsAt: "2026-11-16T23:00:00.000Z",
    endsAt: "2026-11-17T01:00:00.000Z",
    title: "Evening IOP",
    format: null,
    author: AUTHOR,
    cosigner: null,
    signedAt: "2026-11-17T02:10:00.000Z",
    cosignedAt: null,
    lateEntry: false,
    signatures: [
      { role: "author", signer: AUTHOR, method: "password", signedAt: "2026-11-17T02:10:00.000Z" },
    ],
    shared: {
      moduleKey: "urge-surfing",
      moduleVersion: 0,
      topic: "Cravings and urge surfing",
      narrative: "The group practised riding out a craving with a ten-minute timer.",
    },
    entry: {
      participation: "active",
      moodAffect: "Calm, bright affect",
      contribution: "Described using the timer during a hard evening at work.",
      objectives: [
        { objectiveId: OBJECTIVE, progress: "progressing", comment: "Used the skill twice this week." },
      ],
      riskObservations: "",
      followUp: true,
      followUpNote: "Check in about the weekend plan.",
    },
    content: null,
    objectives: [
      {
        objectiveId: OBJECTIVE,
        statement: "Use one coping skill when cravings rise",
        problemTitle: "Cravings",
      },
    ],
    addenda: [],
    ...change,
  };
}

/** A signed individual DAP note. */
export function anIndividualNote(change: Partial<ChartNote> = {}): ChartNote {
  return {
    ...aGroupNote(),
    id: "d2b3c4d5-e6f7-4a81-9b0c-1d2e3f4a5b6c",
    kind: "individual",
    title: "",
    format: "DAP",
    sessionDate: "2026-11-18",
    startsAt: "2026-11-18T15:00:00.000Z",
    endsAt: "2026-11-18T15:50:00.000Z",
    shared: null,
    entry: null,
    content: {
      setting: "video",
      place: "Clinic video room",
      attendees: [],
      sections: {
        data: "Reported three days without use.",
        assessment: "Engaged and motivated.",
        plan: "Continue weekly sessions.",
      },
      objectives: [{ objectiveId: OBJECTIVE, progress: "no_change", comment: "" }],
      interventions: ["motivational_interviewing", "relapse_prevention"],
      otherInterventions: "",
      nextSession: "Review the craving log.",
    },
    ...change,
  };
}

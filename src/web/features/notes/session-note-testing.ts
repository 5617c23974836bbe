import i18n from "i18next";
import type { CounselingNoteListItem } from "../../../core/notes/counseling-note-api.schema";
import { EMPTY_SESSION_NOTE } from "../../../core/notes/note.schema";
import type { SessionNoteView } from "../../../core/notes/notes-api.schema";
import { sessionNotesEn } from "../../i18n/session-notes.en";
import { ME, PARTICIPANT, setUpTreatmentPlansDom } from "../treatment-plans/plan-editor-testing";

/** Test data for session notes and counseling notes. Everyone is fictional. Tests only. */

/** The shared jsdom set-up plus the "sessionNotes" namespace in English. */
export async function setUpSessionNotesDom(): Promise<void> {
  await setUpTreatmentPlansDom();
  i18n.addResourceBundle("en", "sessionNotes", sessionNotesEn, true, true);
}

export { aRecord, ME, PARTICIPANT } from "../treatment-plans/plan-editor-testing";

export const SITE = "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f";
export const NOTE = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d";
export const APPOINTMENT = "9b0c1d2e-3f4a-4b5c-9d6e-8f9a0b1c2d3e";
export const OBJECTIVE = "5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a";
export const COUNSELING_NOTE = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

export const NOTE_PATH = `/api/v1/session-notes/${NOTE}`;
export const PAGE_PATH = `/staff/participants/${PARTICIPANT}/notes/${NOTE}`;

/** A DAP draft of an individual session held on 20 November 2026 (over), by the signed-in clinician. */
export function aSessionNote(change: Partial<SessionNoteView> = {}): SessionNoteView {
  return {
    id: NOTE,
    status: "draft",
    revision: 2,
    sessionDate: "2026-11-20",
    startsAt: "2026-11-20T15:00:00.000Z",
    endsAt: "2026-11-20T15:50:00.000Z",
    author: { id: ME, name: "Dana Director" },
    cosigner: null,
    signedAt: null,
    cosignedAt: null,
    lateEntry: false,
    signatures: [],
    addenda: [],
    updatedAt: "2026-11-20T16:00:00.000Z",
    kind: "individual",
    format: "DAP",
    participantId: PARTICIPANT,
    appointmentId: null,
    content: EMPTY_SESSION_NOTE,
    objectives: [
      {
        objectiveId: OBJECTIVE,
        statement: "Identify three triggers and a coping response for each",
        problemTitle: "Alcohol use",
      },
    ],
    canEdit: true,
    ...change,
  };
}

export function aCounselingListItem(change: Partial<CounselingNoteListItem> = {}): CounselingNoteListItem {
  return {
    id: COUNSELING_NOTE,
    participantId: PARTICIPANT,
    sessionDate: "2026-11-20",
    appointmentId: null,
    status: "draft",
    author: { id: ME, name: "Dana Director" },
    signedAt: null,
    updatedAt: "2026-11-20T16:00:00.000Z",
    addendaCount: 0,
    ...change,
  };
}

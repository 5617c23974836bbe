import i18n from "i18next";
import { EMPTY_GROUP_ENTRY, type GroupEntryContent } from "../../../core/notes/note.schema";
import type { GroupNoteRosterRow, GroupNoteScreen } from "../../../core/notes/notes-api.schema";
import { curriculumEn } from "../../i18n/curriculum.en";
import { groupNoteEn } from "../../i18n/group-note.en";
import { setUpTreatmentPlansDom } from "../treatment-plans/plan-editor-testing";

/** Test data for the group-note screen. Everyone is fictional. Tests only. */

/** The shared jsdom set-up plus the namespaces the screen reads, in English. */
export async function setUpGroupNoteDom(): Promise<void> {
  await setUpTreatmentPlansDom();
  i18n.addResourceBundle("en", "groupNote", groupNoteEn, true, true);
  i18n.addResourceBundle("en", "curriculum", curriculumEn, true, true);
}

export const TRACK = "3f6c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a098";
export const SITE = "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f";
export const KEY = "2026-11-23T18:00";
export const NOTE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
export const SCREEN_PATH = `/api/v1/tracks/${TRACK}/occurrences/${KEY}/group-note`;
export const PAGE_PATH = `/staff/groups/${TRACK}/${KEY}/note`;
export const OBJECTIVE = "5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a";
export const EARLIER_NOTE = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";

export const MARIA = "11111111-1111-4111-8111-111111111111";
export const DEV = "22222222-2222-4222-8222-222222222222";
export const LEE = "33333333-3333-4333-8333-333333333333";
export const SAM = "44444444-4444-4444-8444-444444444444";

export const entryPath = (participantId: string) => `/api/v1/group-notes/${NOTE}/entries/${participantId}`;

export function aRow(
  participantId: string,
  name: string,
  overrides: Partial<GroupNoteRosterRow> = {},
): GroupNoteRosterRow {
  return {
    participantId,
    name,
    preferredName: null,
    attendance: { status: "present", minutesAttended: 180, sessionMinutes: 180, telehealth: false },
    attended: true,
    entry: null,
    hasSignedPlan: true,
    objectives: [
      {
        objectiveId: OBJECTIVE,
        statement: "Name three personal triggers and a plan for each",
        problemTitle: "Alcohol use",
      },
    ],
    ...overrides,
  };
}

export const anEntry = (content: Partial<GroupEntryContent> = {}, revision = 1) => ({
  id: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
  revision,
  content: { ...EMPTY_GROUP_ENTRY, ...content },
});

/** Four on the roster: Maria (goes by Mari), Dev and Sam present, Lee absent with excuse. */
export function aScreen(overrides: Partial<GroupNoteScreen> = {}): GroupNoteScreen {
  return {
    track: { id: TRACK, name: "Evening IOP", siteId: SITE },
    occurrenceKey: KEY,
    sessionDate: "2026-11-23",
    startsAt: "2026-11-23T18:00:00.000Z",
    endsAt: "2026-11-23T21:00:00.000Z",
    plannedModule: { key: "cravings-urge-surfing", version: 0, title: "Cravings and Urge Surfing" },
    ended: true,
    note: null,
    roster: [
      aRow(MARIA, "Maria Lopez", { preferredName: "Mari" }),
      aRow(DEV, "Dev Patel"),
      aRow(LEE, "Lee Chen", {
        attendance: { status: "absent_excused", minutesAttended: 0, sessionMinutes: 180, telehealth: false },
        attended: false,
      }),
      aRow(SAM, "Sam Rivera", { hasSignedPlan: false, objectives: [] }),
    ],
    canEdit: true,
    ...overrides,
  };
}

/** The screen with a draft note saved at revision 2 (the shared part written). */
export function aDraftScreen(overrides: Partial<GroupNoteScreen> = {}): GroupNoteScreen {
  return aScreen({
    note: {
      id: NOTE,
      status: "draft",
      revision: 2,
      sessionDate: "2026-11-23",
      startsAt: "2026-11-23T18:00:00.000Z",
      endsAt: "2026-11-23T21:00:00.000Z",
      author: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", name: "Dana Director" },
      cosigner: null,
      signedAt: null,
      cosignedAt: null,
      lateEntry: false,
      signatures: [],
      addenda: [],
      updatedAt: "2026-11-23T21:10:00.000Z",
      shared: {
        moduleKey: "cravings-urge-surfing",
        moduleVersion: 0,
        topic: "Cravings and Urge Surfing",
        narrative: "The group practised urge surfing with a ten-minute guided exercise.",
      },
    },
    ...overrides,
  });
}

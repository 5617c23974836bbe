import i18n from "i18next";
import type { PracticeAssignment, PracticeReflections } from "../../../core/practice/practice.schema";
import { practiceEn } from "../../i18n/practice.en";
import { practiceEs } from "../../i18n/practice.es";
import { setUpParticipantDom } from "../participant-area/participant-area-testing";

/** Test data for practice. Everyone is fictional. Tests only. */

export const TRACK_ID = "3f1c2b4a-5d6e-4f70-8a91-b2c3d4e5f607";
export const COMPLETION_ID = "4a2d3c5b-6e7f-4081-9ba2-c3d4e5f60718";

export async function setUpPracticeDom(): Promise<void> {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "practice", practiceEn, true, true);
  i18n.addResourceBundle("es", "practice", practiceEs, true, true);
}

export function anAssignment(change: Partial<PracticeAssignment> = {}): PracticeAssignment {
  return {
    track: { id: TRACK_ID, name: "Evening group" },
    occurrenceKey: "2026-03-09T18:00",
    sessionDate: "2026-03-09",
    module: {
      key: "cravings-urge-surfing",
      title: "Cravings and urge surfing",
      handoutTitle: "Riding the wave",
      handout:
        "A craving rises, peaks and passes.\n\nWhen one comes:\n- Notice where you feel it\n- Breathe slowly",
      practice: "Surf one urge a day and write down how strong it was before and after.",
      skills: ["Urge surfing"],
    },
    current: true,
    open: true,
    closesAt: "2026-03-16T22:00:00.000Z",
    done: null,
    ...change,
  };
}

export function aReflectionsView(change: Partial<PracticeReflections> = {}): PracticeReflections {
  return {
    track: { id: TRACK_ID, name: "Evening group" },
    occurrenceKey: "2026-03-16T18:00",
    previous: {
      occurrenceKey: "2026-03-09T18:00",
      sessionDate: "2026-03-09",
      module: { key: "cravings-urge-surfing", title: "Cravings and urge surfing" },
    },
    people: [
      {
        participantId: "5b3e4d6c-7f80-4192-8cb3-d4e5f6071829",
        name: "Ana Alvarez",
        attended: true,
        completion: {
          id: COMPLETION_ID,
          reflection: "Surfed two urges on payday.",
          completedAt: "2026-03-12T01:00:00.000Z",
          readAt: null,
          readBy: null,
        },
      },
      {
        participantId: "6c4f5e7d-8091-42a3-9dc4-e5f60718293a",
        name: "Ben Brooks",
        attended: true,
        completion: null,
      },
      {
        participantId: "7d5a6f8e-91a2-43b4-aed5-f60718293a4b",
        name: "Cara Castillo",
        attended: false,
        completion: null,
      },
    ],
    ...change,
  };
}

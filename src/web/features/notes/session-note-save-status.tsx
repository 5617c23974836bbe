import { AutosaveStatusLine, type AutosaveWords } from "../treatment-plans/autosave-status";
import type { NoteSaveStatus } from "./session-note-autosave";

const NOTE_WORDS: AutosaveWords = { ns: "sessionNotes", prefix: "save", conflictNote: "conflictHint" };

/** Where a note's draft stands: the plan editor's status line, in the notes' words. */
export function NoteSaveStatusLine(props: {
  status: NoteSaveStatus;
  onReloadTheirs: () => void;
  reloading: boolean;
}) {
  return <AutosaveStatusLine {...props} words={NOTE_WORDS} />;
}

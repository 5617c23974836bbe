import {
  type NoteFormat,
  type NoteSection,
  SECTIONS_BY_FORMAT,
  type SessionNoteContent,
} from "../../../core/notes/note.schema";

/**
 * Switching a note's format (DAP, BIRP, SOAP): the text of a section both formats have (the plan,
 * the assessment) stays; a section the new format lacks is dropped, so the editor asks first.
 */

/** The sections of `from` that hold text and that `to` does not have. */
export function sectionsDroppedBySwitch(
  sections: SessionNoteContent["sections"],
  from: NoteFormat,
  to: NoteFormat,
): NoteSection[] {
  const kept = new Set(SECTIONS_BY_FORMAT[to]);
  return SECTIONS_BY_FORMAT[from].filter((s) => !kept.has(s) && (sections[s] ?? "").trim() !== "");
}

/** The content under another format: only that format's sections, the common ones with their text. */
export function switchFormat(content: SessionNoteContent, to: NoteFormat): SessionNoteContent {
  const sections: SessionNoteContent["sections"] = {};
  for (const s of SECTIONS_BY_FORMAT[to])
    if (content.sections[s] !== undefined) sections[s] = content.sections[s];
  return { ...content, sections };
}

/** A signing problem's field as the editor names it: the server may prefix content paths with "content.". */
export const editorPath = (path: string) => path.replace(/^content\./, "");

/** The id of the input a field path points at ("sections.data" → "note-sections-data"). */
export const fieldId = (path: string) => `note-${editorPath(path).replace(/[^a-zA-Z0-9]+/g, "-")}`;

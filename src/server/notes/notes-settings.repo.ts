import {
  DEFAULT_NOTES_SETTINGS,
  type NotesSettings,
  notesSettingsSchema,
} from "../../core/notes/notes-settings.schema";
import { flatSettings } from "../access/flat-settings";
import type { Queryable } from "../db/connection";

/** The program's note settings: app_settings rows `notes_<field>` (e.g. `notes_unsigned_alert_hours`), each falling back alone. */
const stored = flatSettings("notes", notesSettingsSchema, DEFAULT_NOTES_SETTINGS);

export function readNotesSettings(q: Queryable): Promise<NotesSettings> {
  return stored.read(q);
}

export function writeNotesSettings(q: Queryable, settings: NotesSettings, at: Date): Promise<void> {
  return stored.write(q, settings, at);
}

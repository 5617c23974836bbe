import type { NotesSettings } from "../../core/notes/notes-settings.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { readNotesSettings, writeNotesSettings } from "./notes-settings.repo";

/**
 * The program's clinical-note settings (default format, the unsigned-note alert window, the late-entry
 * threshold, the cloned-entry check): read by the note screens, the worklist and the alert sweep;
 * changed by administrators, audited in the write's transaction.
 */
export function createNotesSettingsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    settings: () => readNotesSettings(db),

    async updateSettings(settings: NotesSettings, context: AuditContext): Promise<NotesSettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await writeNotesSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.clinical_notes_update",
            resourceType: "settings",
            purpose: "operations",
            details: { ...settings },
          },
          at,
        );
      });
      return readNotesSettings(db);
    },
  };
}
export type NotesSettingsService = ReturnType<typeof createNotesSettingsService>;

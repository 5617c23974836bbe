import type { SaveDraftInput } from "../../../core/treatment-plans/plan.schema";

/** What the editor sends on each save, without the revision (the autosave adds the one it holds). */
export type EditorDraft = Omit<SaveDraftInput, "revision">;

/**
 * A draft kept on this device until the server has it: the revision it was made on top of, so that on
 * the next visit it is restored only when nobody saved in between.
 */
export interface StoredDraft {
  versionId: string;
  baseRevision: number;
  storedAt: string;
  draft: EditorDraft;
}

const keyOf = (versionId: string) => `bridgeway.plan-draft.${versionId}`;

function isStoredDraft(value: unknown, versionId: string): value is StoredDraft {
  const v = value as Partial<StoredDraft> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.versionId === versionId &&
    typeof v.baseRevision === "number" &&
    typeof v.storedAt === "string" &&
    typeof v.draft === "object" &&
    v.draft !== null &&
    Array.isArray(v.draft.content?.problems)
  );
}

/** The draft this device kept for a version, or null (none, unreadable, or storage unavailable). */
export function readStoredDraft(storage: Storage, versionId: string): StoredDraft | null {
  try {
    const raw = storage.getItem(keyOf(versionId));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredDraft(parsed, versionId) ? parsed : null;
  } catch {
    return null;
  }
}

/** Keep the latest unsaved draft; false when the device would not store it (quota, private mode). */
export function storeDraft(storage: Storage, stored: StoredDraft): boolean {
  try {
    storage.setItem(keyOf(stored.versionId), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/** Forget the kept draft once the server has it. */
export function forgetStoredDraft(storage: Storage, versionId: string): void {
  try {
    storage.removeItem(keyOf(versionId));
  } catch {
    // Nothing kept, nothing to forget.
  }
}

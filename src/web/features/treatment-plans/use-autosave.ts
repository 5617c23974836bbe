import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldError } from "../../../core/platform/errors";
import type { VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import { ApiError } from "../../app/api-client";
import { saveDraft } from "./api/save-draft";
import { type EditorDraft, forgetStoredDraft, storeDraft } from "./plan-draft-storage";

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "invalid" }
  | { kind: "error"; message: string }
  /** Someone else saved since this page read the draft: autosave stops until the page reloads theirs. */
  | { kind: "conflict"; message: string }
  /** The version is no longer a draft (sent for signatures elsewhere): nothing more can be saved. */
  | { kind: "locked"; message: string };

export const AUTOSAVE_DELAY_MS = 1500;
/** When the server could not be reached although the device says it is online, try again after this long. */
export const UNREACHABLE_RETRY_MS = 15_000;

interface Options {
  planId: string;
  versionId: string;
  /** The revision the page read. */
  revision: number;
  /** Problems the schema finds in a draft before it is sent (an empty list sends it). */
  validate: (draft: EditorDraft) => FieldError[];
  /** The version as saved (its new revision). */
  onSaved: (version: VersionDetail) => void;
  /** The field errors of the latest attempt: the schema's, or the server's refusal (empty once saved). */
  onFieldErrors: (errors: FieldError[]) => void;
  delayMs?: number;
}

type TimerRef = { current: ReturnType<typeof setTimeout> | null };

function clearTimer(timer: TimerRef): void {
  if (timer.current !== null) clearTimeout(timer.current);
  timer.current = null;
}

const isOffline = () => typeof navigator !== "undefined" && navigator.onLine === false;

/**
 * Save a draft a moment after typing stops, with the revision last read (optimistic locking). Every
 * change is kept in this device's storage until the server has it; offline, saving waits for the
 * `online` event; a conflict stops saving (nothing is overwritten) until `resume` with the revision
 * reloaded. `flush` saves now (before sending for signatures) and says whether everything is saved.
 */
export function useAutosave({
  planId,
  versionId,
  revision,
  validate,
  onSaved,
  onFieldErrors,
  delayMs,
}: Options) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const revisionRef = useRef(revision);
  const unsavedRef = useRef<EditorDraft | null>(null);
  const changeCountRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<boolean> | null>(null);
  const stoppedRef = useRef(false);
  const againRef = useRef(false);
  const retryRef = useRef(false);
  const callbacks = useRef({ validate, onSaved, onFieldErrors });
  callbacks.current = { validate, onSaved, onFieldErrors };
  const delay = delayMs ?? AUTOSAVE_DELAY_MS;

  const keep = useCallback(
    (draft: EditorDraft) =>
      storeDraft(window.localStorage, {
        versionId,
        baseRevision: revisionRef.current,
        storedAt: new Date().toISOString(),
        draft,
      }),
    [versionId],
  );

  const send = useCallback(async (): Promise<boolean> => {
    const draft = unsavedRef.current;
    if (stoppedRef.current) return false;
    if (draft === null) return true;
    const problems = callbacks.current.validate(draft);
    callbacks.current.onFieldErrors(problems);
    if (problems.length > 0) {
      setStatus({ kind: "invalid" });
      return false;
    }
    if (isOffline()) {
      setStatus({ kind: "offline" });
      return false;
    }
    const sentAt = changeCountRef.current;
    setStatus({ kind: "saving" });
    try {
      const saved = await saveDraft({
        planId,
        versionId,
        draft: { ...draft, revision: revisionRef.current },
      });
      revisionRef.current = saved.revision;
      callbacks.current.onSaved(saved);
      if (changeCountRef.current === sentAt) {
        unsavedRef.current = null;
        forgetStoredDraft(window.localStorage, versionId);
        setStatus({ kind: "saved", at: saved.updatedAt });
        return true;
      }
      // Typed on while it was saving: keep the newer text against the new revision and save it next.
      keep(unsavedRef.current ?? draft);
      againRef.current = true;
      setStatus({ kind: "pending" });
      return false;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setStatus({ kind: "error", message: String(error) });
      } else if (error.status === 0) {
        setStatus({ kind: "offline" });
        retryRef.current = true;
      } else if (error.code === "TREATMENT_PLAN_EDIT_CONFLICT") {
        stoppedRef.current = true;
        setStatus({ kind: "conflict", message: error.message });
      } else if (error.status === 409) {
        stoppedRef.current = true;
        setStatus({ kind: "locked", message: error.message });
      } else if (error.fields.length > 0) {
        callbacks.current.onFieldErrors(error.fields);
        setStatus({ kind: "invalid" });
      } else {
        setStatus({ kind: "error", message: error.message });
      }
      return false;
    }
  }, [planId, versionId, keep]);

  /** Save now, after any save already under way; true when the server has every change. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer(timerRef);
    while (inFlightRef.current) await inFlightRef.current;
    const attempt = send();
    inFlightRef.current = attempt;
    try {
      const done = await attempt;
      return done && unsavedRef.current === null;
    } finally {
      inFlightRef.current = null;
    }
  }, [send]);

  const schedule = useCallback(
    (wait = delay) => {
      clearTimer(timerRef);
      timerRef.current = setTimeout(() => {
        timerRef.current = null;
        void flush().then(() => {
          // Changes made while saving are saved a moment later.
          if (againRef.current && timerRef.current === null) {
            againRef.current = false;
            schedule();
          } else if (retryRef.current && timerRef.current === null) {
            // Unreachable while the device says it is online: the `online` event may never come.
            retryRef.current = false;
            schedule(UNREACHABLE_RETRY_MS);
          }
        });
      }, wait);
    },
    [delay, flush],
  );

  const change = useCallback(
    (draft: EditorDraft) => {
      unsavedRef.current = draft;
      changeCountRef.current += 1;
      keep(draft);
      if (stoppedRef.current) return;
      setStatus(isOffline() ? { kind: "offline" } : { kind: "pending" });
      schedule();
    },
    [keep, schedule],
  );

  /** After reloading the server's version: its revision, nothing unsaved, autosave on again. */
  const resume = useCallback((nextRevision: number) => {
    clearTimer(timerRef);
    revisionRef.current = nextRevision;
    unsavedRef.current = null;
    stoppedRef.current = false;
    setStatus({ kind: "idle" });
  }, []);

  useEffect(() => {
    const online = () => {
      if (unsavedRef.current !== null && !stoppedRef.current) void flush();
    };
    const offline = () => {
      if (unsavedRef.current !== null && !stoppedRef.current) setStatus({ kind: "offline" });
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      // Leaving the page: what was still waiting for the pause is sent now (it is kept on the device too).
      if (timerRef.current !== null) {
        clearTimer(timerRef);
        void flush();
      }
    };
  }, [flush]);

  return { status, change, flush, resume, revision: () => revisionRef.current };
}

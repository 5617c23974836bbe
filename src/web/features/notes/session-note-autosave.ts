import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, type ApiFieldError } from "../../app/api-client";

export type NoteSaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "invalid" }
  | { kind: "error"; message: string }
  /** Someone else saved since this page read the note: saving stops until their version is reloaded. */
  | { kind: "conflict"; message: string }
  /** The note was signed elsewhere: nothing more can be saved. */
  | { kind: "locked"; message: string };

export const NOTE_AUTOSAVE_DELAY_MS = 1200;
/** Unreachable although the device says it is online: try again after this long. */
const RETRY_MS = 15_000;

interface Options<D> {
  /** The revision the page read. */
  revision: number;
  /** Send a draft with the revision it builds on; answers the new revision and when it was saved. */
  save: (draft: D, revision: number) => Promise<{ revision: number; updatedAt: string }>;
  /** The field errors of the latest attempt (empty once saved). */
  onFieldErrors?: (errors: ApiFieldError[]) => void;
  delayMs?: number;
}

type TimerRef = { current: ReturnType<typeof setTimeout> | null };

function clearTimer(timer: TimerRef): void {
  if (timer.current !== null) clearTimeout(timer.current);
  timer.current = null;
}

const isOffline = () => typeof navigator !== "undefined" && navigator.onLine === false;

/**
 * Save a note's draft a moment after typing stops, with the revision last read (optimistic
 * locking). One save at a time; text typed during a save is sent right after it. Offline, saving
 * waits for the `online` event. A conflict or a lock stops saving (nothing is overwritten): the text
 * stays on the page until `resume` with the reloaded revision. `flush` saves now (before signing)
 * and says whether the server has every change. Used by session notes and counseling notes alike.
 */
export function useNoteAutosave<D>({ revision, save, onFieldErrors, delayMs }: Options<D>) {
  const [status, setStatus] = useState<NoteSaveStatus>({ kind: "idle" });
  const revisionRef = useRef(revision);
  const unsavedRef = useRef<D | null>(null);
  const changesRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<boolean> | null>(null);
  const stoppedRef = useRef(false);
  const unreachableRef = useRef(false);
  const againRef = useRef(false);
  const callbacks = useRef({ save, onFieldErrors });
  callbacks.current = { save, onFieldErrors };
  const delay = delayMs ?? NOTE_AUTOSAVE_DELAY_MS;

  const send = useCallback(async (): Promise<boolean> => {
    const draft = unsavedRef.current;
    if (stoppedRef.current) return false;
    if (draft === null) return true;
    if (isOffline()) {
      setStatus({ kind: "offline" });
      return false;
    }
    const sentAt = changesRef.current;
    unreachableRef.current = false;
    setStatus({ kind: "saving" });
    try {
      const saved = await callbacks.current.save(draft, revisionRef.current);
      revisionRef.current = saved.revision;
      callbacks.current.onFieldErrors?.([]);
      if (changesRef.current === sentAt) {
        unsavedRef.current = null;
        setStatus({ kind: "saved", at: saved.updatedAt });
        return true;
      }
      againRef.current = true;
      setStatus({ kind: "pending" });
      return false;
    } catch (error) {
      if (!(error instanceof ApiError)) setStatus({ kind: "error", message: String(error) });
      else if (error.status === 0) {
        unreachableRef.current = true;
        setStatus({ kind: "offline" });
      } else if (error.code.endsWith("EDIT_CONFLICT")) {
        stoppedRef.current = true;
        setStatus({ kind: "conflict", message: error.message });
      } else if (error.status === 409) {
        stoppedRef.current = true;
        setStatus({ kind: "locked", message: error.message });
      } else if (error.fields.length > 0) {
        callbacks.current.onFieldErrors?.(error.fields);
        setStatus({ kind: "invalid" });
      } else setStatus({ kind: "error", message: error.message });
      return false;
    }
  }, []);

  /** Save now, after any save already under way; true when the server has every change. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer(timerRef);
    while (inFlightRef.current) await inFlightRef.current;
    const attempt = send();
    inFlightRef.current = attempt;
    try {
      return (await attempt) && unsavedRef.current === null;
    } finally {
      inFlightRef.current = null;
    }
  }, [send]);

  const schedule = useCallback(
    (wait: number) => {
      clearTimer(timerRef);
      timerRef.current = setTimeout(() => {
        timerRef.current = null;
        void flush().then((done) => {
          if (done || stoppedRef.current || timerRef.current !== null) return;
          // Typed on during the save, or the server was unreachable while the device is online: again.
          if (againRef.current) {
            againRef.current = false;
            schedule(delay);
          } else if (unreachableRef.current && !isOffline()) schedule(RETRY_MS);
        });
      }, wait);
    },
    [delay, flush],
  );

  const change = useCallback(
    (draft: D) => {
      unsavedRef.current = draft;
      changesRef.current += 1;
      if (stoppedRef.current) return;
      setStatus(isOffline() ? { kind: "offline" } : { kind: "pending" });
      schedule(delay);
    },
    [delay, schedule],
  );

  /** After reloading the server's version: its revision, nothing unsaved, saving on again. */
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
    // Closing the tab with text the server does not have yet: the browser asks first.
    const leaving = (event: BeforeUnloadEvent) => {
      if (unsavedRef.current !== null) event.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", leaving);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", leaving);
      // Leaving the page: what was waiting for the pause is sent now.
      if (timerRef.current !== null) {
        clearTimer(timerRef);
        void flush();
      }
    };
  }, [flush]);

  return { status, change, flush, resume, revision: () => revisionRef.current };
}

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReviewDetail } from "../../../core/treatment-plans/plan-api.schema";
import type { SaveReviewInput } from "../../../core/treatment-plans/review.schema";
import { ApiError } from "../../app/api-client";

/** What the editor changes: everything a save sends except the revision. */
export type ReviewDraft = Omit<SaveReviewInput, "revision">;

export type AutosaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "failed" }
  | { kind: "conflict"; message: string };

/** When the server could not be reached although the device is online, try again after this long. */
const UNREACHABLE_RETRY_MS = 15_000;

export const draftOf = (review: ReviewDetail): ReviewDraft => ({
  heldOn: review.heldOn,
  cosignerUserId: review.cosigner?.id ?? null,
  content: review.content,
});

/**
 * Autosave for a draft review: a save goes ~1.5 s after the last change, with the revision last read
 * (optimistic locking). One save at a time; changes made during a save are sent after it. Offline, the
 * draft stays in memory and is sent when the browser is back online (or, when the server alone could
 * not be reached, a little later). A 409 stops autosaving and keeps
 * the user's draft, so nothing typed is lost; `adopt` takes the version someone else saved.
 */
export function useReviewAutosave(
  review: ReviewDetail,
  save: (input: SaveReviewInput) => Promise<ReviewDetail>,
  delayMs = 1500,
) {
  const [draft, setDraft] = useState<ReviewDraft>(() => draftOf(review));
  const [state, setState] = useState<AutosaveState>({ kind: "idle" });
  const revision = useRef(review.revision);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async (): Promise<boolean> => {
    for (const pending of [timer, retryTimer]) {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    }
    while (inFlight.current) await inFlight.current;
    if (stopped.current) return false;
    if (!dirty.current) return true;
    dirty.current = false;
    const sending = latest.current;
    setState({ kind: "saving" });
    const attempt = (async () => {
      try {
        const saved = await saveRef.current({ revision: revision.current, ...sending });
        revision.current = saved.revision;
        setState(dirty.current ? { kind: "saving" } : { kind: "saved", at: saved.updatedAt });
        return true;
      } catch (error) {
        dirty.current = true;
        if (error instanceof ApiError && error.status === 409) {
          stopped.current = true;
          setState({ kind: "conflict", message: error.message });
        } else if (error instanceof ApiError && error.status === 0) {
          setState({ kind: "offline" });
          // The device may say it is online while the server cannot be reached: no `online` event would come.
          retryTimer.current = setTimeout(() => void flush(), UNREACHABLE_RETRY_MS);
        } else setState({ kind: "failed" });
        return false;
      }
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    if (ok && dirty.current) return flush();
    return ok;
  }, []);

  const change = useCallback(
    (next: ReviewDraft) => {
      latest.current = next;
      dirty.current = true;
      setDraft(next);
      if (stopped.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Take a version read from the server (after a conflict): its content and revision; autosave resumes. */
  const adopt = useCallback((fresh: ReviewDetail) => {
    revision.current = fresh.revision;
    latest.current = draftOf(fresh);
    dirty.current = false;
    stopped.current = false;
    setDraft(latest.current);
    setState({ kind: "saved", at: fresh.updatedAt });
  }, []);

  useEffect(() => {
    const retry = () => {
      if (dirty.current && !stopped.current) void flush();
    };
    window.addEventListener("online", retry);
    return () => {
      window.removeEventListener("online", retry);
      // Leaving the editor sends what is still waiting rather than dropping it.
      if (dirty.current && !stopped.current) void flush();
    };
  }, [flush]);

  return { draft, change, flush, adopt, state, revision: () => revision.current };
}

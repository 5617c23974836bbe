import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import type { CheckInInput, CheckInResult } from "../../../../core/check-ins/check-in.schema";
import { currentSessionQuery } from "../../identity/api/get-current-session";
import { checkInSummaryQuery } from "./api/get-check-in-summary";
import { submitCheckIn } from "./api/submit-check-in";
import {
  enqueue,
  type FlushReport,
  flushQueue,
  isQueueKey,
  markRefused,
  type QueuedCheckIn,
  type Refusal,
  readQueue,
  removeFromQueue,
  sendOnce,
} from "./offline-queue";

/** How often a waiting check-in is tried again while the page is open. */
export const RETRY_EVERY_MS = 30_000;

/** What happened to a check-in the person just sent from the page. */
export type SubmitOutcome =
  | { kind: "sent"; result: CheckInResult }
  /** Kept on the device; `signedOut` when it waits for them to sign in again. */
  | { kind: "queued"; signedOut: boolean }
  | { kind: "refused"; refusal: Refusal }
  /** Offline and the device would not keep it: the form stays filled in. */
  | { kind: "not-stored" };

// Changes to the queue in this tab (the `storage` event brings the other tabs').
const listeners = new Set<() => void>();
let version = 0;
function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Results of check-ins sent in this tab, by user and key: shown as "Sent"; never stored on the device. */
const sentResults = new Map<string, Map<string, CheckInResult>>();
function recordSent(userId: string, idempotencyKey: string, result: CheckInResult): void {
  const mine = sentResults.get(userId) ?? new Map<string, CheckInResult>();
  mine.set(idempotencyKey, result);
  sentResults.set(userId, mine);
}

const flushing = new Map<string, Promise<FlushReport | null>>();

/** Run `work` unless another tab of this browser holds the lock (then: null); without Web Locks, run it. */
async function underDeviceLock<T>(name: string, work: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (!locks) return work();
  let outcome: T | null = null;
  await locks.request(name, { ifAvailable: true }, async (lock) => {
    if (lock) outcome = await work();
  });
  return outcome;
}

/**
 * Send the user's waiting check-ins, once at a time per tab and — where the browser has Web Locks —
 * per device (a tab that finds another one sending leaves it to that one).
 */
export function flushCheckInQueue(userId: string, queryClient: QueryClient): Promise<FlushReport | null> {
  const running = flushing.get(userId);
  if (running) return running;
  const round = async (): Promise<FlushReport | null> => {
    // Nothing to send, or certainly no connection (the browser is sure only when it says offline).
    if (navigator.onLine === false || readQueue(localStorage, userId).every((q) => q.refusal !== null))
      return null;
    const report = await flushQueue(localStorage, userId, submitCheckIn);
    for (const { idempotencyKey, result } of report.sent) recordSent(userId, idempotencyKey, result);
    changed();
    if (report.sent.length > 0)
      void queryClient.invalidateQueries({ queryKey: checkInSummaryQuery.queryKey });
    if (report.stopped === "signed-out")
      void queryClient.invalidateQueries({ queryKey: currentSessionQuery.queryKey });
    return report;
  };
  const work = underDeviceLock(`bridgeway.check-in-queue.${userId}`, round).finally(() =>
    flushing.delete(userId),
  );
  flushing.set(userId, work);
  return work;
}

/**
 * The signed-in participant's check-ins on this device: the ones waiting to send (sent when the page
 * opens, when the connection comes back, and every 30 seconds while any wait), the ones sent from
 * this tab, and the page's way to send a new one.
 */
export function useCheckInQueue(userId: string) {
  const queryClient = useQueryClient();
  const snapshot = useSyncExternalStore(subscribe, () => version);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `snapshot` says the stored queue changed.
  const entries: QueuedCheckIn[] = useMemo(() => readQueue(localStorage, userId), [userId, snapshot]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `snapshot` says a check-in was sent.
  const sent = useMemo(() => new Map(sentResults.get(userId)), [userId, snapshot]);
  const waiting = entries.filter((q) => q.refusal === null).length;

  const flush = useCallback(() => flushCheckInQueue(userId, queryClient), [userId, queryClient]);

  useEffect(() => {
    void flush();
    const onStorage = (event: StorageEvent) => {
      if (isQueueKey(event.key, userId)) changed();
    };
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    window.addEventListener("storage", onStorage);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("storage", onStorage);
    };
  }, [flush, userId]);

  useEffect(() => {
    if (waiting === 0) return;
    const timer = setInterval(() => void flush(), RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, [flush, waiting]);

  /** Send now when online; keep it on the device when offline or the connection fails. */
  const submit = useCallback(
    async (input: CheckInInput): Promise<SubmitOutcome> => {
      const keep = (signedOut: boolean): SubmitOutcome => {
        const stored = enqueue(localStorage, userId, input, new Date());
        changed();
        return stored ? { kind: "queued", signedOut } : { kind: "not-stored" };
      };
      if (navigator.onLine === false) return keep(false);
      const outcome = await sendOnce(input, submitCheckIn);
      if (outcome.kind === "sent") {
        removeFromQueue(localStorage, userId, input.idempotencyKey);
        recordSent(userId, input.idempotencyKey, outcome.result);
        changed();
        void queryClient.invalidateQueries({ queryKey: checkInSummaryQuery.queryKey });
        return outcome;
      }
      if (outcome.kind === "refused") {
        markRefused(localStorage, userId, input.idempotencyKey, outcome.refusal);
        changed();
        return outcome;
      }
      if (outcome.kind === "signed-out")
        void queryClient.invalidateQueries({ queryKey: currentSessionQuery.queryKey });
      return keep(outcome.kind === "signed-out");
    },
    [userId, queryClient],
  );

  const discard = useCallback(
    (idempotencyKey: string) => {
      removeFromQueue(localStorage, userId, idempotencyKey);
      changed();
    },
    [userId],
  );

  return { entries, waiting, sent, submit, discard, flush };
}

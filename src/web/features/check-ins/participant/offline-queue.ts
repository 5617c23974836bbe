import {
  type CheckInInput,
  type CheckInResult,
  checkInInputSchema,
} from "../../../../core/check-ins/check-in.schema";
import { ApiError, type ApiFieldError } from "../../../app/api-client";

/**
 * Check-ins waiting on this device for the server. One list per signed-in user (another person
 * signing in on the same phone never sees it), kept in `localStorage` until the server has each one.
 * Each keeps the idempotency key it was made with, so sending it again — after a dropped
 * connection, from two tabs, or after the answer was lost — is recorded once.
 */

/** The server said no (a 4xx other than a lost session): its words, kept until corrected or discarded. */
export interface Refusal {
  code: string;
  message: string;
  fields: ApiFieldError[];
}

export interface QueuedCheckIn {
  input: CheckInInput;
  queuedAt: string;
  refusal: Refusal | null;
}

/** How one attempt to send ended. */
export type SendOutcome =
  | { kind: "sent"; result: CheckInResult }
  /** No connection, or the server failed: keep it and try again later. */
  | { kind: "unreachable" }
  /** The session ended: keep it until they sign in again. */
  | { kind: "signed-out" }
  | { kind: "refused"; refusal: Refusal };

const PREFIX = "bridgeway.check-in-queue.";
const keyOf = (userId: string) => `${PREFIX}${userId}`;

/** True when a storage event is about this user's queue. */
export const isQueueKey = (storageKey: string | null, userId: string) => storageKey === keyOf(userId);

function isQueued(value: unknown): value is QueuedCheckIn {
  const v = value as Partial<QueuedCheckIn> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.queuedAt === "string" &&
    (v.refusal === null || typeof v.refusal?.message === "string") &&
    checkInInputSchema.safeParse(v.input).success
  );
}

/** This user's waiting check-ins, oldest first (none when nothing is kept or storage is unavailable). */
export function readQueue(storage: Storage, userId: string): QueuedCheckIn[] {
  try {
    const raw = storage.getItem(keyOf(userId));
    if (raw === null) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
  } catch {
    return [];
  }
}

function writeQueue(storage: Storage, userId: string, queue: QueuedCheckIn[]): boolean {
  try {
    if (queue.length === 0) storage.removeItem(keyOf(userId));
    else storage.setItem(keyOf(userId), JSON.stringify(queue));
    return true;
  } catch {
    return false;
  }
}

/**
 * Keep a check-in to send later, marked as queued. The same key again replaces the kept one (a
 * corrected check-in keeps its place). False when the device would not store it (quota, private mode).
 */
export function enqueue(storage: Storage, userId: string, input: CheckInInput, now: Date): boolean {
  const queue = readQueue(storage, userId);
  const entry: QueuedCheckIn = {
    input: { ...input, queuedOffline: true },
    queuedAt: now.toISOString(),
    refusal: null,
  };
  const at = queue.findIndex((q) => q.input.idempotencyKey === input.idempotencyKey);
  if (at >= 0) queue[at] = entry;
  else queue.push(entry);
  return writeQueue(storage, userId, queue);
}

/** Forget one kept check-in: the server has it, or the person discarded it. */
export function removeFromQueue(storage: Storage, userId: string, idempotencyKey: string): void {
  const queue = readQueue(storage, userId);
  const rest = queue.filter((q) => q.input.idempotencyKey !== idempotencyKey);
  if (rest.length !== queue.length) writeQueue(storage, userId, rest);
}

/** Keep the server's refusal with the check-in, for the person to correct or discard it. */
export function markRefused(
  storage: Storage,
  userId: string,
  idempotencyKey: string,
  refusal: Refusal,
): void {
  const queue = readQueue(storage, userId);
  const entry = queue.find((q) => q.input.idempotencyKey === idempotencyKey);
  if (!entry) return;
  entry.refusal = refusal;
  writeQueue(storage, userId, queue);
}

/** What a failed send means for the kept check-in. */
export function outcomeOfError(error: unknown): Exclude<SendOutcome, { kind: "sent" }> {
  if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429)
    return { kind: "unreachable" };
  if (error.status === 401) return { kind: "signed-out" };
  return { kind: "refused", refusal: { code: error.code, message: error.message, fields: error.fields } };
}

/** Send one check-in and say how it ended (never throws). */
export async function sendOnce(
  input: CheckInInput,
  send: (input: CheckInInput) => Promise<CheckInResult>,
): Promise<SendOutcome> {
  try {
    return { kind: "sent", result: await send(input) };
  } catch (error) {
    return outcomeOfError(error);
  }
}

export interface FlushReport {
  sent: { idempotencyKey: string; result: CheckInResult }[];
  /** Why sending stopped before the end of the queue, if it did. */
  stopped: "unreachable" | "signed-out" | null;
}

/**
 * Send this user's waiting check-ins, oldest first. A sent one leaves the queue; a refused one stays
 * with the server's words and the rest still go; no connection or an ended session stops the round
 * and keeps everything not yet sent. The queue is re-read before each send, so one discarded or
 * sent meanwhile (another tab) is not sent again.
 */
export async function flushQueue(
  storage: Storage,
  userId: string,
  send: (input: CheckInInput) => Promise<CheckInResult>,
): Promise<FlushReport> {
  const report: FlushReport = { sent: [], stopped: null };
  const tried = new Set<string>();
  for (;;) {
    const next = readQueue(storage, userId).find(
      (q) => q.refusal === null && !tried.has(q.input.idempotencyKey),
    );
    if (!next) return report;
    const key = next.input.idempotencyKey;
    tried.add(key);
    const outcome = await sendOnce(next.input, send);
    if (outcome.kind === "sent") {
      removeFromQueue(storage, userId, key);
      report.sent.push({ idempotencyKey: key, result: outcome.result });
    } else if (outcome.kind === "refused") {
      markRefused(storage, userId, key, outcome.refusal);
    } else {
      report.stopped = outcome.kind;
      return report;
    }
  }
}

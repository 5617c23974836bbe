import { describe, expect, it, vi } from "vitest";
import type { CheckInInput } from "../../../../core/check-ins/check-in.schema";
import { ApiError } from "../../../app/api-client";
import { anInput, aResult, MemoryStorage, OTHER_USER_ID, USER_ID } from "./check-in-testing";
import {
  enqueue,
  flushQueue,
  isQueueKey,
  markRefused,
  outcomeOfError,
  readQueue,
  removeFromQueue,
} from "./offline-queue";

const NOW = new Date("2026-11-23T18:05:00.000Z");
const offline = () => new ApiError(0, "NETWORK_ERROR", "Bridgeway could not be reached.");

describe("the check-in queue on the device", () => {
  it("keeps a check-in per user, marked as queued, with its key", () => {
    const storage = new MemoryStorage();
    const input = anInput();
    expect(enqueue(storage, USER_ID, input, NOW)).toBe(true);
    expect(readQueue(storage, USER_ID)).toEqual([
      { input: { ...input, queuedOffline: true }, queuedAt: NOW.toISOString(), refusal: null },
    ]);
    expect(readQueue(storage, OTHER_USER_ID)).toEqual([]);
    expect(isQueueKey(`bridgeway.check-in-queue.${USER_ID}`, USER_ID)).toBe(true);
    expect(isQueueKey(`bridgeway.check-in-queue.${OTHER_USER_ID}`, USER_ID)).toBe(false);
  });

  it("the same key again replaces the kept check-in in its place", () => {
    const storage = new MemoryStorage();
    const first = anInput();
    const second = anInput();
    enqueue(storage, USER_ID, first, NOW);
    enqueue(storage, USER_ID, second, NOW);
    markRefused(storage, USER_ID, first.idempotencyKey, { code: "X", message: "No.", fields: [] });
    enqueue(storage, USER_ID, { ...first, mood: 2 }, NOW);
    const kept = readQueue(storage, USER_ID);
    expect(kept.map((q) => q.input.idempotencyKey)).toEqual([first.idempotencyKey, second.idempotencyKey]);
    expect(kept[0]).toMatchObject({ input: { mood: 2 }, refusal: null });
  });

  it("says so when the device will not keep it, and reads nothing from broken storage", () => {
    expect(enqueue(new MemoryStorage(true), USER_ID, anInput(), NOW)).toBe(false);
    const storage = new MemoryStorage();
    storage.setItem(`bridgeway.check-in-queue.${USER_ID}`, "{not json");
    expect(readQueue(storage, USER_ID)).toEqual([]);
    storage.setItem(
      `bridgeway.check-in-queue.${USER_ID}`,
      JSON.stringify([{ input: { mood: 99 }, queuedAt: "x", refusal: null }]),
    );
    expect(readQueue(storage, USER_ID)).toEqual([]);
  });

  it("forgets a sent or discarded check-in, and the storage entry with the last one", () => {
    const storage = new MemoryStorage();
    const input = anInput();
    enqueue(storage, USER_ID, input, NOW);
    removeFromQueue(storage, USER_ID, input.idempotencyKey);
    expect(readQueue(storage, USER_ID)).toEqual([]);
    expect(storage.length).toBe(0);
  });
});

describe("what a failed send means", () => {
  it.each([
    ["no connection", offline(), { kind: "unreachable" }],
    ["a server failure", new ApiError(503, "UNAVAILABLE", "Down."), { kind: "unreachable" }],
    ["too many requests", new ApiError(429, "RATE_LIMITED", "Slow down."), { kind: "unreachable" }],
    ["something not an API error", new TypeError("boom"), { kind: "unreachable" }],
    ["an ended session", new ApiError(401, "AUTH_REQUIRED", "Sign in."), { kind: "signed-out" }],
    [
      "a refusal",
      new ApiError(400, "CHECK_IN_TOO_OLD", "Too old.", [{ path: "checkedInOn", message: "Too old." }]),
      {
        kind: "refused",
        refusal: {
          code: "CHECK_IN_TOO_OLD",
          message: "Too old.",
          fields: [{ path: "checkedInOn", message: "Too old." }],
        },
      },
    ],
  ])("%s", (_, error, outcome) => {
    expect(outcomeOfError(error)).toEqual(outcome);
  });
});

describe("sending the queue", () => {
  it("sends each waiting check-in once, oldest first, as queued, and empties the queue", async () => {
    const storage = new MemoryStorage();
    const first = anInput();
    const second = anInput();
    enqueue(storage, USER_ID, first, NOW);
    enqueue(storage, USER_ID, second, NOW);
    const send = vi.fn(async (input: CheckInInput) => aResult(input));
    const report = await flushQueue(storage, USER_ID, send);
    expect(send.mock.calls.map(([i]) => [i.idempotencyKey, i.queuedOffline])).toEqual([
      [first.idempotencyKey, true],
      [second.idempotencyKey, true],
    ]);
    expect(report.sent.map((s) => s.idempotencyKey)).toEqual([first.idempotencyKey, second.idempotencyKey]);
    expect(report.stopped).toBeNull();
    expect(readQueue(storage, USER_ID)).toEqual([]);
    expect((await flushQueue(storage, USER_ID, send)).sent).toEqual([]);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("no connection stops the round and keeps everything for the next one, with the same key", async () => {
    const storage = new MemoryStorage();
    const input = anInput();
    enqueue(storage, USER_ID, input, NOW);
    enqueue(storage, USER_ID, anInput(), NOW);
    const send = vi.fn(async () => {
      throw offline();
    });
    expect(await flushQueue(storage, USER_ID, send)).toEqual({ sent: [], stopped: "unreachable" });
    expect(send).toHaveBeenCalledTimes(1);
    expect(readQueue(storage, USER_ID)).toHaveLength(2);

    const retry = vi.fn(async (i: CheckInInput) => aResult(i));
    await flushQueue(storage, USER_ID, retry);
    expect(retry.mock.calls[0]![0].idempotencyKey).toBe(input.idempotencyKey);
  });

  it("an ended session stops the round and keeps the check-ins until they sign in again", async () => {
    const storage = new MemoryStorage();
    enqueue(storage, USER_ID, anInput(), NOW);
    const report = await flushQueue(storage, USER_ID, async () => {
      throw new ApiError(401, "AUTH_REQUIRED", "Sign in.");
    });
    expect(report.stopped).toBe("signed-out");
    expect(readQueue(storage, USER_ID)).toHaveLength(1);
  });

  it("a refused check-in stays with the server's words and is not sent again; the rest still go", async () => {
    const storage = new MemoryStorage();
    const tooOld = anInput({ checkedInOn: "2026-11-01" });
    const fine = anInput();
    enqueue(storage, USER_ID, tooOld, NOW);
    enqueue(storage, USER_ID, fine, NOW);
    const send = vi.fn(async (input: CheckInInput) => {
      if (input.checkedInOn === "2026-11-01")
        throw new ApiError(400, "CHECK_IN_TOO_OLD", "That day is too long ago.");
      return aResult(input);
    });
    const report = await flushQueue(storage, USER_ID, send);
    expect(report.sent.map((s) => s.idempotencyKey)).toEqual([fine.idempotencyKey]);
    expect(readQueue(storage, USER_ID)).toEqual([
      expect.objectContaining({
        input: expect.objectContaining({ idempotencyKey: tooOld.idempotencyKey }),
        refusal: { code: "CHECK_IN_TOO_OLD", message: "That day is too long ago.", fields: [] },
      }),
    ]);
    await flushQueue(storage, USER_ID, send);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("one discarded while the round runs (another tab) is not sent", async () => {
    const storage = new MemoryStorage();
    const first = anInput();
    const second = anInput();
    enqueue(storage, USER_ID, first, NOW);
    enqueue(storage, USER_ID, second, NOW);
    const send = vi.fn(async (input: CheckInInput) => {
      removeFromQueue(storage, USER_ID, second.idempotencyKey);
      return aResult(input);
    });
    await flushQueue(storage, USER_ID, send);
    expect(send.mock.calls.map(([i]) => i.idempotencyKey)).toEqual([first.idempotencyKey]);
  });
});

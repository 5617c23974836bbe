import { describe, expect, it } from "vitest";
import { canDecide, canWithdraw, checkAbsenceRequest, parseSessionId } from "./absence-requests.rules";
import { absenceRequestInputSchema } from "./absence-requests.schema";

const TRACK = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const NOW = new Date("2026-11-24T15:00:00Z");

describe("absence request: which session", () => {
  it("reads a group occurrence and an appointment from the schedule's session ids", () => {
    expect(parseSessionId(`group:${TRACK}:2026-11-26T18:00`)).toEqual({
      kind: "group",
      trackId: TRACK,
      occurrenceKey: "2026-11-26T18:00",
    });
    expect(parseSessionId(`appointment:${TRACK}`)).toEqual({ kind: "appointment", appointmentId: TRACK });
  });

  it.each([
    ["a group session", `group:${TRACK}:2026-11-26T18:00`, true],
    ["an appointment", `appointment:${TRACK}`, true],
    ["anything else", "group:nope", false],
    ["an empty id", "", false],
  ])("the input accepts %s: %s", (_, sessionId, ok) => {
    const parsed = absenceRequestInputSchema.safeParse({ sessionId, reason: "work" });
    expect(parsed.success).toBe(ok);
  });

  it("names the field of a bad reason or a long note", () => {
    const bad = absenceRequestInputSchema.safeParse({
      sessionId: `appointment:${TRACK}`,
      reason: "bored",
      note: "x".repeat(501),
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["reason", "note"]);
  });
});

describe("absence request: when it may be asked", () => {
  it.each([
    ["a session tomorrow", { status: "scheduled", startsAt: "2026-11-25T23:00:00Z" }, null],
    ["a moved session still ahead", { status: "moved", startsAt: "2026-11-24T15:01:00Z" }, null],
    [
      "a session starting now",
      { status: "scheduled", startsAt: "2026-11-24T15:00:00Z" },
      "ABSENCE_REQUEST_SESSION_PAST",
    ],
    [
      "a session yesterday",
      { status: "scheduled", startsAt: "2026-11-23T23:00:00Z" },
      "ABSENCE_REQUEST_SESSION_PAST",
    ],
    [
      "a time that does not exist that day",
      { status: "scheduled", startsAt: null },
      "ABSENCE_REQUEST_SESSION_PAST",
    ],
    [
      "a cancelled session",
      { status: "cancelled", startsAt: "2026-11-25T23:00:00Z" },
      "ABSENCE_REQUEST_SESSION_NOT_FOUND",
    ],
    ["a session not on their schedule", undefined, "ABSENCE_REQUEST_SESSION_NOT_FOUND"],
  ] as const)("%s", (_, session, expected) => {
    expect(checkAbsenceRequest(session, NOW)).toBe(expected);
  });

  it.each([
    ["pending", true, true],
    ["approved", false, true],
    ["declined", false, false],
    ["withdrawn", false, false],
  ] as const)("a %s request: decide %s, withdraw %s", (status, decide, withdraw) => {
    expect(canDecide(status)).toBe(decide);
    expect(canWithdraw(status)).toBe(withdraw);
  });
});

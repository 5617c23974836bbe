import { describe, expect, it } from "vitest";
import {
  attendedForPractice,
  deriveAssignments,
  nextSessionAfter,
  type PracticeSession,
  practiceOpen,
  previousSessionBefore,
  type SessionTiming,
} from "./practice.rules";

/** A Monday and Thursday group at 18:00 New York (23:00 UTC in winter). */
const WEEK: SessionTiming[] = [
  { key: "2026-01-05T18:00", date: "2026-01-05", startsAt: "2026-01-05T23:00:00.000Z", status: "scheduled" },
  { key: "2026-01-08T18:00", date: "2026-01-08", startsAt: "2026-01-08T23:00:00.000Z", status: "cancelled" },
  // Moved from Monday 12th to Wednesday 14th: keeps its key, meets later.
  { key: "2026-01-12T18:00", date: "2026-01-14", startsAt: "2026-01-14T23:00:00.000Z", status: "moved" },
  { key: "2026-01-15T18:00", date: "2026-01-15", startsAt: "2026-01-15T23:00:00.000Z", status: "scheduled" },
  { key: "2026-01-19T18:00", date: "2026-01-19", startsAt: null, status: "scheduled" },
];

describe("attendedForPractice", () => {
  it.each([
    ["present", true],
    ["late", true],
    ["left_early", false],
    ["absent_excused", false],
    ["absent_unexcused", false],
    ["cancelled_by_program", false],
  ])("%s → %s", (status, expected) => {
    expect(attendedForPractice(status)).toBe(expected);
  });
});

describe("nextSessionAfter and previousSessionBefore", () => {
  it.each([
    // key, next, previous
    ["2026-01-05T18:00", "2026-01-12T18:00", null], // the cancelled Thursday is skipped
    ["2026-01-12T18:00", "2026-01-15T18:00", "2026-01-05T18:00"], // moved: its new time counts
    ["2026-01-15T18:00", null, "2026-01-12T18:00"], // a session without a start instant is no session
    ["2026-01-08T18:00", "2026-01-12T18:00", "2026-01-05T18:00"], // from a cancelled one, by its time
    ["2026-01-19T18:00", null, null], // no start instant: nothing before or after
    ["2026-02-02T18:00", null, null], // unknown key
  ])("%s → next %s, previous %s", (key, next, previous) => {
    expect(nextSessionAfter(WEEK, key)?.key ?? null).toBe(next);
    expect(previousSessionBefore(WEEK, key)?.key ?? null).toBe(previous);
  });
});

describe("practiceOpen", () => {
  it.each([
    [null, "2030-01-01T00:00:00Z", true],
    ["2026-01-12T23:00:00.000Z", "2026-01-12T22:59:59Z", true],
    ["2026-01-12T23:00:00.000Z", "2026-01-12T23:00:00Z", false],
    ["2026-01-12T23:00:00.000Z", "2026-01-13T09:00:00Z", false],
  ])("next %s at %s → %s", (next, at, expected) => {
    expect(practiceOpen(next, new Date(at))).toBe(expected);
  });
});

describe("deriveAssignments", () => {
  const session = (key: string, startsAt: string, nextStartsAt: string | null): PracticeSession => ({
    trackId: "t1",
    occurrenceKey: key,
    startsAt,
    moduleKey: `module-${key.slice(8, 10)}`,
    nextStartsAt,
  });
  const older = session("2026-01-05T18:00", "2026-01-05T23:00:00.000Z", "2026-01-14T23:00:00.000Z");
  const newer = session("2026-01-12T18:00", "2026-01-14T23:00:00.000Z", "2026-01-15T23:00:00.000Z");

  it.each([
    [
      "before the next group: the newest is current and open",
      "2026-01-15T12:00:00Z",
      [true, true],
      [false, false],
    ],
    [
      "once the next group starts: nothing current, all closed",
      "2026-01-15T23:00:00Z",
      [false, false],
      [false, false],
    ],
  ])("%s", (_, at, [newestCurrent, newestOpen], [olderCurrent, olderOpen]) => {
    const result = deriveAssignments([older, newer], new Date(at), 10);
    expect(result.map((a) => a.occurrenceKey)).toEqual([newer.occurrenceKey, older.occurrenceKey]);
    expect([result[0]!.current, result[0]!.open]).toEqual([newestCurrent, newestOpen]);
    expect([result[1]!.current, result[1]!.open]).toEqual([olderCurrent, olderOpen]);
  });

  it("keeps practice without a next session open and current, and stops at the limit", () => {
    const last = session("2026-01-15T18:00", "2026-01-15T23:00:00.000Z", null);
    const result = deriveAssignments([older, last, newer], new Date("2026-03-01T00:00:00Z"), 2);
    expect(result.map((a) => [a.occurrenceKey, a.current, a.open])).toEqual([
      ["2026-01-15T18:00", true, true],
      ["2026-01-12T18:00", false, false],
    ]);
  });

  it("has no assignments without attended sessions", () => {
    expect(deriveAssignments([], new Date("2026-01-01T00:00:00Z"), 5)).toEqual([]);
  });
});

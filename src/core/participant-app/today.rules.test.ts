import { describe, expect, it } from "vitest";
import { pickNextSession, videoLinkNow } from "./today.rules";

const session = (id: string, startsAt: string, endsAt: string, change: object = {}) => ({
  id,
  status: "scheduled" as "scheduled" | "moved" | "cancelled",
  startsAt,
  endsAt,
  telehealth: false,
  videoLink: null as string | null,
  ...change,
});

describe("the next session on Today", () => {
  const now = new Date("2026-11-24T18:30:00Z");
  it.each([
    ["nothing scheduled", [], null],
    [
      "the one under way",
      [
        session("a", "2026-11-24T18:00:00Z", "2026-11-24T21:00:00Z"),
        session("b", "2026-11-25T18:00:00Z", "2026-11-25T21:00:00Z"),
      ],
      "a",
    ],
    [
      "skips one that ended",
      [
        session("a", "2026-11-24T15:00:00Z", "2026-11-24T16:00:00Z"),
        session("b", "2026-11-25T18:00:00Z", "2026-11-25T21:00:00Z"),
      ],
      "b",
    ],
    [
      "skips a cancelled one",
      [
        session("a", "2026-11-24T19:00:00Z", "2026-11-24T21:00:00Z", { status: "cancelled" }),
        session("b", "2026-11-25T18:00:00Z", "2026-11-25T21:00:00Z"),
      ],
      "b",
    ],
    [
      "skips a time that does not exist",
      [
        session("a", null as never, null as never),
        session("b", "2026-11-25T18:00:00Z", "2026-11-25T21:00:00Z"),
      ],
      "b",
    ],
    [
      "earliest first whatever the order given",
      [
        session("b", "2026-11-26T18:00:00Z", "2026-11-26T21:00:00Z"),
        session("a", "2026-11-25T18:00:00Z", "2026-11-25T21:00:00Z"),
      ],
      "a",
    ],
  ])("%s", (_, sessions, expected) => {
    expect(pickNextSession(sessions, now)?.id ?? null).toBe(expected);
  });
});

describe("the video link on Today", () => {
  const video = session("v", "2026-11-24T18:00:00Z", "2026-11-24T19:00:00Z", {
    telehealth: true,
    videoLink: "https://video.example.org/room",
  });
  it.each([
    ["an hour before: not yet", "2026-11-24T17:00:00Z", null],
    ["31 minutes before: not yet", "2026-11-24T17:29:00Z", null],
    ["30 minutes before: shown", "2026-11-24T17:30:00Z", "https://video.example.org/room"],
    ["while it runs: shown", "2026-11-24T18:40:00Z", "https://video.example.org/room"],
  ])("%s", (_, at, expected) => {
    expect(videoLinkNow(video, new Date(at))).toBe(expected);
  });

  it("never for a session in a room", () => {
    expect(videoLinkNow({ ...video, telehealth: false }, new Date("2026-11-24T18:00:00Z"))).toBeNull();
  });
});

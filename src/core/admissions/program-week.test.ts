import { describe, expect, it } from "vitest";
import { deriveProgramWeek, type TrackForProgramWeek, UPCOMING_TRACK_DAYS } from "./program-week";

const track = (over: Partial<TrackForProgramWeek>): TrackForProgramWeek => ({
  name: "Evening IOP",
  levelOfCare: "2.1",
  audience: "adult",
  telehealth: false,
  timeZone: "America/Chicago",
  startsOn: "2026-01-05",
  endsOn: null,
  pattern: {
    slots: [
      { weekday: 4, start: "18:00", end: "21:00" },
      { weekday: 1, start: "18:00", end: "21:00" },
      { weekday: 2, start: "18:00", end: "21:00" },
    ],
  },
  ...over,
});

const TODAY = "2026-11-23";

describe("what a week looks like (program page)", () => {
  it("lists a running track's sessions Monday first and adds up its weekly group hours", () => {
    const [week] = deriveProgramWeek([track({})], TODAY);
    expect(week).toEqual({
      name: "Evening IOP",
      levelOfCare: "2.1",
      audience: "adult",
      telehealth: false,
      timeZone: "America/Chicago",
      startsOn: null,
      sessions: [
        { weekday: 1, start: "18:00", end: "21:00" },
        { weekday: 2, start: "18:00", end: "21:00" },
        { weekday: 4, start: "18:00", end: "21:00" },
      ],
      minutesPerWeek: 540,
    });
  });

  it("counts uneven sessions to the minute", () => {
    const [week] = deriveProgramWeek(
      [
        track({
          pattern: {
            slots: [
              { weekday: 3, start: "09:30", end: "12:00" },
              { weekday: 5, start: "13:00", end: "14:15" },
            ],
          },
        }),
      ],
      TODAY,
    );
    expect(week?.minutesPerWeek).toBe(150 + 75);
  });

  it("leaves out ended tracks and tracks without sessions, keeps one ending today", () => {
    const week = deriveProgramWeek(
      [
        track({ name: "Ended", endsOn: "2026-11-22" }),
        track({ name: "Ends today", endsOn: TODAY }),
        track({ name: "No sessions yet", pattern: { slots: [] } }),
      ],
      TODAY,
    );
    expect(week.map((t) => t.name)).toEqual(["Ends today"]);
  });

  it("shows a track starting soon with its start date, and none starting beyond the horizon", () => {
    const soon = "2026-12-07";
    const week = deriveProgramWeek(
      [
        track({ name: "Starts soon", startsOn: soon }),
        track({ name: "Starts at the horizon", startsOn: "2027-01-22" }),
        track({ name: "Starts later", startsOn: "2027-01-23" }),
      ],
      TODAY,
    );
    expect(UPCOMING_TRACK_DAYS).toBe(60);
    expect(week.map((t) => [t.name, t.startsOn])).toEqual([
      ["Starts at the horizon", "2027-01-22"],
      ["Starts soon", soon],
    ]);
  });

  it("orders tracks by their first session of the week, then by name", () => {
    const week = deriveProgramWeek(
      [
        track({
          name: "Tuesday morning",
          pattern: { slots: [{ weekday: 2, start: "09:00", end: "12:00" }] },
        }),
        track({ name: "Monday evening", pattern: { slots: [{ weekday: 1, start: "18:00", end: "21:00" }] } }),
        track({
          name: "B Monday morning",
          pattern: { slots: [{ weekday: 1, start: "09:00", end: "12:00" }] },
        }),
        track({
          name: "A Monday morning",
          pattern: { slots: [{ weekday: 1, start: "09:00", end: "12:00" }] },
        }),
      ],
      TODAY,
    );
    expect(week.map((t) => t.name)).toEqual([
      "A Monday morning",
      "B Monday morning",
      "Monday evening",
      "Tuesday morning",
    ]);
  });
});

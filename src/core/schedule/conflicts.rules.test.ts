import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  type BusyInterval,
  expandAppointmentTimes,
  findConflicts,
  formatShortDate,
  localTimesOf,
  type ProposedSession,
  unavailabilityIntervals,
} from "./conflicts.rules";

const NY = "America/New_York";

/** The instant a local time in New York shows (the earlier one when ambiguous). */
const at = (date: string, time: string, zone = NY) =>
  Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).toInstant().toString();

function expand(
  date: string,
  start: string,
  end: string,
  recurrence: { everyWeeks: number; count?: number; until?: string } | null = null,
  zone = NY,
) {
  return expandAppointmentTimes(zone, { date, start, end, recurrence });
}

function sessionsOf(result: ReturnType<typeof expand>): ProposedSession[] {
  if (!result.ok) throw new Error(`expected sessions, got ${JSON.stringify(result.problems)}`);
  return result.sessions;
}

describe("expanding a booking in the site's zone", () => {
  it("keeps a one-off session's wall time and gives its instants and length", () => {
    expect(sessionsOf(expand("2026-11-24", "10:00", "10:50"))).toEqual([
      {
        date: "2026-11-24",
        start: "10:00",
        end: "10:50",
        startsAt: "2026-11-24T15:00:00.000Z",
        endsAt: "2026-11-24T15:50:00.000Z",
        durationMinutes: 50,
      },
    ]);
  });

  it("keeps 10:00 local across the spring-forward change (New York, 8 March 2026)", () => {
    const sessions = sessionsOf(expand("2026-03-02", "10:00", "11:00", { everyWeeks: 1, count: 3 }));
    expect(sessions.map((s) => [s.date, s.start, s.startsAt, s.durationMinutes])).toEqual([
      ["2026-03-02", "10:00", "2026-03-02T15:00:00.000Z", 60],
      ["2026-03-09", "10:00", "2026-03-09T14:00:00.000Z", 60],
      ["2026-03-16", "10:00", "2026-03-16T14:00:00.000Z", 60],
    ]);
  });

  it("keeps 18:00 local across the fall-back change (New York, 1 November 2026)", () => {
    const sessions = sessionsOf(expand("2026-10-27", "18:00", "19:00", { everyWeeks: 1, count: 2 }));
    expect(sessions.map((s) => [s.date, s.startsAt])).toEqual([
      ["2026-10-27", "2026-10-27T22:00:00.000Z"],
      ["2026-11-03", "2026-11-03T23:00:00.000Z"],
    ]);
  });

  it("counts the real minutes of a session over the fall-back hour, starting at the earlier 01:30", () => {
    const [session] = sessionsOf(expand("2026-11-01", "01:30", "02:30"));
    expect(session).toMatchObject({
      startsAt: "2026-11-01T05:30:00.000Z",
      endsAt: "2026-11-01T07:30:00.000Z",
      durationMinutes: 120,
    });
  });

  it("refuses a start that does not exist on the spring-forward night, naming start", () => {
    expect(expand("2026-03-08", "02:30", "03:30")).toEqual({
      ok: false,
      problems: [
        {
          path: "start",
          message:
            "02:30 does not exist on 2026-03-08 in America/New_York: the clocks go forward from 02:00 to 03:00. Choose another time.",
        },
      ],
    });
  });

  it("names the one date of a weekly series whose time does not exist, and the end when only it is missing", () => {
    const weekly = expand("2026-03-01", "02:15", "03:15", { everyWeeks: 1, count: 3 });
    expect(weekly.ok).toBe(false);
    expect(!weekly.ok && weekly.problems.map((p) => p.path)).toEqual(["start"]);
    expect(!weekly.ok && weekly.problems[0]!.message).toContain("on 2026-03-08");

    const endMissing = expand("2026-03-08", "01:30", "02:30");
    expect(!endMissing.ok && endMissing.problems.map((p) => p.path)).toEqual(["end"]);
  });

  it("refuses an end before or at the start, naming end", () => {
    for (const end of ["09:00", "10:00"]) {
      expect(expand("2026-11-24", "10:00", end)).toEqual({
        ok: false,
        problems: [{ path: "end", message: "The session must end after it starts." }],
      });
    }
  });

  it("repeats every other week until a date, inclusive", () => {
    const sessions = sessionsOf(
      expand("2026-11-03", "09:00", "10:00", { everyWeeks: 2, until: "2026-12-15" }),
    );
    expect(sessions.map((s) => s.date)).toEqual(["2026-11-03", "2026-11-17", "2026-12-01", "2026-12-15"]);
  });

  it("keeps the same UTC instant all year in a zone without DST", () => {
    const sessions = sessionsOf(
      expand("2026-03-02", "10:00", "11:00", { everyWeeks: 4, count: 13 }, "America/Phoenix"),
    );
    expect(sessions).toHaveLength(13);
    expect(new Set(sessions.map((s) => s.startsAt.slice(11)))).toEqual(new Set(["17:00:00.000Z"]));
  });

  it("refuses more than 52 sessions", () => {
    const result = expand("2026-01-05", "10:00", "11:00", { everyWeeks: 1, until: "2027-06-01" });
    expect(!result.ok && result.problems[0]!.path).toBe("recurrence.until");
  });
});

describe("conflicts", () => {
  const TUE = "2026-11-24";
  const proposed = (start: string, end: string, date = TUE): ProposedSession => ({
    date,
    start,
    end,
    startsAt: at(date, start),
    endsAt: at(date, end),
    durationMinutes: 0,
  });
  const busy = (source: BusyInterval["source"], label: string, start: string, end: string, date = TUE) => ({
    source,
    label,
    startsAt: at(date, start),
    endsAt: at(date, end),
  });
  const evening = busy("staff", "Dana Reyes has Adult evening group", "18:00", "21:00");

  it("names the staff member's group and its local time and day", () => {
    expect(findConflicts(NY, [proposed("20:30", "21:30")], [evening])).toEqual([
      {
        field: "staffId",
        source: "staff",
        date: TUE,
        start: "20:30",
        message: "Dana Reyes has Adult evening group 18:00–21:00 on Tue 24 Nov",
        overridable: false,
      },
    ]);
  });

  it("does not count back-to-back sessions (an end equal to the next start) as a conflict", () => {
    expect(findConflicts(NY, [proposed("17:00", "18:00"), proposed("21:00", "22:00")], [evening])).toEqual(
      [],
    );
  });

  it("finds a session inside another and one around it", () => {
    expect(findConflicts(NY, [proposed("19:00", "19:30")], [evening])).toHaveLength(1);
    expect(findConflicts(NY, [proposed("17:00", "22:00")], [evening])).toHaveLength(1);
  });

  it("names the field each kind of clash asks to change, staff first, and only unavailability may be overridden", () => {
    const conflicts = findConflicts(
      NY,
      [proposed("10:00", "11:00")],
      [
        busy("unavailability", "Robin is unavailable (work)", "09:00", "17:00"),
        busy("participant", "Robin has an individual session", "10:30", "11:30"),
        busy("room", "Room 3 is booked for a family session", "09:30", "10:30"),
        busy("staff", "Dana Reyes has an individual session", "10:00", "10:50"),
      ],
    );
    expect(conflicts.map((c) => [c.field, c.overridable, c.message])).toEqual([
      ["staffId", false, "Dana Reyes has an individual session 10:00–10:50 on Tue 24 Nov"],
      ["roomId", false, "Room 3 is booked for a family session 09:30–10:30 on Tue 24 Nov"],
      ["participantId", false, "Robin has an individual session 10:30–11:30 on Tue 24 Nov"],
      ["start", true, "Robin is unavailable (work) 09:00–17:00 on Tue 24 Nov"],
    ]);
  });

  it("lists a clash per session of a weekly booking, in order", () => {
    const sessions = sessionsOf(expand("2026-11-17", "19:00", "20:00", { everyWeeks: 1, count: 3 }));
    const conflicts = findConflicts(NY, sessions, [
      evening,
      busy("staff", "Dana Reyes has Adult evening group", "18:00", "21:00", "2026-11-17"),
    ]);
    expect(conflicts.map((c) => c.date)).toEqual(["2026-11-17", "2026-11-24"]);
  });

  it("compares instants, so a group in another zone clashes at the same moment and shows in the booking's zone", () => {
    const chicago = {
      source: "staff" as const,
      label: "Dana Reyes has Online group",
      startsAt: at(TUE, "17:00", "America/Chicago"),
      endsAt: at(TUE, "18:00", "America/Chicago"),
    };
    expect(findConflicts(NY, [proposed("18:30", "19:30")], [chicago])[0]!.message).toBe(
      "Dana Reyes has Online group 18:00–19:00 on Tue 24 Nov",
    );
  });
});

describe("declared unavailability as busy time", () => {
  it("places a weekly window on the proposed dates with its weekday only", () => {
    const windows = [{ weekday: 2, start: "09:00", end: "17:00", label: "Robin is unavailable (work)" }];
    expect(unavailabilityIntervals(NY, windows, ["2026-11-24", "2026-11-25", "2026-11-24"])).toEqual([
      {
        source: "unavailability",
        label: "Robin is unavailable (work)",
        startsAt: "2026-11-24T14:00:00Z",
        endsAt: "2026-11-24T22:00:00Z",
      },
    ]);
  });

  it("keeps local times across DST: the spring-forward night's 01:00–04:00 lasts two hours", () => {
    const windows = [{ weekday: 7, start: "01:00", end: "04:00", label: "Robin is unavailable (work)" }];
    const [window] = unavailabilityIntervals(NY, windows, ["2026-03-08"]);
    expect(window).toMatchObject({ startsAt: "2026-03-08T06:00:00Z", endsAt: "2026-03-08T08:00:00Z" });
    const [after] = unavailabilityIntervals(NY, windows, ["2026-03-15"]);
    expect(after).toMatchObject({ startsAt: "2026-03-15T05:00:00Z", endsAt: "2026-03-15T08:00:00Z" });
  });
});

describe("words", () => {
  it("formats short dates and local times of instants", () => {
    expect(formatShortDate("2026-11-24")).toBe("Tue 24 Nov");
    expect(formatShortDate("2027-01-03")).toBe("Sun 3 Jan");
    expect(localTimesOf(NY, "2026-11-01T05:30:00.000Z", "2026-11-01T07:30:00.000Z")).toEqual({
      date: "2026-11-01",
      start: "01:30",
      end: "02:30",
      durationMinutes: 120,
    });
  });
});

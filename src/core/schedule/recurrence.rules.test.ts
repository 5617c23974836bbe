import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  checkExceptionAgainstSeries,
  checkLocalTimeExists,
  expandSeries,
  isoWeekdayOf,
  type Occurrence,
  weekOf,
} from "./recurrence.rules";
import { type Series, type SeriesException, seriesSchema } from "./track-pattern.schema";

const FACILITATOR = "8f0e2b6c-3c1d-4e8a-9b7f-2a6d5c4b3a21";

/** Test data, validated by the same schema the app uses. */
const given = {
  series(
    slots: [weekday: number, start: string, end: string][],
    options: { timeZone?: string; startsOn?: string; endsOn?: string | null } = {},
  ): Series {
    return seriesSchema.parse({
      timeZone: options.timeZone ?? "America/New_York",
      startsOn: options.startsOn ?? "2026-01-05",
      endsOn: options.endsOn ?? null,
      pattern: { slots: slots.map(([weekday, start, end]) => ({ weekday, start, end })) },
    });
  },
};

/** "Adult evening: Mon/Tue/Thu 18:00–21:00" in New York. */
const adultEvening = (options: Parameters<typeof given.series>[1] = {}) =>
  given.series(
    [
      [1, "18:00", "21:00"],
      [2, "18:00", "21:00"],
      [4, "18:00", "21:00"],
    ],
    options,
  );

const times = (occurrences: Occurrence[]) =>
  occurrences.map((o) => [o.date, o.start, o.startsAt, o.endsAt, o.durationMinutes]);

describe("an 18:00 series across New York's DST changes", () => {
  it("stays at 18:00 local when the clocks spring forward (2026-03-08): 23:00Z before, 22:00Z after", () => {
    expect(times(expandSeries(adultEvening(), [], "2026-03-02", "2026-03-12"))).toEqual([
      ["2026-03-02", "18:00", "2026-03-02T23:00:00.000Z", "2026-03-03T02:00:00.000Z", 180],
      ["2026-03-03", "18:00", "2026-03-03T23:00:00.000Z", "2026-03-04T02:00:00.000Z", 180],
      ["2026-03-05", "18:00", "2026-03-05T23:00:00.000Z", "2026-03-06T02:00:00.000Z", 180],
      ["2026-03-09", "18:00", "2026-03-09T22:00:00.000Z", "2026-03-10T01:00:00.000Z", 180],
      ["2026-03-10", "18:00", "2026-03-10T22:00:00.000Z", "2026-03-11T01:00:00.000Z", 180],
      ["2026-03-12", "18:00", "2026-03-12T22:00:00.000Z", "2026-03-13T01:00:00.000Z", 180],
    ]);
  });

  it("stays at 18:00 local when the clocks fall back (2026-11-01): 22:00Z before, 23:00Z after", () => {
    expect(times(expandSeries(adultEvening(), [], "2026-10-26", "2026-11-05"))).toEqual([
      ["2026-10-26", "18:00", "2026-10-26T22:00:00.000Z", "2026-10-27T01:00:00.000Z", 180],
      ["2026-10-27", "18:00", "2026-10-27T22:00:00.000Z", "2026-10-28T01:00:00.000Z", 180],
      ["2026-10-29", "18:00", "2026-10-29T22:00:00.000Z", "2026-10-30T01:00:00.000Z", 180],
      ["2026-11-02", "18:00", "2026-11-02T23:00:00.000Z", "2026-11-03T02:00:00.000Z", 180],
      ["2026-11-03", "18:00", "2026-11-03T23:00:00.000Z", "2026-11-04T02:00:00.000Z", 180],
      ["2026-11-05", "18:00", "2026-11-05T23:00:00.000Z", "2026-11-06T02:00:00.000Z", 180],
    ]);
  });

  it("gives every occurrence a key of its original date and slot start", () => {
    expect(expandSeries(adultEvening(), [], "2026-03-02", "2026-03-05").map((o) => o.key)).toEqual([
      "2026-03-02T18:00",
      "2026-03-03T18:00",
      "2026-03-05T18:00",
    ]);
  });
});

describe("a Sunday 01:30–03:30 series across the DST changes: real elapsed minutes", () => {
  const night = given.series([[7, "01:30", "03:30"]]);

  it.each([
    [
      "spring forward: 01:30 EST to 03:30 EDT is 60 minutes",
      "2026-03-01",
      "2026-03-15",
      [
        ["2026-03-01", "01:30", "2026-03-01T06:30:00.000Z", "2026-03-01T08:30:00.000Z", 120],
        ["2026-03-08", "01:30", "2026-03-08T06:30:00.000Z", "2026-03-08T07:30:00.000Z", 60],
        ["2026-03-15", "01:30", "2026-03-15T05:30:00.000Z", "2026-03-15T07:30:00.000Z", 120],
      ],
    ],
    [
      "fall back: 01:30 happens twice and means the first (EDT); to 03:30 EST is 180 minutes",
      "2026-10-25",
      "2026-11-08",
      [
        ["2026-10-25", "01:30", "2026-10-25T05:30:00.000Z", "2026-10-25T07:30:00.000Z", 120],
        ["2026-11-01", "01:30", "2026-11-01T05:30:00.000Z", "2026-11-01T08:30:00.000Z", 180],
        ["2026-11-08", "01:30", "2026-11-08T06:30:00.000Z", "2026-11-08T08:30:00.000Z", 120],
      ],
    ],
  ])("%s", (_title, from, to, expected) => {
    const occurrences = expandSeries(night, [], from, to);
    expect(times(occurrences)).toEqual(expected);
    expect(occurrences.every((o) => o.problem === null)).toBe(true);
  });

  it("ends an 00:30–01:30 session at the first 01:30 on the fall-back night (60 minutes)", () => {
    const lateNight = given.series([[7, "00:30", "01:30"]]);
    expect(times(expandSeries(lateNight, [], "2026-11-01", "2026-11-01"))).toEqual([
      ["2026-11-01", "00:30", "2026-11-01T04:30:00.000Z", "2026-11-01T05:30:00.000Z", 60],
    ]);
  });
});

describe("time zones without DST", () => {
  it.each([
    ["America/Phoenix", [1, "18:00", "21:00"], "2026-03-03T01:00:00.000Z"],
    ["Asia/Tokyo", [1, "09:00", "12:00"], "2026-03-02T00:00:00.000Z"],
  ] as const)("keeps the same UTC time all year in %s", (timeZone, [weekday, start, end], first) => {
    const series = given.series([[weekday, start, end]], { timeZone });
    const year = expandSeries(series, [], "2026-03-02", "2027-03-01");
    expect(year).toHaveLength(53);
    expect(year[0]!.startsAt).toBe(first);
    const utcTimes = new Set(year.map((o) => o.startsAt!.slice(11)));
    expect(utcTimes).toEqual(new Set([first.slice(11)]));
    expect(year.every((o) => o.durationMinutes === 180 && o.start === start)).toBe(true);
  });
});

describe("series dates and range boundaries", () => {
  const dates = (occurrences: Occurrence[]) => occurrences.map((o) => o.date);

  it("stops at the series' end date, inclusive, however wide the range", () => {
    const series = given.series(
      [
        [1, "18:00", "21:00"],
        [4, "18:00", "21:00"],
      ],
      { startsOn: "2026-01-05", endsOn: "2026-01-15" },
    );
    expect(dates(expandSeries(series, [], "2025-12-01", "2026-12-31"))).toEqual([
      "2026-01-05",
      "2026-01-08",
      "2026-01-12",
      "2026-01-15",
    ]);
  });

  it("starts at the first matching weekday on or after a mid-week start date", () => {
    const series = adultEvening({ startsOn: "2026-01-07" });
    expect(dates(expandSeries(series, [], "2026-01-05", "2026-01-13"))).toEqual([
      "2026-01-08",
      "2026-01-12",
      "2026-01-13",
    ]);
  });

  it.each([
    [
      "includes both ends of the range",
      "2026-03-03",
      "2026-03-09",
      ["2026-03-03", "2026-03-05", "2026-03-09"],
    ],
    ["a one-day range on a session day", "2026-03-09", "2026-03-09", ["2026-03-09"]],
    ["a one-day range on a day without a session", "2026-03-11", "2026-03-11", []],
    ["a range that ends before it starts", "2026-03-12", "2026-03-02", []],
    ["a range before the series starts", "2025-12-01", "2026-01-04", []],
  ])("%s", (_title, from, to, expected) => {
    expect(dates(expandSeries(adultEvening(), [], from, to))).toEqual(expected);
  });

  it("orders two sessions a day by start, whatever order the pattern lists them in", () => {
    const series = given.series([
      [4, "18:00", "20:00"],
      [1, "13:00", "15:00"],
      [1, "09:00", "12:00"],
    ]);
    expect(expandSeries(series, [], "2026-03-02", "2026-03-05").map((o) => o.key)).toEqual([
      "2026-03-02T09:00",
      "2026-03-02T13:00",
      "2026-03-05T18:00",
    ]);
  });
});

describe("exceptions", () => {
  const series = adultEvening();
  const thanksgivingWeek = weekOf("2026-11-26");
  const cancelled: SeriesException = {
    kind: "cancelled",
    on: { date: "2026-11-26", start: "18:00" },
    reason: "Thanksgiving",
  };
  const moved: SeriesException = {
    kind: "moved",
    on: { date: "2026-11-24", start: "18:00" },
    reason: "Room booked for a family night",
    movedTo: { date: "2026-11-25", start: "17:00", end: "20:00" },
  };
  const substitute: SeriesException = {
    kind: "substitute",
    on: { date: "2026-11-23", start: "18:00" },
    reason: "Dana on leave",
    facilitatorIds: [FACILITATOR],
  };
  const expand = (
    exceptions: SeriesException[],
    from = thanksgivingWeek.monday,
    to = thanksgivingWeek.sunday,
  ) => expandSeries(series, exceptions, from, to);

  it("cancels a holiday, moves a session and names a substitute, each keeping its key", () => {
    expect(
      expand([cancelled, moved, substitute]).map((o) => [
        o.key,
        o.date,
        o.start,
        o.end,
        o.status,
        o.exception?.kind,
      ]),
    ).toEqual([
      ["2026-11-23T18:00", "2026-11-23", "18:00", "21:00", "scheduled", "substitute"],
      ["2026-11-24T18:00", "2026-11-25", "17:00", "20:00", "moved", "moved"],
      ["2026-11-26T18:00", "2026-11-26", "18:00", "21:00", "cancelled", "cancelled"],
    ]);
  });

  it("times a moved session at its new date and time, and keeps the cancelled one's times for the calendar", () => {
    const [, movedOccurrence, cancelledOccurrence] = expand([cancelled, moved]);
    expect(movedOccurrence).toMatchObject({
      originalDate: "2026-11-24",
      slot: { weekday: 2, start: "18:00", end: "21:00" },
      startsAt: "2026-11-25T22:00:00.000Z",
      endsAt: "2026-11-26T01:00:00.000Z",
      durationMinutes: 180,
    });
    expect(cancelledOccurrence).toMatchObject({ startsAt: "2026-11-26T23:00:00.000Z", exception: cancelled });
  });

  it("leaves every other occurrence of the year untouched", () => {
    const excepted = new Set(["2026-11-23T18:00", "2026-11-24T18:00", "2026-11-26T18:00"]);
    const others = (occurrences: Occurrence[]) => occurrences.filter((o) => !excepted.has(o.key));
    const plain = expandSeries(series, [], "2026-01-01", "2026-12-31");
    const withExceptions = expandSeries(series, [cancelled, moved, substitute], "2026-01-01", "2026-12-31");
    expect(withExceptions).toHaveLength(plain.length);
    expect(others(withExceptions)).toEqual(others(plain));
  });

  it("lists a moved session in the range of the date it moved to, not of its original date", () => {
    const intoTheWeek: SeriesException = {
      kind: "moved",
      on: { date: "2026-11-30", start: "18:00" },
      reason: "Facilitator training on Monday",
      movedTo: { date: "2026-11-29", start: "10:00", end: "13:00" },
    };
    const outOfTheWeek: SeriesException = {
      ...moved,
      movedTo: { date: "2026-12-02", start: "18:00", end: "21:00" },
    };
    expect(expand([intoTheWeek, outOfTheWeek]).map((o) => [o.key, o.date])).toEqual([
      ["2026-11-23T18:00", "2026-11-23"],
      ["2026-11-26T18:00", "2026-11-26"],
      ["2026-11-30T18:00", "2026-11-29"],
    ]);
    expect(
      expand([intoTheWeek, outOfTheWeek], "2026-11-30", "2026-12-06").map((o) => [o.key, o.date]),
    ).toEqual([
      ["2026-12-01T18:00", "2026-12-01"],
      ["2026-11-24T18:00", "2026-12-02"],
      ["2026-12-03T18:00", "2026-12-03"],
    ]);
  });

  it("ignores an exception that names no occurrence of the series", () => {
    const wednesday: SeriesException = { ...cancelled, on: { date: "2026-11-25", start: "18:00" } };
    const movedFromNowhere: SeriesException = { ...moved, on: { date: "2026-11-24", start: "09:00" } };
    expect(expand([wednesday, movedFromNowhere])).toEqual(expand([]));
  });
});

describe("local times that do not exist (spring forward)", () => {
  const flagged = (occurrences: Occurrence[]) =>
    occurrences.map((o) => [o.date, o.problem, o.startsAt, o.durationMinutes]);

  it("flags a 02:30 session on 2026-03-08 instead of shifting it, and times the weeks around it", () => {
    const series = given.series([[7, "02:30", "04:00"]]);
    expect(flagged(expandSeries(series, [], "2026-03-01", "2026-03-15"))).toEqual([
      ["2026-03-01", null, "2026-03-01T07:30:00.000Z", 90],
      ["2026-03-08", "nonexistent_local_time", null, null],
      ["2026-03-15", null, "2026-03-15T06:30:00.000Z", 90],
    ]);
  });

  it("flags a session whose end falls in the gap", () => {
    const series = given.series([[7, "01:00", "02:30"]]);
    expect(flagged(expandSeries(series, [], "2026-03-08", "2026-03-08"))).toEqual([
      ["2026-03-08", "nonexistent_local_time", null, null],
    ]);
  });

  it("clears the flag once staff move the session to a time that exists", () => {
    const series = given.series([[7, "02:30", "04:00"]]);
    const moved: SeriesException = {
      kind: "moved",
      on: { date: "2026-03-08", start: "02:30" },
      reason: "Clocks change",
      movedTo: { date: "2026-03-08", start: "03:30", end: "05:00" },
    };
    expect(expandSeries(series, [moved], "2026-03-08", "2026-03-08")).toMatchObject([
      { key: "2026-03-08T02:30", status: "moved", problem: null, startsAt: "2026-03-08T07:30:00.000Z" },
    ]);
  });

  it.each([
    [
      "America/New_York",
      "2026-03-08",
      "02:30",
      "02:30 does not exist on 2026-03-08 in America/New_York: the clocks go forward from 02:00 to 03:00. Choose another time.",
    ],
    [
      "Europe/London",
      "2026-03-29",
      "01:30",
      "01:30 does not exist on 2026-03-29 in Europe/London: the clocks go forward from 01:00 to 02:00. Choose another time.",
    ],
    [
      "Australia/Lord_Howe",
      "2026-10-04",
      "02:15",
      "02:15 does not exist on 2026-10-04 in Australia/Lord_Howe: the clocks go forward from 02:00 to 02:30. Choose another time.",
    ],
    ["America/New_York", "2026-03-08", "03:00", null],
    ["America/New_York", "2026-03-09", "02:30", null],
    ["America/New_York", "2026-11-01", "01:30", null],
    ["America/Phoenix", "2026-03-08", "02:30", null],
  ])("checkLocalTimeExists(%s, %s, %s) for forms", (zone, date, time, expected) => {
    expect(checkLocalTimeExists(zone, date, time)).toBe(expected);
  });
});

describe("an exception checked against its series", () => {
  const series = adultEvening({ startsOn: "2026-01-05", endsOn: "2026-12-18" });
  const cancel = (date: string, start: string): SeriesException => ({
    kind: "cancelled",
    on: { date, start },
    reason: "Holiday",
  });
  const moveTo = (date: string, start: string, end: string): SeriesException => ({
    kind: "moved",
    on: { date: "2026-03-09", start: "18:00" },
    reason: "Room unavailable",
    movedTo: { date, start, end },
  });

  it.each([
    ["a session of the series", cancel("2026-11-26", "18:00"), []],
    ["a move to a time that exists", moveTo("2026-03-08", "03:00", "06:00"), []],
    [
      "a day without a session",
      cancel("2026-11-25", "18:00"),
      [{ path: "on.start", message: "This track has no session on Wednesday 2026-11-25 at 18:00." }],
    ],
    [
      "a start the slot does not have",
      cancel("2026-11-26", "17:00"),
      [{ path: "on.start", message: "This track has no session on Thursday 2026-11-26 at 17:00." }],
    ],
    [
      "a date after the series ends",
      cancel("2027-01-04", "18:00"),
      [
        {
          path: "on.date",
          message: "The series runs from 2026-01-05 to 2026-12-18; 2027-01-04 is outside it.",
        },
      ],
    ],
    [
      "a move that changes nothing",
      moveTo("2026-03-09", "18:00", "21:00"),
      [{ path: "movedTo.date", message: "Choose another date or time to move the session to." }],
    ],
    [
      "a move into the spring-forward gap",
      moveTo("2026-03-08", "02:30", "05:00"),
      [
        {
          path: "movedTo.start",
          message:
            "02:30 does not exist on 2026-03-08 in America/New_York: the clocks go forward from 02:00 to 03:00. Choose another time.",
        },
      ],
    ],
  ])("%s", (_title, exception, expected) => {
    expect(checkExceptionAgainstSeries(series, exception)).toEqual(expected);
  });
});

describe("ISO weeks", () => {
  it.each([
    ["2026-03-11", { monday: "2026-03-09", sunday: "2026-03-15" }],
    ["2026-03-09", { monday: "2026-03-09", sunday: "2026-03-15" }],
    ["2026-03-15", { monday: "2026-03-09", sunday: "2026-03-15" }],
    ["2027-01-01", { monday: "2026-12-28", sunday: "2027-01-03" }],
  ])("the week of %s runs Monday to Sunday", (date, week) => {
    expect(weekOf(date)).toEqual(week);
  });

  it.each([
    ["2026-03-09", 1],
    ["2026-03-15", 7],
    ["1970-01-01", 4],
    ["1969-12-29", 1],
  ])("%s is ISO weekday %i", (date, weekday) => {
    expect(isoWeekdayOf(date)).toBe(weekday);
  });
});

describe("property: every occurrence is at its pattern's wall time, unless flagged", () => {
  const ZONES = [
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Kathmandu",
    "America/Phoenix",
    "Pacific/Chatham",
  ];
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  // Night times often, so that generated sessions meet DST gaps and overlaps.
  const startMinute = fc.oneof(
    fc.integer({ min: 0, max: 16 }).map((q) => q * 15),
    fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  );
  const rawSlot = fc.record({
    weekday: fc.integer({ min: 1, max: 7 }),
    start: startMinute,
    length: fc.integer({ min: 1, max: 16 }).map((q) => q * 15),
  });
  const slots = fc.array(rawSlot, { minLength: 1, maxLength: 8 }).map((raw) => {
    const kept: { weekday: number; start: number; end: number }[] = [];
    for (const { weekday, start, length } of raw) {
      const end = Math.min(start + length, 23 * 60 + 59);
      if (!kept.some((k) => k.weekday === weekday && k.start < end && start < k.end))
        kept.push({ weekday, start, end });
    }
    return kept.map(
      ({ weekday, start, end }) => [weekday, hhmm(start), hhmm(end)] as [number, string, string],
    );
  });
  const date = fc
    .integer({ min: 0, max: 3 * 365 })
    .map((offset) => Temporal.PlainDate.from("2025-01-01").add({ days: offset }).toString());
  const wall = (instant: string, zone: string) => {
    const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
    return [zoned.toPlainDate().toString(), zoned.toPlainTime().toString({ smallestUnit: "minute" })];
  };

  it("holds for random patterns, zones and ranges", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        slots,
        date,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: -30, max: 30 }),
        (timeZone, pattern, startsOn, days, fromOffset) => {
          const series = given.series(pattern, { timeZone, startsOn });
          const from = Temporal.PlainDate.from(startsOn).add({ days: fromOffset });
          const to = from.add({ days });
          const occurrences = expandSeries(series, [], from.toString(), to.toString());

          let expected = 0;
          for (let d = from; Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) {
            if (d.toString() >= startsOn)
              expected += pattern.filter(([weekday]) => weekday === d.dayOfWeek).length;
          }
          expect(occurrences).toHaveLength(expected);
          expect(new Set(occurrences.map((o) => o.key)).size).toBe(expected);

          for (const o of occurrences) {
            expect([o.start, o.end]).toEqual([o.slot.start, o.slot.end]);
            expect(isoWeekdayOf(o.date)).toBe(o.slot.weekday);
            const startProblem = checkLocalTimeExists(timeZone, o.date, o.start);
            const endProblem = checkLocalTimeExists(timeZone, o.date, o.end);
            if (o.problem !== null) {
              expect(startProblem ?? endProblem).not.toBeNull();
              continue;
            }
            expect([startProblem, endProblem]).toEqual([null, null]);
            expect(wall(o.startsAt, timeZone)).toEqual([o.date, o.start]);
            expect(wall(o.endsAt, timeZone)).toEqual([o.date, o.end]);
            const earliest = Temporal.PlainDateTime.from(`${o.date}T${o.start}`).toZonedDateTime(timeZone, {
              disambiguation: "earlier",
            });
            expect(Date.parse(o.startsAt)).toBe(earliest.epochMilliseconds);
            expect([o.startsAt, o.endsAt]).toEqual(
              [o.startsAt, o.endsAt].map((i) => new Date(i).toISOString()),
            );
            expect(o.durationMinutes).toBe((Date.parse(o.endsAt) - Date.parse(o.startsAt)) / 60_000);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

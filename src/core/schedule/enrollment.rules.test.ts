import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../platform/dates";
import {
  checkAdmitFromWaitlist,
  checkExit,
  checkMove,
  checkPlacement,
  countPlacesTakenOn,
  decidePlacement,
  describeFullTrack,
  type EpisodeFacts,
  findBusiestDateFrom,
  type OpenPlace,
  orderWaitlist,
  planAdmissionJoin,
  type TakenPlace,
  type TrackFacts,
} from "./enrollment.rules";
import { enrollmentExitSchema, enrollmentMoveSchema, enrollmentPlacementSchema } from "./enrollment.schema";

const SITE = "site-a";
const A_TRACK_ID = "0b8f2d8e-3c1a-4f5e-9a7b-2d4c6e8f0a1b";
const evening: TrackFacts = {
  id: "evening",
  name: "Adult evening",
  siteId: SITE,
  audience: "adult",
  startsOn: "2026-01-05",
  endsOn: null,
};
const morning: TrackFacts = { ...evening, id: "morning", name: "Morning dual-diagnosis" };
const teens: TrackFacts = {
  ...evening,
  id: "teens",
  name: "Adolescent after-school",
  audience: "adolescent",
};
const elsewhere: TrackFacts = { ...evening, id: "elsewhere", name: "Uptown evening", siteId: "site-b" };
const closing: TrackFacts = {
  ...evening,
  id: "closing",
  name: "Summer track",
  startsOn: "2026-06-01",
  endsOn: "2026-08-31",
};

const episode: EpisodeFacts = { siteId: SITE, admittedOn: "2026-03-02", dischargedOn: null };

const place = (joinedOn: string, exitedOn: string | null = null): TakenPlace => ({ joinedOn, exitedOn });

describe("places taken on a date", () => {
  const places = [place("2026-03-02"), place("2026-03-02", "2026-03-10"), place("2026-03-16")];

  it.each([
    ["2026-03-01", 0, "before anyone joins"],
    ["2026-03-02", 2, "on the join date"],
    ["2026-03-09", 2, "the day before an exit"],
    ["2026-03-10", 1, "on the exit date the place is free"],
    ["2026-03-15", 1, "the day before a planned join"],
    ["2026-03-16", 2, "a planned join counts from its date"],
  ])("%s: %i taken (%s)", (on, taken) => {
    expect(countPlacesTakenOn(places, on)).toBe(taken);
  });

  it("finds the busiest date from a date, counting joins already planned", () => {
    expect(findBusiestDateFrom(places, "2026-03-10")).toEqual({ on: "2026-03-16", taken: 2 });
    expect(findBusiestDateFrom(places, "2026-03-02")).toEqual({ on: "2026-03-02", taken: 2 });
    expect(findBusiestDateFrom([], "2026-03-02")).toEqual({ on: "2026-03-02", taken: 0 });
  });
});

describe("whether a join gets a place or goes to the waitlist", () => {
  const full = { capacity: 2, places: [place("2026-03-02"), place("2026-03-02")], waiting: 0 };

  it.each([
    ["room on the date", { capacity: 3, places: full.places, waiting: 0 }, "2026-03-05", "enrolled"],
    ["full on the date", full, "2026-03-05", "full"],
    [
      "a place freed by an exit on the date",
      { capacity: 2, places: [place("2026-03-02"), place("2026-03-02", "2026-03-05")], waiting: 0 },
      "2026-03-05",
      "enrolled",
    ],
    [
      "room today, but a planned join fills it later",
      { capacity: 2, places: [place("2026-03-02"), place("2026-03-20")], waiting: 0 },
      "2026-03-05",
      "full",
    ],
    [
      "a place is free but someone is already waiting",
      { capacity: 3, places: full.places, waiting: 1 },
      "2026-03-05",
      "full",
    ],
  ] as const)("%s → %s", (_, load, on, kind) => {
    expect(decidePlacement(load, on).kind).toBe(kind);
  });

  it("admitting from the waitlist needs only a place, whoever else waits", () => {
    const load = { capacity: 3, places: full.places, waiting: 4 };
    expect(decidePlacement(load, "2026-03-05", { fromWaitlist: true })).toEqual({ kind: "enrolled" });
    expect(decidePlacement(full, "2026-03-05", { fromWaitlist: true }).kind).toBe("full");
  });

  it("says why, in words", () => {
    const track = { name: "Adult evening", capacity: 2 };
    const onTheDay = decidePlacement(full, "2026-03-05");
    if (onTheDay.kind !== "full") throw new Error("expected full");
    expect(describeFullTrack(track, "2026-03-05", onTheDay)).toBe(
      "Adult evening is full on 2026-03-05: 2 of 2 places are taken.",
    );
    const later = decidePlacement(
      { capacity: 2, places: [place("2026-03-02"), place("2026-03-20")], waiting: 0 },
      "2026-03-05",
    );
    if (later.kind !== "full") throw new Error("expected full");
    expect(describeFullTrack(track, "2026-03-05", later)).toBe(
      "Adult evening is full from 2026-03-20 (joins already planned): 2 of 2 places are taken.",
    );
    const queued = decidePlacement({ capacity: 3, places: full.places, waiting: 1 }, "2026-03-05");
    if (queued.kind !== "full") throw new Error("expected full");
    expect(describeFullTrack({ name: "Adult evening", capacity: 3 }, "2026-03-05", queued)).toBe(
      "Adult evening has 1 free place from 2026-03-05, but 1 person is already waiting for a place.",
    );
  });
});

/** Random places over about two months from 2026-03-01, and a date among them. */
const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays("2026-03-01", n));
const takenPlace = fc
  .tuple(day, fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }))
  .map(([joinedOn, stay]) => place(joinedOn, stay === null ? null : addDays(joinedOn, stay)));

describe("capacity properties", () => {
  it("the busiest date is the most places taken on any day from the date (checked day by day)", () => {
    fc.assert(
      fc.property(fc.array(takenPlace, { maxLength: 20 }), day, (places, from) => {
        let most = 0;
        for (let d = from; d <= "2026-05-15"; d = addDays(d, 1))
          most = Math.max(most, countPlacesTakenOn(places, d));
        const busiest = findBusiestDateFrom(places, from);
        expect(busiest.taken).toBe(most);
        expect(countPlacesTakenOn(places, busiest.on)).toBe(most);
        expect(busiest.on >= from).toBe(true);
      }),
    );
  });

  it("a join given a place never takes the track over capacity on any later date; a refused one would", () => {
    fc.assert(
      fc.property(
        fc.array(takenPlace, { maxLength: 15 }),
        day,
        fc.integer({ min: 1, max: 8 }),
        (places, on, capacity) => {
          const withNew = [...places, place(on)];
          let most = 0;
          for (let d = on; d <= "2026-05-15"; d = addDays(d, 1))
            most = Math.max(most, countPlacesTakenOn(withNew, d));
          const decision = decidePlacement({ capacity, places, waiting: 0 }, on);
          expect(decision.kind === "enrolled").toBe(most <= capacity);
        },
      ),
    );
  });

  it("nobody jumps the queue: with people waiting, a join waits unless it is admitted from the waitlist", () => {
    fc.assert(
      fc.property(
        fc.array(takenPlace, { maxLength: 10 }),
        day,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 5 }),
        (places, on, capacity, waiting) => {
          const free = capacity - findBusiestDateFrom(places, on).taken;
          expect(decidePlacement({ capacity, places, waiting }, on).kind).toBe(
            free > waiting ? "enrolled" : "full",
          );
          expect(decidePlacement({ capacity, places, waiting }, on, { fromWaitlist: true }).kind).toBe(
            free > 0 ? "enrolled" : "full",
          );
        },
      ),
    );
  });
});

describe("the waitlist's order", () => {
  it("puts the first waitlisted first, whatever order the rows come in", () => {
    const rows = [
      { id: "c", waitlistedAt: "2026-03-04T09:00:00.000Z" },
      { id: "a", waitlistedAt: "2026-03-02T15:30:00.000Z" },
      { id: "b", waitlistedAt: "2026-03-03T08:00:00.000Z" },
    ];
    expect(orderWaitlist(rows).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  it("is the same for any permutation, and ties are broken by id", () => {
    const entry = fc.record({
      id: fc.uuid(),
      waitlistedAt: fc
        .integer({ min: 0, max: 5 })
        .map((h) => new Date(Date.UTC(2026, 2, 2, h)).toISOString()),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 12 }), (entries) => {
        const ordered = orderWaitlist(entries);
        expect(orderWaitlist([...entries].reverse())).toEqual(ordered);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1]!, ordered[i]!];
          expect(a.waitlistedAt < b.waitlistedAt || (a.waitlistedAt === b.waitlistedAt && a.id < b.id)).toBe(
            true,
          );
        }
      }),
    );
  });
});

describe("placing an episode in a track", () => {
  const base = { track: evening, episode, on: "2026-03-09", audience: null, lastExitOn: null };

  it.each([
    ["a track of the site, on a date in the episode", {}, []],
    [
      "another site's track",
      { track: elsewhere },
      [["trackId", "Choose a track at the participant's site."]],
    ],
    [
      "an adolescent track for an episode placed with adults",
      { track: teens, audience: "adult" },
      [["trackId", "Adolescent after-school is for adolescents; choose a track for adults."]],
    ],
    [
      "a date before the admission",
      { on: "2026-03-01" },
      [["joinOn", "The participant was admitted on 2026-03-02; choose a date from then."]],
    ],
    [
      "a date after the discharge",
      { episode: { ...episode, dischargedOn: "2026-05-01" }, on: "2026-05-02" },
      [["joinOn", "The participant was discharged on 2026-05-01; choose a date up to then."]],
    ],
    [
      "a date before they left their last track",
      { lastExitOn: "2026-03-12" },
      [["joinOn", "The participant left their last track on 2026-03-12; choose a date from then."]],
    ],
    [
      "a track that has not started",
      { track: closing },
      [["joinOn", "Summer track starts on 2026-06-01; choose a date from then."]],
    ],
    [
      "a track that has ended",
      { track: closing, on: "2026-09-01" },
      [["joinOn", "Summer track runs until 2026-08-31; choose a date up to then, or another track."]],
    ],
    [
      "a wrong track and a wrong date: both named",
      { track: elsewhere, on: "2026-02-01" },
      [
        ["trackId", "Choose a track at the participant's site."],
        ["joinOn", "The participant was admitted on 2026-03-02; choose a date from then."],
      ],
    ],
  ] as const)("%s", (_, overrides, expected) => {
    const problems = checkPlacement({ ...base, ...overrides });
    expect(problems.map((p) => [p.path, p.message])).toEqual(expected);
  });
});

describe("moving between tracks mid-episode", () => {
  const current: OpenPlace = { status: "enrolled", joinedOn: "2026-03-09", track: evening };
  const base = { current, target: morning, episode, on: "2026-04-06" };

  it.each([
    ["another track of the same site and age group", {}, []],
    [
      "the track they are in",
      { target: evening },
      [["trackId", "The participant is already in Adult evening; choose another track."]],
    ],
    [
      "the track whose waitlist they are on",
      { current: { ...current, status: "waitlisted", joinedOn: null }, target: evening },
      [["trackId", "The participant is already on the waitlist of Adult evening; choose another track."]],
    ],
    [
      "a track at another site",
      { target: elsewhere },
      [["trackId", "Choose a track at the same site as Adult evening."]],
    ],
    [
      "a track for another age group",
      { target: teens },
      [
        [
          "trackId",
          "Adolescent after-school is for adolescents and Adult evening for adults; choose a track for the same age group.",
        ],
      ],
    ],
    [
      "a date before the current join",
      { on: "2026-03-08" },
      [["on", "The participant joined Adult evening on 2026-03-09; the move cannot be earlier."]],
    ],
    [
      "a date after the discharge",
      { episode: { ...episode, dischargedOn: "2026-04-01" } },
      [["on", "The participant was discharged on 2026-04-01; choose a date up to then."]],
    ],
    [
      "a target that has not started by then",
      { target: { ...closing, id: "summer" } },
      [["on", "Summer track starts on 2026-06-01; choose a date from then."]],
    ],
    [
      "off the waitlist on any date in the episode",
      { current: { ...current, status: "waitlisted", joinedOn: null }, on: "2026-03-02" },
      [],
    ],
  ] as const)("%s", (_, overrides, expected) => {
    const problems = checkMove({ ...base, ...overrides });
    expect(problems.map((p) => [p.path, p.message])).toEqual(expected);
  });
});

describe("leaving a track and admitting from the waitlist", () => {
  const current: OpenPlace = { status: "enrolled", joinedOn: "2026-03-09", track: evening };

  it.each([
    ["on the join date", "2026-03-09", []],
    [
      "before the join",
      "2026-03-08",
      [["on", "The participant joined Adult evening on 2026-03-09; they cannot leave before."]],
    ],
  ] as const)("leaving %s", (_, on, expected) => {
    expect(checkExit({ current, episode, on }).map((p) => [p.path, p.message])).toEqual(expected);
  });

  it("takes someone off the waitlist on any date of the episode", () => {
    const waiting: OpenPlace = { status: "waitlisted", joinedOn: null, track: evening };
    expect(checkExit({ current: waiting, episode, on: "2026-03-02" })).toEqual([]);
    expect(checkExit({ current: waiting, episode, on: "2026-03-01" })[0]?.path).toBe("on");
  });

  it("admits from the waitlist on a date the track runs, in the episode", () => {
    const base = { track: evening, episode, on: "2026-03-16", lastExitOn: null };
    expect(checkAdmitFromWaitlist(base)).toEqual([]);
    expect(checkAdmitFromWaitlist({ ...base, on: "2026-02-27" })[0]?.path).toBe("joinOn");
    expect(checkAdmitFromWaitlist({ ...base, track: closing })[0]?.message).toContain("starts on 2026-06-01");
  });
});

describe("an admission's place", () => {
  it("joins on the admission date, or on the track's first day when it starts later", () => {
    expect(planAdmissionJoin(evening, "2026-03-02")).toEqual({ joinOn: "2026-03-02", problem: null });
    expect(planAdmissionJoin(closing, "2026-03-02")).toEqual({ joinOn: "2026-06-01", problem: null });
  });

  it("refuses a track that ended before the admission, naming the track", () => {
    expect(planAdmissionJoin(closing, "2026-09-01")).toEqual({
      joinOn: null,
      problem: { path: "trackId", message: "Summer track ran until 2026-08-31; choose another track." },
    });
  });
});

describe("request bodies", () => {
  it("name the field of a bad date or a missing reason", () => {
    const placement = enrollmentPlacementSchema.safeParse({ trackId: "not-an-id", joinOn: "2026-02-30" });
    expect(placement.success).toBe(false);
    expect(placement.error?.issues.map((i) => i.path.join("."))).toEqual(["trackId", "joinOn"]);
    expect(
      enrollmentPlacementSchema.parse({ trackId: A_TRACK_ID, joinOn: "2026-03-02" }).waitlistIfFull,
    ).toBe(false);
    const move = enrollmentMoveSchema.safeParse({ trackId: A_TRACK_ID, on: "next week" });
    expect(move.error?.issues[0]?.path).toEqual(["on"]);
    const exit = enrollmentExitSchema.safeParse({ on: "2026-03-02", reason: "  " });
    expect(exit.error?.issues[0]).toMatchObject({
      path: ["reason"],
      message: "Say why the participant leaves the track, in a few words.",
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  type Administration,
  computeDue,
  DEFAULT_SCHEDULE,
  type DueMeasure,
  type EpisodeDates,
  type MeasurementSchedule,
  type ScheduleEntry,
  scheduleEntrySchema,
  validateSchedule,
} from "./schedule.rules";

const given = {
  episode: (e: Partial<EpisodeDates> = {}): EpisodeDates => ({
    admittedOn: "2026-03-02",
    dischargedOn: null,
    audience: "adult",
    ...e,
  }),
  given: (instrumentKey: string, ...dates: string[]): Administration[] =>
    dates.map((on) => ({ instrumentKey, on })),
};

/** [key, dueOn, status, reason] per line: what a worklist shows. */
const lines = (due: DueMeasure[]) => due.map((d) => [d.instrumentKey, d.dueOn, d.status, d.reason.at]);

const PHQ9_EVERY_14: MeasurementSchedule = [
  { instrumentKey: "phq9", at: "intake", audience: "any" },
  { instrumentKey: "phq9", at: "every_n_days", n: 14, audience: "any" },
  { instrumentKey: "phq9", at: "discharge", audience: "any" },
];

const BAM_FOLLOW_UP: MeasurementSchedule = [
  { instrumentKey: "bam", at: "discharge", audience: "any" },
  { instrumentKey: "bam", at: "follow_up", days: 30, audience: "any" },
  { instrumentKey: "bam", at: "follow_up", days: 90, audience: "any" },
];

describe("computeDue with the default schedule", () => {
  it("lists every intake questionnaire as due on the day of admission, and the first weekly BAM", () => {
    const due = computeDue(DEFAULT_SCHEDULE, given.episode(), [], "2026-03-02");
    expect(lines(due)).toEqual([
      ["asq", "2026-03-02", "due", "intake"],
      ["audit_c", "2026-03-02", "due", "intake"],
      ["dast10", "2026-03-02", "due", "intake"],
      ["gad7", "2026-03-02", "due", "intake"],
      ["pcl5", "2026-03-02", "due", "intake"],
      ["phq9", "2026-03-02", "due", "intake"],
      ["who5", "2026-03-02", "due", "intake"],
      ["bam", "2026-03-09", "upcoming", "every_n_days"],
    ]);
  });

  it("lists a questionnaire due for two reasons once, at the earlier date, and says why", () => {
    const phq9 = computeDue(DEFAULT_SCHEDULE, given.episode(), [], "2026-03-02").find(
      (d) => d.instrumentKey === "phq9",
    )!;
    expect(phq9.alsoScheduled).toEqual([
      {
        dueOn: "2026-03-16",
        reason: { at: "every_n_days", n: 14, since: "admission", sinceOn: "2026-03-02" },
      },
    ]);
    expect(phq9.explanation).toBe(
      "Due 2026-03-02 for intake (admitted 2026-03-02). Also scheduled: every 14 days, none since admission on 2026-03-02 on 2026-03-16; the earliest is listed.",
    );
  });

  it("two weeks after a complete intake, lists the fortnightly measures and the overdue weekly BAM", () => {
    const intake = ["phq9", "gad7", "pcl5", "who5", "asq", "audit_c", "dast10"].flatMap((k) =>
      given.given(k, "2026-03-02"),
    );
    expect(lines(computeDue(DEFAULT_SCHEDULE, given.episode(), intake, "2026-03-16"))).toEqual([
      ["bam", "2026-03-09", "overdue", "every_n_days"],
      ["gad7", "2026-03-16", "due", "every_n_days"],
      ["phq9", "2026-03-16", "due", "every_n_days"],
      ["who5", "2026-03-16", "due", "every_n_days"],
      ["pcl5", "2026-04-01", "upcoming", "every_n_days"],
    ]);
  });

  it("after discharge lists only the discharge and follow-up measures", () => {
    const due = computeDue(
      DEFAULT_SCHEDULE,
      given.episode({ dischargedOn: "2026-03-20" }),
      given.given("bam", "2026-03-20"),
      "2026-03-25",
    );
    expect(lines(due)).toEqual([
      ["gad7", "2026-03-20", "overdue", "discharge"],
      ["pcl5", "2026-03-20", "overdue", "discharge"],
      ["phq9", "2026-03-20", "overdue", "discharge"],
      ["bam", "2026-04-19", "upcoming", "follow_up"],
    ]);
  });
});

describe("computeDue: repeats", () => {
  it.each([
    ["2026-03-15", "upcoming"],
    ["2026-03-16", "due"],
    ["2026-03-19", "due"],
    ["2026-03-20", "overdue"],
  ])("a fortnightly PHQ-9 given at intake on 2026-03-02 is, on %s, %s", (today, status) => {
    const due = computeDue(PHQ9_EVERY_14, given.episode(), given.given("phq9", "2026-03-02"), today);
    expect(lines(due)).toEqual([["phq9", "2026-03-16", status, "every_n_days"]]);
  });

  it("counts 14 days from the last administration, not from admission", () => {
    const due = computeDue(
      PHQ9_EVERY_14,
      given.episode(),
      given.given("phq9", "2026-03-12", "2026-03-02"),
      "2026-03-20",
    );
    expect(due[0]).toMatchObject({
      dueOn: "2026-03-26",
      reason: { at: "every_n_days", since: "last_administration", sinceOn: "2026-03-12" },
    });
  });

  it.each([
    ["US spring forward (8 March)", "2026-03-01", 14, "2026-03-15"],
    ["EU spring forward (29 March)", "2026-03-20", 14, "2026-04-03"],
    ["US fall back (1 November)", "2026-10-20", 14, "2026-11-03"],
    ["a leap day", "2028-02-20", 14, "2028-03-05"],
  ])("counts calendar days across %s", (_, admittedOn, n, expected) => {
    const schedule: ScheduleEntry[] = [{ instrumentKey: "bam", at: "every_n_days", n, audience: "any" }];
    expect(computeDue(schedule, given.episode({ admittedOn }), [], admittedOn)[0]?.dueOn).toBe(expected);
  });

  it("stops repeating at discharge: a repeat that would fall after the discharge date is not listed", () => {
    const due = computeDue(
      PHQ9_EVERY_14,
      given.episode({ dischargedOn: "2026-03-20" }),
      given.given("phq9", "2026-03-02", "2026-03-16"),
      "2026-03-17",
    );
    expect(lines(due)).toEqual([["phq9", "2026-03-20", "upcoming", "discharge"]]);
  });

  it("on a tie between a repeat and discharge, lists the discharge measure", () => {
    const due = computeDue(
      PHQ9_EVERY_14,
      given.episode({ dischargedOn: "2026-03-16" }),
      given.given("phq9", "2026-03-02"),
      "2026-03-10",
    );
    expect(lines(due)).toEqual([["phq9", "2026-03-16", "upcoming", "discharge"]]);
    expect(due[0]?.alsoScheduled.map((o) => o.reason.at)).toEqual(["every_n_days"]);
  });
});

describe("computeDue: intake and discharge", () => {
  it.each<[string, string, Administration[], unknown[][]]>([
    ["not given, 3 days after admission", "2026-03-05", [], [["phq9", "2026-03-02", "due", "intake"]]],
    ["not given, 4 days after admission", "2026-03-06", [], [["phq9", "2026-03-02", "overdue", "intake"]]],
    [
      "given late, on day 5",
      "2026-03-08",
      given.given("phq9", "2026-03-07"),
      [["phq9", "2026-03-21", "upcoming", "every_n_days"]],
    ],
    [
      "given at screening 2 days before admission",
      "2026-03-02",
      given.given("phq9", "2026-02-28"),
      [["phq9", "2026-03-14", "upcoming", "every_n_days"]],
    ],
    [
      "given in an earlier episode only",
      "2026-03-02",
      given.given("phq9", "2025-12-01"),
      [["phq9", "2026-03-02", "due", "intake"]],
    ],
    [
      "recorded with a date after today (ignored)",
      "2026-03-02",
      given.given("phq9", "2026-03-09"),
      [["phq9", "2026-03-02", "due", "intake"]],
    ],
  ])("intake PHQ-9 %s", (_, today, administrations, expected) => {
    expect(lines(computeDue(PHQ9_EVERY_14, given.episode(), administrations, today))).toEqual(expected);
  });

  it.each<[string, string, string[], unknown[][]]>([
    ["given on the discharge day", "2026-03-20", ["2026-03-02", "2026-03-16", "2026-03-20"], []],
    ["given 3 days before discharge (within grace)", "2026-03-20", ["2026-03-02", "2026-03-17"], []],
    [
      "last given 4 days before discharge",
      "2026-03-20",
      ["2026-03-02", "2026-03-16"],
      [["phq9", "2026-03-20", "due", "discharge"]],
    ],
    [
      "not given, a week after discharge",
      "2026-03-27",
      ["2026-03-02", "2026-03-16"],
      [["phq9", "2026-03-20", "overdue", "discharge"]],
    ],
  ])("discharge PHQ-9 %s", (_, today, dates, expected) => {
    const due = computeDue(
      PHQ9_EVERY_14,
      given.episode({ dischargedOn: "2026-03-20" }),
      given.given("phq9", ...dates),
      today,
    );
    expect(lines(due)).toEqual(expected);
  });

  it("lists a planned discharge as upcoming while the participant is still in care", () => {
    const due = computeDue(
      PHQ9_EVERY_14,
      given.episode({ dischargedOn: "2026-04-10" }),
      given.given("phq9", "2026-03-02", "2026-03-16"),
      "2026-03-18",
    );
    expect(lines(due)).toEqual([["phq9", "2026-03-30", "upcoming", "every_n_days"]]);
    expect(due[0]?.alsoScheduled).toEqual([
      { dueOn: "2026-04-10", reason: { at: "discharge", dischargedOn: "2026-04-10" } },
    ]);
  });
});

describe("computeDue: follow-up after discharge", () => {
  const episode = given.episode({ dischargedOn: "2026-03-20" });

  it.each<[string, string[], unknown[][]]>([
    ["2026-04-15", ["2026-03-20"], [["bam", "2026-04-19", "upcoming", "follow_up"]]],
    ["2026-04-19", ["2026-03-20"], [["bam", "2026-04-19", "due", "follow_up"]]],
    ["2026-04-22", ["2026-03-20"], [["bam", "2026-04-19", "due", "follow_up"]]],
    ["2026-04-23", ["2026-03-20"], [["bam", "2026-04-19", "overdue", "follow_up"]]],
    ["2026-04-20", ["2026-03-20", "2026-04-16"], [["bam", "2026-06-18", "upcoming", "follow_up"]]],
    ["2026-04-20", ["2026-03-20", "2026-04-15"], [["bam", "2026-04-19", "due", "follow_up"]]],
    ["2026-06-18", ["2026-03-20", "2026-06-18"], []],
  ])("on %s with BAM given %j: %j", (today, dates, expected) => {
    expect(lines(computeDue(BAM_FOLLOW_UP, episode, given.given("bam", ...dates), today))).toEqual(expected);
  });

  it("keeps a missed 30-day follow-up listed when the 90-day one comes due, naming both", () => {
    const due = computeDue(BAM_FOLLOW_UP, episode, given.given("bam", "2026-03-20"), "2026-06-18");
    expect(lines(due)).toEqual([["bam", "2026-04-19", "overdue", "follow_up"]]);
    expect(due[0]?.alsoScheduled).toEqual([
      { dueOn: "2026-06-18", reason: { at: "follow_up", days: 90, dischargedOn: "2026-03-20" } },
    ]);
    expect(due[0]?.explanation).toContain("90-day follow-up after discharge on 2026-03-20 on 2026-06-18");
  });

  it("lists no discharge or follow-up measure before a discharge date is set", () => {
    expect(computeDue(BAM_FOLLOW_UP, given.episode(), [], "2026-06-18")).toEqual([]);
  });
});

describe("computeDue: audience and options", () => {
  const schedule: MeasurementSchedule = [
    { instrumentKey: "audit_c", at: "intake", audience: "adult" },
    { instrumentKey: "crafft", at: "intake", audience: "adolescent" },
    { instrumentKey: "asq", at: "intake", audience: "any" },
  ];

  it.each([
    ["adult", ["asq", "audit_c"]],
    ["adolescent", ["asq", "crafft"]],
  ] as const)("gives an %s only the entries for that audience or any", (audience, keys) => {
    const due = computeDue(schedule, given.episode({ audience }), [], "2026-03-02");
    expect(due.map((d) => d.instrumentKey)).toEqual(keys);
  });

  it("with no grace, a measure is overdue the day after its date", () => {
    const due = computeDue(schedule, given.episode(), [], "2026-03-03", { graceDays: 0 });
    expect(due.map((d) => d.status)).toEqual(["overdue", "overdue"]);
  });

  it("refuses a negative grace and a discharge before admission", () => {
    expect(() => computeDue(schedule, given.episode(), [], "2026-03-03", { graceDays: -1 })).toThrow(
      RangeError,
    );
    expect(() =>
      computeDue(schedule, given.episode({ dischargedOn: "2026-03-01" }), [], "2026-03-03"),
    ).toThrow(RangeError);
  });
});

describe("validateSchedule", () => {
  const known = ["phq9", "gad7", "bam", "audit_c", "dast10", "pcl5", "who5", "asq"];

  it("accepts the default schedule", () => {
    expect(validateSchedule(DEFAULT_SCHEDULE, known)).toEqual([]);
  });

  it.each<[string, ScheduleEntry[], { path: string; message: string }[]]>([
    [
      "an unknown questionnaire",
      [{ instrumentKey: "phq10", at: "intake", audience: "any" }],
      [{ path: "0.instrumentKey", message: "“phq10” is not a questionnaire of this program." }],
    ],
    [
      "a repeat of 0 days",
      [{ instrumentKey: "bam", at: "every_n_days", n: 0, audience: "any" }],
      [{ path: "0.n", message: "Enter a whole number of days from 1 to 365." }],
    ],
    [
      "a repeat of 366 days",
      [{ instrumentKey: "bam", at: "every_n_days", n: 366, audience: "any" }],
      [{ path: "0.n", message: "Enter a whole number of days from 1 to 365." }],
    ],
    [
      "a repeat of 1.5 days",
      [{ instrumentKey: "bam", at: "every_n_days", n: 1.5, audience: "any" }],
      [{ path: "0.n", message: "Enter a whole number of days from 1 to 365." }],
    ],
    [
      "a follow-up 0 days after discharge",
      [{ instrumentKey: "bam", at: "follow_up", days: 0, audience: "any" }],
      [{ path: "0.days", message: "Enter a whole number of days from 1 to 365." }],
    ],
    [
      "the same entry twice",
      [
        { instrumentKey: "phq9", at: "intake", audience: "any" },
        { instrumentKey: "phq9", at: "intake", audience: "adult" },
      ],
      [{ path: "1", message: "phq9 at intake is already in the schedule (entry 1)." }],
    ],
    [
      "the same follow-up twice",
      [
        { instrumentKey: "bam", at: "follow_up", days: 30, audience: "any" },
        { instrumentKey: "bam", at: "follow_up", days: 30, audience: "any" },
      ],
      [{ path: "1", message: "bam 30 days after discharge is already in the schedule (entry 1)." }],
    ],
    [
      "two repeat intervals for one questionnaire",
      [
        { instrumentKey: "phq9", at: "every_n_days", n: 14, audience: "any" },
        { instrumentKey: "phq9", at: "every_n_days", n: 28, audience: "adult" },
      ],
      [{ path: "1.n", message: "phq9 already repeats every 14 days (entry 1); keep one interval." }],
    ],
  ])("refuses %s", (_, schedule, problems) => {
    expect(validateSchedule(schedule, known)).toEqual(problems);
  });

  it("allows the same time point once per audience, and follow-ups on different days", () => {
    const schedule: ScheduleEntry[] = [
      { instrumentKey: "phq9", at: "every_n_days", n: 14, audience: "adult" },
      { instrumentKey: "phq9", at: "every_n_days", n: 7, audience: "adolescent" },
      { instrumentKey: "bam", at: "follow_up", days: 30, audience: "any" },
      { instrumentKey: "bam", at: "follow_up", days: 90, audience: "any" },
    ];
    expect(validateSchedule(schedule, known)).toEqual([]);
  });

  it("reads an entry's shape with zod: audience defaults to any, an unknown timing is refused", () => {
    expect(scheduleEntrySchema.parse({ instrumentKey: "bam", at: "every_n_days", n: 7 })).toEqual({
      instrumentKey: "bam",
      at: "every_n_days",
      n: 7,
      audience: "any",
    });
    expect(scheduleEntrySchema.safeParse({ instrumentKey: "bam", at: "weekly" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  type AttendanceException,
  applyExceptions,
  attendanceEditSchema,
  attendanceMarkSchema,
  markAllPresent,
} from "./attendance.schema";

const SESSION = 180;

const problems = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("an attendance mark", () => {
  const schema = attendanceMarkSchema(SESSION);

  it.each([
    ["present, minutes left out: the whole session", { status: "present" }, 180],
    ["present, the whole session given", { status: "present", minutesAttended: 180 }, 180],
    ["late by 20 minutes", { status: "late", minutesAttended: 160 }, 160],
    ["left an hour early", { status: "left_early", minutesAttended: 120 }, 120],
    ["absent (excused), minutes left out", { status: "absent_excused" }, 0],
    ["absent (unexcused), 0 given", { status: "absent_unexcused", minutesAttended: 0 }, 0],
    ["cancelled by the program", { status: "cancelled_by_program" }, 0],
  ])("%s → %s minutes", (_, input, minutes) => {
    const parsed = schema.parse(input);
    expect(parsed.minutesAttended).toBe(minutes);
  });

  it("keeps telehealth and a trimmed note; an empty note is none", () => {
    expect(
      schema.parse({ status: "late", minutesAttended: 170, telehealth: true, note: "  bus was late " }),
    ).toEqual({
      status: "late",
      minutesAttended: 170,
      telehealth: true,
      note: "bus was late",
    });
    expect(schema.parse({ status: "present", note: "   " })).toEqual({
      status: "present",
      minutesAttended: 180,
      telehealth: false,
      note: null,
    });
  });

  it.each([
    [
      "minutes above the session's length",
      { status: "present", minutesAttended: 181 },
      "minutesAttended",
      "Minutes attended cannot be more than the session's 180 minutes.",
    ],
    [
      "late with minutes above the length (one message, not two)",
      { status: "late", minutesAttended: 240 },
      "minutesAttended",
      "Minutes attended cannot be more than the session's 180 minutes.",
    ],
    [
      "negative minutes",
      { status: "late", minutesAttended: -5 },
      "minutesAttended",
      "Minutes attended cannot be negative.",
    ],
    [
      "part of a minute",
      { status: "late", minutesAttended: 90.5 },
      "minutesAttended",
      "Use a whole number of minutes.",
    ],
    [
      "minutes as text",
      { status: "late", minutesAttended: "90" },
      "minutesAttended",
      "Enter the minutes attended as a number.",
    ],
    [
      "present for less than the session",
      { status: "present", minutesAttended: 150 },
      "minutesAttended",
      "Present means the whole session (180 minutes). For fewer minutes, mark them late or left early.",
    ],
    [
      "late for the whole session",
      { status: "late", minutesAttended: 180 },
      "minutesAttended",
      "Late means fewer than the session's 180 minutes. For the whole session, mark them present.",
    ],
    [
      "left early without minutes",
      { status: "left_early" },
      "minutesAttended",
      "Left early means part of the session: enter the minutes attended.",
    ],
    [
      "late with 0 minutes",
      { status: "late", minutesAttended: 0 },
      "minutesAttended",
      "Late means they attended part of the session: enter at least 1 minute, or mark them absent.",
    ],
    [
      "an absence with minutes",
      { status: "absent_unexcused", minutesAttended: 30 },
      "minutesAttended",
      "An absence has no minutes attended: enter 0, or mark them late or left early.",
    ],
    [
      "a cancelled session with minutes",
      { status: "cancelled_by_program", minutesAttended: 30 },
      "minutesAttended",
      "A session the program cancelled has no minutes attended.",
    ],
    [
      "an absence by telehealth",
      { status: "absent_excused", telehealth: true },
      "telehealth",
      "Telehealth applies only when they attended.",
    ],
    [
      "an unknown status",
      { status: "no_show" },
      "status",
      "Choose present, late, left early, absent (excused), absent (unexcused) or cancelled by the program.",
    ],
    ["a note too long", { status: "present", note: "x".repeat(501) }, "note", "Use at most 500 characters."],
  ])("refuses %s, on its field", (_, input, path, message) => {
    expect(problems(schema, input)).toEqual([{ path, message }]);
  });

  it("names the session's own length in the limit", () => {
    expect(problems(attendanceMarkSchema(90), { status: "present", minutesAttended: 120 })).toEqual([
      { path: "minutesAttended", message: "Minutes attended cannot be more than the session's 90 minutes." },
    ]);
  });

  it.each([0, -60, 90.5, 1441])("refuses a session length of %s minutes as a caller's mistake", (minutes) => {
    expect(() => attendanceMarkSchema(minutes)).toThrow(RangeError);
  });
});

describe("an edit after the fact", () => {
  const schema = attendanceEditSchema(SESSION);

  it("needs a reason", () => {
    expect(problems(schema, { status: "absent_excused" })).toEqual([
      { path: "reason", message: "Say why the attendance is being changed." },
    ]);
    expect(problems(schema, { status: "absent_excused", reason: "  " })).toEqual([
      { path: "reason", message: "Say why the attendance is being changed." },
    ]);
  });

  it("keeps the reason with the complete new mark", () => {
    expect(schema.parse({ status: "absent_excused", reason: " Doctor's note arrived on Friday. " })).toEqual({
      status: "absent_excused",
      minutesAttended: 0,
      telehealth: false,
      note: null,
      reason: "Doctor's note arrived on Friday.",
    });
  });

  it("follows the same rules as a first mark", () => {
    expect(problems(schema, { status: "late", minutesAttended: 200 })).toEqual([
      { path: "minutesAttended", message: "Minutes attended cannot be more than the session's 180 minutes." },
      { path: "reason", message: "Say why the attendance is being changed." },
    ]);
  });
});

describe("mark all present, then the exceptions", () => {
  const roster = [
    { participantId: "ana" },
    { participantId: "ben", telehealth: true },
    { participantId: "cy" },
  ];
  const all = markAllPresent(roster, SESSION);

  it("marks everyone present for the whole session, by video when the roster says so", () => {
    expect(all).toEqual([
      {
        participantId: "ana",
        mark: { status: "present", minutesAttended: 180, telehealth: false, note: null },
      },
      {
        participantId: "ben",
        mark: { status: "present", minutesAttended: 180, telehealth: true, note: null },
      },
      {
        participantId: "cy",
        mark: { status: "present", minutesAttended: 180, telehealth: false, note: null },
      },
    ]);
  });

  it("refuses a roster naming someone twice", () => {
    expect(() => markAllPresent([{ participantId: "ana" }, { participantId: "ana" }], SESSION)).toThrow(
      "Participant ana is on the roster twice.",
    );
  });

  it("replaces only the exceptions' marks; telehealth carries over when attended, is off when absent", () => {
    const result = applyExceptions(
      all,
      [
        { participantId: "ben", status: "late", minutesAttended: 150 },
        { participantId: "cy", status: "absent_unexcused" },
      ],
      SESSION,
    );
    expect(result).toEqual({
      ok: true,
      marks: [
        all[0],
        {
          participantId: "ben",
          mark: { status: "late", minutesAttended: 150, telehealth: true, note: null },
        },
        {
          participantId: "cy",
          mark: { status: "absent_unexcused", minutesAttended: 0, telehealth: false, note: null },
        },
      ],
    });
  });

  it("turns an absence on a telehealth roster entry into a plain absence", () => {
    const result = applyExceptions(all, [{ participantId: "ben", status: "absent_excused" }], SESSION);
    expect(result.ok && result.marks[1]?.mark).toEqual({
      status: "absent_excused",
      minutesAttended: 0,
      telehealth: false,
      note: null,
    });
  });

  it.each<[string, AttendanceException[], { path: string; message: string }[]]>([
    [
      "minutes above the length",
      [
        { participantId: "ana", status: "late", minutesAttended: 120 },
        { participantId: "cy", status: "left_early", minutesAttended: 200 },
      ],
      [
        {
          path: "1.minutesAttended",
          message: "Minutes attended cannot be more than the session's 180 minutes.",
        },
      ],
    ],
    [
      "someone not on the roster",
      [{ participantId: "dee", status: "absent_unexcused" }],
      [{ path: "0.participantId", message: "This participant is not on the session's roster." }],
    ],
    [
      "two exceptions for one participant",
      [
        { participantId: "ana", status: "absent_unexcused" },
        { participantId: "ana", status: "absent_excused" },
      ],
      [{ path: "1.participantId", message: "This participant has two exceptions: keep one." }],
    ],
  ])("changes nothing when an exception is wrong: %s", (_, exceptions, expected) => {
    expect(applyExceptions(all, exceptions, SESSION)).toEqual({ ok: false, problems: expected });
  });
});

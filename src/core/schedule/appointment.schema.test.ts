import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  appointmentBookingSchema,
  appointmentCancelSchema,
  appointmentMoveSchema,
  checkAppointmentAttendance,
  occurrenceCount,
} from "./appointment.schema";
import { unavailabilityInputSchema } from "./unavailability.schema";

const PARTICIPANT = "5b0e2b6c-3c1d-4e8a-9b7f-2a6d5c4b3a21";
const STAFF = "6c0e2b6c-3c1d-4e8a-9b7f-2a6d5c4b3a22";
const ROOM = "7d0e2b6c-3c1d-4e8a-9b7f-2a6d5c4b3a23";
const FAMILY_USER = "8e0e2b6c-3c1d-4e8a-9b7f-2a6d5c4b3a24";

const problems = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
};
const paths = (schema: z.ZodType, value: unknown) => problems(schema, value).map((p) => p.path);

const booking = (overrides: Record<string, unknown> = {}) => ({
  participantId: PARTICIPANT,
  kind: "individual",
  staffId: STAFF,
  roomId: ROOM,
  date: "2026-11-24",
  start: "10:00",
  end: "10:50",
  ...overrides,
});

describe("booking an individual or family session", () => {
  it("accepts a one-off individual session in a room, with defaults filled in", () => {
    expect(appointmentBookingSchema.parse(booking())).toEqual({
      ...booking(),
      location: "",
      telehealth: false,
      recurrence: null,
      familyAttendees: [],
      allowUnavailability: false,
    });
  });

  it("refuses an end before the start, naming end", () => {
    expect(problems(appointmentBookingSchema, booking({ end: "09:00" }))).toEqual([
      { path: "end", message: "The session must end after it starts." },
    ]);
  });

  it("needs at least one family member for a family session, and none for an individual one", () => {
    expect(paths(appointmentBookingSchema, booking({ kind: "family" }))).toEqual(["familyAttendees"]);
    const mother = { name: "Maria Lopez", relationship: "mother" };
    expect(paths(appointmentBookingSchema, booking({ kind: "family", familyAttendees: [mother] }))).toEqual(
      [],
    );
    expect(paths(appointmentBookingSchema, booking({ familyAttendees: [mother] }))).toEqual([
      "familyAttendees",
    ]);
    const twice = { userId: FAMILY_USER, name: "Sam", relationship: "partner" };
    expect(
      paths(appointmentBookingSchema, booking({ kind: "family", familyAttendees: [twice, twice] })),
    ).toEqual(["familyAttendees.1.userId"]);
    expect(
      paths(appointmentBookingSchema, booking({ kind: "family", familyAttendees: [{ name: "" }] })),
    ).toEqual(["familyAttendees.0.name", "familyAttendees.0.relationship"]);
  });

  it("needs a video link for telehealth, and a room or a place otherwise", () => {
    expect(paths(appointmentBookingSchema, booking({ roomId: null, telehealth: true }))).toEqual([
      "location",
    ]);
    expect(
      paths(
        appointmentBookingSchema,
        booking({ roomId: null, telehealth: true, location: "https://video.example.org/r/42" }),
      ),
    ).toEqual([]);
    expect(paths(appointmentBookingSchema, booking({ roomId: null }))).toEqual(["roomId"]);
    expect(paths(appointmentBookingSchema, booking({ roomId: null, location: "Community center" }))).toEqual(
      [],
    );
  });

  it("repeats every 1 to 4 weeks, by count or until a date, never both, at most 52 sessions", () => {
    const with_ = (recurrence: unknown) => paths(appointmentBookingSchema, booking({ recurrence }));
    expect(with_({ everyWeeks: 1, count: 8 })).toEqual([]);
    expect(with_({ everyWeeks: 2, until: "2027-03-02" })).toEqual([]);
    expect(with_({ everyWeeks: 5, count: 8 })).toEqual(["recurrence.everyWeeks"]);
    expect(with_({ everyWeeks: 1, count: 53 })).toEqual(["recurrence.count"]);
    expect(with_({ everyWeeks: 1 })).toEqual(["recurrence.count"]);
    expect(with_({ everyWeeks: 1, count: 3, until: "2026-12-31" })).toEqual(["recurrence.count"]);
    expect(with_({ everyWeeks: 1, until: "2026-11-24" })).toEqual(["recurrence.until"]);
    expect(with_({ everyWeeks: 1, until: "2027-11-30" })).toEqual(["recurrence.until"]);
    expect(occurrenceCount("2026-11-24", { everyWeeks: 1, until: "2027-11-16" })).toBe(52);
  });

  it("moves to a date and times with the end after the start, and cancels with a reason", () => {
    expect(paths(appointmentMoveSchema, { date: "2026-11-25", start: "11:00", end: "10:00" })).toEqual([
      "end",
    ]);
    expect(appointmentCancelSchema.parse({ reason: "Participant is ill" })).toEqual({
      reason: "Participant is ill",
      scope: "one",
    });
    expect(paths(appointmentCancelSchema, { reason: "", scope: "all" })).toEqual(["reason", "scope"]);
  });
});

describe("attendance at an appointment", () => {
  it("refuses more minutes than the session's length, naming minutesAttended", () => {
    const check = checkAppointmentAttendance({ status: "late", minutesAttended: 55 }, 50, null);
    expect(check).toEqual({
      ok: false,
      problems: [
        {
          path: "minutesAttended",
          message: "Minutes attended cannot be more than the session's 50 minutes.",
        },
      ],
    });
  });

  it("takes present as the whole session, and an edit after the first recording needs a reason", () => {
    expect(checkAppointmentAttendance({ status: "present" }, 50, null)).toEqual({
      ok: true,
      mark: { status: "present", minutesAttended: 50 },
      edit: false,
      changed: true,
    });
    const saved = { status: "present" as const, minutesAttended: 50 };
    expect(checkAppointmentAttendance({ status: "present" }, 50, saved)).toMatchObject({
      ok: true,
      changed: false,
    });
    const noReason = checkAppointmentAttendance({ status: "left_early", minutesAttended: 30 }, 50, saved);
    expect(!noReason.ok && noReason.problems.map((p) => p.path)).toEqual(["reason"]);
    expect(
      checkAppointmentAttendance(
        { status: "left_early", minutesAttended: 30, reason: "Left for a family emergency" },
        50,
        saved,
      ),
    ).toEqual({ ok: true, mark: { status: "left_early", minutesAttended: 30 }, edit: true, changed: true });
  });
});

describe("declared unavailability", () => {
  it("is a weekday and a window in local time with a reason from the list", () => {
    expect(
      unavailabilityInputSchema.parse({ weekday: 2, start: "09:00", end: "17:00", reason: "work" }),
    ).toEqual({ weekday: 2, start: "09:00", end: "17:00", reason: "work", note: "" });
    expect(
      paths(unavailabilityInputSchema, { weekday: 8, start: "9:00", end: "17:00", reason: "gym" }),
    ).toEqual(["weekday", "start", "reason"]);
    expect(
      problems(unavailabilityInputSchema, { weekday: 1, start: "22:00", end: "06:00", reason: "work" }),
    ).toEqual([
      { path: "end", message: "The time must end after it starts (split a night shift at midnight)." },
    ]);
  });
});

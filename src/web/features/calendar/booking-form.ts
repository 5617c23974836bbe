import type { TFunction } from "i18next";
import {
  type AppointmentBookingInput,
  appointmentBookingSchema,
  appointmentMoveSchema,
  MAX_APPOINTMENT_OCCURRENCES,
  MAX_FAMILY_ATTENDEES,
  type ScheduleConflictView,
} from "../../../core/schedule/appointment.schema";
import type { LinkedFamilyMember } from "../../../core/schedule/linked-family.schema";
import { ApiError } from "../../app/api-client";
import { formatDay, formatTime } from "../schedule/schedule-format";

/**
 * The booking form and the move form: values as the inputs hold them, the request the API takes,
 * and each problem as a message on its field. The rules are the server's schemas
 * (`appointmentBookingSchema`, `appointmentMoveSchema`); only the words are ours. A 409 lists each
 * clash with the field to change; those are kept apart, to be shown under that field.
 */

export type Place = "room" | "video" | "other";
export type Repeat = "none" | "1" | "2" | "3" | "4";

export interface NamedAttendee {
  name: string;
  relationship: string;
}

export interface BookingValues {
  participantId: string;
  kind: "individual" | "family";
  /** Family members with an account linked to the participant, ticked to attend. */
  linkedIds: string[];
  /** Family members named by hand. */
  named: NamedAttendee[];
  staffId: string;
  place: Place;
  roomId: string;
  videoLink: string;
  placeText: string;
  date: string;
  start: string;
  end: string;
  repeat: Repeat;
  repeatEnd: "count" | "until";
  count: number | string;
  until: string;
}

export type FormErrors = Record<string, string>;

export function emptyBooking(change: Partial<BookingValues> = {}): BookingValues {
  return {
    participantId: "",
    kind: "individual",
    linkedIds: [],
    named: [],
    staffId: "",
    place: "room",
    roomId: "",
    videoLink: "",
    placeText: "",
    date: "",
    start: "09:00",
    end: "10:00",
    repeat: "none",
    repeatEnd: "count",
    count: 6,
    until: "",
    ...change,
  };
}

/** The form's values as the request body (before the schema checks them). */
export function bookingOf(
  values: BookingValues,
  linked: readonly LinkedFamilyMember[],
  allowUnavailability = false,
): AppointmentBookingInput {
  const family = values.kind === "family";
  const ticked = family ? linked.filter((m) => values.linkedIds.includes(m.userId)) : [];
  const named = family ? values.named : [];
  const everyWeeks = Number(values.repeat);
  return {
    participantId: values.participantId,
    kind: values.kind,
    staffId: values.staffId,
    roomId: values.place === "room" && values.roomId !== "" ? values.roomId : null,
    location:
      values.place === "video" ? values.videoLink.trim() : values.place === "other" ? values.placeText : "",
    telehealth: values.place === "video",
    date: values.date,
    start: values.start,
    end: values.end,
    recurrence:
      values.repeat === "none"
        ? null
        : values.repeatEnd === "count"
          ? { everyWeeks, count: values.count === "" ? Number.NaN : Number(values.count) }
          : { everyWeeks, until: values.until },
    familyAttendees: [
      ...ticked.map((m) => ({ userId: m.userId, name: m.name, relationship: m.relationship })),
      ...named.map((a) => ({ userId: null, name: a.name, relationship: a.relationship })),
    ],
    allowUnavailability,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form field that shows a problem at the request's `path`. */
export function bookingField(path: string, values: BookingValues, linkedCount: number): string {
  const parts = path.split(".");
  const [head] = parts;
  if (head === "location") return values.place === "video" ? "videoLink" : "placeText";
  if (head === "roomId") return values.place === "other" ? "placeText" : "roomId";
  if (head === "telehealth") return "place";
  if (head === "recurrence") {
    if (parts[1] === "until") return "until";
    if (parts[1] === "everyWeeks") return "repeat";
    return values.repeatEnd === "until" ? "until" : "count";
  }
  if (head === "familyAttendees") {
    const index = parts[1] === undefined ? Number.NaN : Number(parts[1]);
    if (Number.isNaN(index)) return "familyAttendees";
    if (index < linkedCount) return "linkedIds";
    return parts[2] === "relationship"
      ? `named.${index - linkedCount}.relationship`
      : `named.${index - linkedCount}.name`;
  }
  return head ?? "";
}

/** Our words for a problem the schema found on a form field. */
function bookingMessage(field: string, values: BookingValues, t: TFunction): string {
  if (field === "participantId") return t("book.errors.participant");
  if (field === "staffId") return t("book.errors.staff");
  if (field === "roomId") return t("book.errors.room");
  if (field === "videoLink") return t("book.errors.videoLink");
  if (field === "placeText")
    return values.placeText.trim() === "" ? t("book.errors.place") : t("book.errors.placeTooLong");
  if (field === "date") return t("book.errors.date");
  if (field === "start") return t("book.errors.time");
  if (field === "end")
    return TIME.test(values.end) && TIME.test(values.start)
      ? t("book.errors.endBeforeStart")
      : t("book.errors.time");
  if (field === "count") return t("book.errors.count", { max: MAX_APPOINTMENT_OCCURRENCES });
  if (field === "until") {
    if (!DATE.test(values.until)) return t("book.errors.until");
    return values.until <= values.date
      ? t("book.errors.untilBeforeDate")
      : t("book.errors.tooMany", { max: MAX_APPOINTMENT_OCCURRENCES });
  }
  if (field === "familyAttendees")
    return values.kind === "family"
      ? t("book.errors.familyNeeded")
      : t("book.errors.familyTooMany", { max: MAX_FAMILY_ATTENDEES });
  if (field.endsWith(".relationship")) return t("book.errors.relationship");
  if (field.endsWith(".name")) return t("book.errors.familyName");
  return t("book.errors.generic");
}

/** Check the form with the server's schema; one message per field, in the reader's language. */
export function validateBooking(
  values: BookingValues,
  linked: readonly LinkedFamilyMember[],
  t: TFunction,
): FormErrors {
  const parsed = appointmentBookingSchema.safeParse(bookingOf(values, linked));
  const errors: FormErrors = {};
  if (!parsed.success) {
    const linkedCount = linked.filter((m) => values.linkedIds.includes(m.userId)).length;
    for (const issue of parsed.error.issues) {
      const field = bookingField(issue.path.map(String).join("."), values, linkedCount);
      if (field === "" || errors[field]) continue;
      errors[field] = bookingMessage(field, values, t);
    }
  }
  if (values.repeat !== "none" && values.repeatEnd === "count" && !errors.count) {
    const count = Number(values.count);
    if (values.count === "" || !Number.isInteger(count) || count < 2 || count > MAX_APPOINTMENT_OCCURRENCES)
      errors.count = bookingMessage("count", values, t);
  }
  return errors;
}

/** Check a move (the move form) with the server's schema. */
export function validateMove(values: { date: string; start: string; end: string }, t: TFunction): FormErrors {
  const parsed = appointmentMoveSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field === "" || errors[field]) continue;
    errors[field] = bookingMessage(field, { ...emptyBooking(), ...values }, t);
  }
  return errors;
}

const MISSING_TIME =
  /^(\d{2}:\d{2}) does not exist on (\d{4}-\d{2}-\d{2}) in [^:]+: the clocks go forward(?: from (\d{2}:\d{2}) to (\d{2}:\d{2}))?/;

/**
 * A field problem the server found, in the reader's language where we know it: a local time that
 * does not exist that day (the clocks go forward) is said in our words; anything else as written.
 */
export function serverFieldMessage(message: string, t: TFunction, language: string): string {
  const missing = MISSING_TIME.exec(message);
  if (!missing) return message;
  const [, time, date, from, to] = missing;
  const values = { time: formatTime(time!, language), date: formatDay(date!, language) };
  return from && to
    ? t("book.errors.timeMissingGap", {
        ...values,
        from: formatTime(from, language),
        to: formatTime(to, language),
      })
    : t("book.errors.timeMissing", values);
}

/** The clashes of a 409 SCHEDULE_CONFLICT (none for any other error). */
export function conflictsOf(error: unknown): ScheduleConflictView[] {
  if (!(error instanceof ApiError) || error.code !== "SCHEDULE_CONFLICT") return [];
  const list = error.detail.conflicts;
  return Array.isArray(list) ? (list as ScheduleConflictView[]) : [];
}

/** Only the participant's declared unavailability clashes: staff may book over it after confirming. */
export const onlyUnavailability = (conflicts: readonly ScheduleConflictView[]) =>
  conflicts.length > 0 && conflicts.every((c) => c.overridable);

/**
 * The server's field problems of a 400, each on the form field that shows it; those the form has no
 * field for come back in `rest`.
 */
export function serverBookingErrors(
  error: unknown,
  values: BookingValues,
  linkedCount: number,
  t: TFunction,
  language: string,
): { fields: FormErrors; rest: string[] } {
  const fields: FormErrors = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError) || error.code === "SCHEDULE_CONFLICT") return { fields, rest };
  const known = new Set([
    "participantId",
    "staffId",
    "roomId",
    "videoLink",
    "placeText",
    "place",
    "date",
    "start",
    "end",
    "count",
    "until",
    "repeat",
    "familyAttendees",
    "linkedIds",
  ]);
  for (const problem of error.fields) {
    const field = bookingField(problem.path, values, linkedCount);
    const message = serverFieldMessage(problem.message, t, language);
    if (known.has(field) || field.startsWith("named.")) fields[field] ??= message;
    else rest.push(message);
  }
  return { fields, rest };
}

/** The one-line words for a clash: "Tue, Nov 24, 6:00 PM: Dana Reyes has Adult evening group…". */
export function conflictText(conflict: ScheduleConflictView, withDate: boolean, language: string): string {
  if (!withDate) return conflict.message;
  return `${formatDay(conflict.date, language, "short")}, ${formatTime(conflict.start, language)}: ${conflict.message}`;
}

import type { TFunction } from "i18next";
import { MAX_SLOTS_PER_WEEK, seriesExceptionSchema } from "../../../core/schedule/track-pattern.schema";
import { type Track, type TrackUpdate, trackUpdateSchema } from "../../../core/schedule/tracks.schema";
import { ApiError } from "../../app/api-client";
import { formatTimeRange, weekdayName } from "./schedule-format";

/**
 * The track edit form and the exception form: values as the inputs hold them, the request the API
 * takes, and each problem as a message on its field. The rules are the server's schemas
 * (`trackUpdateSchema`, `seriesExceptionSchema`); only the words are ours.
 */

export interface SlotValues {
  weekday: string;
  start: string;
  end: string;
}

export interface TrackFormValues {
  slots: SlotValues[];
  location: string;
  telehealth: boolean;
  capacity: number | string;
  startsOn: string;
  endsOn: string;
  facilitatorIds: string[];
}

export type FormErrors = Record<string, string>;

export function trackFormValues(track: Track): TrackFormValues {
  return {
    slots: track.pattern.slots.map((s) => ({ weekday: String(s.weekday), start: s.start, end: s.end })),
    location: track.location,
    telehealth: track.telehealth,
    capacity: track.capacity,
    startsOn: track.startsOn,
    endsOn: track.endsOn ?? "",
    facilitatorIds: track.facilitators.map((f) => f.id),
  };
}

/** The form's values as the request body (before the schema checks them). */
export function trackUpdateOf(values: TrackFormValues) {
  return {
    pattern: {
      slots: values.slots.map((s) => ({ weekday: Number(s.weekday), start: s.start, end: s.end })),
    },
    location: values.location,
    telehealth: values.telehealth,
    capacity: typeof values.capacity === "number" ? values.capacity : Number(values.capacity || Number.NaN),
    startsOn: values.startsOn,
    endsOn: values.endsOn.trim() === "" ? null : values.endsOn,
    facilitatorIds: values.facilitatorIds,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The earlier slot that `index` overlaps (same day, each starting before the other ends). */
function overlapped(slots: readonly SlotValues[], index: number): SlotValues | undefined {
  const slot = slots[index]!;
  const wellFormed = (s: SlotValues) => TIME.test(s.start) && TIME.test(s.end) && s.start < s.end;
  if (!wellFormed(slot)) return undefined;
  return slots
    .slice(0, index)
    .find((o) => wellFormed(o) && o.weekday === slot.weekday && o.start < slot.end && slot.start < o.end);
}

/** A form path for an issue of the request body: pattern.slots.1.start → slots.1.start. */
function formPath(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === "pattern") parts.shift();
  if (parts[0] === "facilitatorIds") return "facilitatorIds";
  return parts.join(".");
}

/** The message for a problem at a form path (the schema found one there). */
function trackMessage(path: string, values: TrackFormValues, t: TFunction, language: string): string {
  const [field, index, part] = path.split(".");
  if (field === "slots" && index === undefined) {
    return values.slots.length === 0
      ? t("trackErrors.slotsRequired")
      : t("trackErrors.slotsTooMany", { max: MAX_SLOTS_PER_WEEK });
  }
  if (field === "slots") {
    const slot = values.slots[Number(index)];
    if (part === "weekday" || !slot) return t("trackErrors.weekday");
    if (part === "start") {
      const other = overlapped(values.slots, Number(index));
      if (TIME.test(slot.start) && other) {
        return t("trackErrors.overlap", {
          slot: `${weekdayName(Number(other.weekday), language, "long")} ${formatTimeRange(other.start, other.end, language)}`,
        });
      }
      return t("trackErrors.time");
    }
    return TIME.test(slot.end) && TIME.test(slot.start)
      ? t("trackErrors.endBeforeStart")
      : t("trackErrors.time");
  }
  if (field === "location") return t("trackErrors.locationTooLong");
  if (field === "capacity") return t("trackErrors.capacity");
  if (field === "startsOn") return t("trackErrors.date");
  if (field === "endsOn")
    return /^\d{4}-\d{2}-\d{2}$/.test(values.endsOn)
      ? t("trackErrors.endsBeforeStarts")
      : t("trackErrors.date");
  if (field === "facilitatorIds") return t("trackErrors.facilitatorsTooMany");
  return t("trackErrors.generic");
}

/** Check the form with the server's schema; one message per field, in the reader's language. */
export function validateTrackForm(values: TrackFormValues, t: TFunction, language: string): FormErrors {
  const parsed = trackUpdateSchema.safeParse(trackUpdateOf(values));
  if (parsed.success) return {};
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = formPath(issue.path);
    if (path === "" || errors[path]) continue;
    errors[path] = trackMessage(path, values, t, language);
  }
  return errors;
}

/** Parsed request body, once `validateTrackForm` found nothing. */
export const parseTrackUpdate = (values: TrackFormValues): TrackUpdate =>
  trackUpdateSchema.parse(trackUpdateOf(values));

/** Form-level words for a refused request. */
export function requestMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === "SCHEDULE_EXCEPTION_EXISTS")
    return t("trackErrors.exceptionExists");
  if (error instanceof ApiError && error.status === 403) return t("trackErrors.forbidden");
  if (error instanceof ApiError && error.status === 0) return t("trackErrors.network");
  return t("trackErrors.generic");
}

/**
 * The server's field errors on the form's fields (capacity below the enrolled count in our words);
 * what has no field comes back for the form-level message.
 */
export function serverTrackErrors(
  error: unknown,
  track: Track,
  t: TFunction,
): { fields: FormErrors; rest: string[] } {
  const fields: FormErrors = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { fields, rest: [t("trackErrors.generic")] };
  for (const field of error.fields) {
    const path = formPath(field.path.split("."));
    if (error.code === "SCHEDULE_CAPACITY_BELOW_ENROLLED" && path === "capacity") {
      fields.capacity = t("trackErrors.capacityBelowEnrolled", { count: track.enrolledCount });
    } else if (path === "facilitatorIds") {
      fields.facilitatorIds = t("trackErrors.facilitatorNotAtSite");
    } else if (/^(slots\.\d+\.(weekday|start|end)|location|capacity|startsOn|endsOn)$/.test(path)) {
      fields[path] ??= field.message;
    } else {
      rest.push(field.message);
    }
  }
  if (Object.keys(fields).length === 0 && rest.length === 0) rest.push(requestMessage(error, t));
  return { fields, rest };
}

// ---- exceptions to one session ----------------------------------------------------------------

export type ExceptionKind = "cancelled" | "moved" | "substitute";

export interface ExceptionFormValues {
  kind: ExceptionKind;
  reason: string;
  movedDate: string;
  movedStart: string;
  movedEnd: string;
  facilitatorIds: string[];
}

/** The request for an exception to the session originally at `on`. */
export function exceptionOf(values: ExceptionFormValues, on: { date: string; start: string }) {
  const base = { on, reason: values.reason };
  if (values.kind === "moved")
    return {
      ...base,
      kind: "moved" as const,
      movedTo: { date: values.movedDate, start: values.movedStart, end: values.movedEnd },
    };
  if (values.kind === "substitute")
    return { ...base, kind: "substitute" as const, facilitatorIds: values.facilitatorIds };
  return { ...base, kind: "cancelled" as const };
}

/** Exception problems by form field: reason, movedDate, movedStart, movedEnd, facilitatorIds. */
export function validateExceptionForm(
  values: ExceptionFormValues,
  on: { date: string; start: string },
  t: TFunction,
): FormErrors {
  const parsed = seriesExceptionSchema.safeParse(exceptionOf(values, on));
  if (parsed.success) return {};
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const [head, part] = issue.path.map(String);
    const field =
      head === "movedTo" ? `moved${(part ?? "date").replace(/^./, (c) => c.toUpperCase())}` : (head ?? "");
    if (errors[field]) continue;
    if (field === "reason")
      errors.reason =
        values.reason.trim().length > 500 ? t("trackErrors.reasonTooLong") : t("trackErrors.reasonRequired");
    else if (field === "movedDate") errors.movedDate = t("trackErrors.date");
    else if (field === "movedStart") errors.movedStart = t("trackErrors.time");
    else if (field === "movedEnd")
      errors.movedEnd =
        TIME.test(values.movedEnd) && TIME.test(values.movedStart)
          ? t("trackErrors.endBeforeStart")
          : t("trackErrors.time");
    else if (field === "facilitatorIds")
      errors.facilitatorIds =
        values.facilitatorIds.length === 0
          ? t("trackErrors.substitutesRequired")
          : t("trackErrors.facilitatorsTooMany");
  }
  return errors;
}

/** The server's field errors on the exception form (e.g. a moved time that does not exist that day). */
export function serverExceptionErrors(error: unknown, t: TFunction): { fields: FormErrors; rest: string[] } {
  const fields: FormErrors = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError) || error.fields.length === 0)
    return { fields, rest: [requestMessage(error, t)] };
  for (const field of error.fields) {
    const path = field.path;
    if (path === "reason") fields.reason = field.message;
    else if (path === "movedTo.date") fields.movedDate = field.message;
    else if (path === "movedTo.start") fields.movedStart = field.message;
    else if (path === "movedTo.end") fields.movedEnd = field.message;
    else if (path.startsWith("facilitatorIds")) fields.facilitatorIds = t("trackErrors.facilitatorNotAtSite");
    else rest.push(field.message);
  }
  return { fields, rest };
}

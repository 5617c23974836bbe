import { z } from "zod";
import { isoWeekdaySchema, localTimeSchema } from "./track-pattern.schema";

/**
 * When a participant cannot come, declared by them or by staff: a weekly window in the site's local
 * time (work shifts, school, childcare). Bookings over it are refused unless staff say so
 * explicitly; group tracks are chosen around it.
 */

export const UNAVAILABILITY_REASONS = [
  "work",
  "school",
  "childcare",
  "caregiving",
  "transport",
  "other",
] as const;
export type UnavailabilityReason = (typeof UNAVAILABILITY_REASONS)[number];
export const unavailabilityReasonSchema = z.enum(UNAVAILABILITY_REASONS, {
  message: "Choose work, school, childcare, caregiving, transport or other.",
});

/** The reason in words for conflict messages ("other" says nothing more). */
export const UNAVAILABILITY_REASON_WORDS: Record<UnavailabilityReason, string> = {
  work: "work",
  school: "school",
  childcare: "childcare",
  caregiving: "caregiving",
  transport: "transport",
  other: "",
};

/** A participant declares at most this many weekly windows. */
export const MAX_UNAVAILABILITY_WINDOWS = 30;
export const UNAVAILABILITY_NOTE_MAX = 200;

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const unavailabilityInputSchema = z
  .object({
    weekday: isoWeekdaySchema,
    start: localTimeSchema,
    end: localTimeSchema,
    reason: unavailabilityReasonSchema,
    note: z
      .string({ message: "The note is text." })
      .trim()
      .max(UNAVAILABILITY_NOTE_MAX, `Keep the note under ${UNAVAILABILITY_NOTE_MAX} characters.`)
      .default(""),
  })
  .refine(({ start, end }) => !(LOCAL_TIME.test(start) && LOCAL_TIME.test(end)) || end > start, {
    path: ["end"],
    message: "The time must end after it starts (split a night shift at midnight).",
  });
export type UnavailabilityInput = z.output<typeof unavailabilityInputSchema>;

export const unavailabilitySchema = z.object({
  id: z.uuid(),
  weekday: z.number().int(),
  start: z.string(),
  end: z.string(),
  reason: z.enum(UNAVAILABILITY_REASONS),
  note: z.string(),
  createdAt: z.iso.datetime(),
});
export type Unavailability = z.infer<typeof unavailabilitySchema>;

export const unavailabilityListSchema = z.object({ windows: z.array(unavailabilitySchema) });

export const unavailabilityParamsSchema = z.object({
  id: z.uuid("This is not a valid participant id."),
  unavailabilityId: z.uuid("No such time."),
});

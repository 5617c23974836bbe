import { z } from "zod";
import { daysBetween } from "../platform/dates";
import { OCCURRENCE_PROBLEMS, OCCURRENCE_STATUSES } from "./recurrence.rules";
import { EXCEPTION_KINDS, localDateSchema, weeklyPatternSchema } from "./track-pattern.schema";

/**
 * Tracks over the API: the list at the actor's sites, the edit form's body, a track's occurrences
 * in a date range and the exceptions to single occurrences. The pattern and exception rules are
 * those of `track-pattern.schema.ts`; this file only shapes requests and responses.
 */

/** The longest range of occurrences one request may ask for (about a quarter). */
export const MAX_OCCURRENCE_RANGE_DAYS = 93;

export const AUDIENCES = ["adult", "adolescent"] as const;

const personSchema = z.object({ id: z.uuid(), name: z.string() });

/** A pattern as stored: a track created before it had one has no slots yet. */
const storedPatternSchema = z.object({
  slots: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
});

export const trackSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  siteName: z.string(),
  name: z.string(),
  levelOfCare: z.string(),
  audience: z.enum(AUDIENCES),
  timeZone: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  pattern: storedPatternSchema,
  location: z.string(),
  telehealth: z.boolean(),
  capacity: z.number().int(),
  enrolledCount: z.number().int(),
  waitlistCount: z.number().int(),
  facilitators: z.array(personSchema),
});
export type Track = z.infer<typeof trackSchema>;

export const trackListSchema = z.object({ tracks: z.array(trackSchema) });

export const trackListQuerySchema = z.object({
  siteId: z.uuid("Choose a site.").optional(),
});

export const trackIdParamsSchema = z.object({ id: z.uuid("No such track.") });
export const trackExceptionParamsSchema = z.object({
  id: z.uuid("No such track."),
  exceptionId: z.uuid("No such exception."),
});

/** What an administrator may change on a track (its name, site, zone and audience stay). */
export const trackUpdateSchema = z
  .object({
    pattern: weeklyPatternSchema,
    location: z
      .string({ message: "Give a room or a video link." })
      .trim()
      .max(300, "Keep the room or link under 300 characters."),
    telehealth: z.boolean({ message: "Say whether the sessions are held by video." }),
    capacity: z
      .number({ message: "Give the number of places." })
      .int("Give a whole number of places.")
      .min(1, "A track has at least one place.")
      .max(200, "A track has at most 200 places."),
    startsOn: localDateSchema,
    endsOn: localDateSchema.nullable(),
    facilitatorIds: z
      .array(z.uuid("Choose a staff member."), { message: "Choose who runs the sessions." })
      .max(10, "Choose at most 10 facilitators.")
      .refine((ids) => new Set(ids).size === ids.length, "A facilitator is listed twice."),
  })
  .refine((track) => track.endsOn === null || track.endsOn >= track.startsOn, {
    path: ["endsOn"],
    message: "The track cannot end before it starts.",
  });
export type TrackUpdate = z.infer<typeof trackUpdateSchema>;

export const occurrenceRangeQuerySchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  .superRefine(({ from, to }, ctx) => {
    if (to < from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The range cannot end before it starts." });
    } else if (daysBetween(from, to) + 1 > MAX_OCCURRENCE_RANGE_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Ask for at most ${MAX_OCCURRENCE_RANGE_DAYS} days at a time.`,
      });
    }
  });

export const trackExceptionSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  on: z.object({ date: z.string(), start: z.string() }),
  reason: z.string(),
  movedTo: z.object({ date: z.string(), start: z.string(), end: z.string() }).nullable(),
  /** A substitute's facilitators (empty for other kinds). */
  facilitators: z.array(personSchema),
});
export type TrackException = z.infer<typeof trackExceptionSchema>;

export const trackOccurrenceSchema = z.object({
  key: z.string(),
  originalDate: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  status: z.enum(OCCURRENCE_STATUSES),
  problem: z.enum(OCCURRENCE_PROBLEMS).nullable(),
  exception: trackExceptionSchema.nullable(),
  /** How many participants have attendance recorded for this session (0: not taken yet). */
  marksRecorded: z.number().int(),
});

export const trackOccurrencesSchema = z.object({
  track: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  from: z.string(),
  to: z.string(),
  occurrences: z.array(trackOccurrenceSchema),
});
export type TrackOccurrences = z.infer<typeof trackOccurrencesSchema>;

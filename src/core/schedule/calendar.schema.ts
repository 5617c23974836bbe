import { z } from "zod";
import { daysBetween } from "../platform/dates";
import { OCCURRENCE_PROBLEMS, OCCURRENCE_STATUSES } from "./recurrence.rules";
import { EXCEPTION_KINDS, localDateSchema } from "./track-pattern.schema";

/**
 * The calendar read model over the API: the sessions of a date range — group sessions computed
 * from the tracks' series, individual and family appointments from their rows — seen by site, room,
 * staff member or participant, and a participant's own week. The web's week and day views and the
 * participant's "my week" read these shapes.
 */

/** The longest range one calendar request may ask for (six weeks: a month view with its edges). */
export const MAX_CALENDAR_RANGE_DAYS = 42;

export const CALENDAR_VIEWS = ["site", "room", "staff", "participant"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const SESSION_KINDS = ["group", "individual", "family"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The title of an appointment whose participant the reader may not see named. */
export const UNNAMED_APPOINTMENT_TITLE = "Appointment";

/** A range of local dates, `from` through `to` inclusive, at most MAX_CALENDAR_RANGE_DAYS long. */
function checkRange({ from, to }: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (from === undefined || to === undefined) return;
  if (to < from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The range cannot end before it starts." });
  } else if (daysBetween(from, to) + 1 > MAX_CALENDAR_RANGE_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `Ask for at most ${MAX_CALENDAR_RANGE_DAYS} days at a time.`,
    });
  }
}

const flagSchema = z
  .enum(["true", "false"], { message: "Use true or false." })
  .optional()
  .transform((value) => value === "true");

/**
 * GET /calendar. The site, room and staff views are of one site; the participant view follows the
 * participant wherever their sessions are. Cancelled group sessions are always listed (the program
 * cancelled them, e.g. a holiday, and the calendar says so); cancelled appointments only with
 * `includeCancelled=true`.
 */
export const calendarQuerySchema = z
  .object({
    view: z.enum(CALENDAR_VIEWS, { message: "Choose the site, room, staff or participant view." }),
    from: localDateSchema,
    to: localDateSchema,
    siteId: z.uuid("Choose a site.").optional(),
    roomId: z.uuid("Choose a room.").optional(),
    staffId: z.uuid("Choose a staff member.").optional(),
    participantId: z.uuid("Choose a participant.").optional(),
    includeCancelled: flagSchema,
  })
  .superRefine((query, ctx) => {
    checkRange(query, ctx);
    const need = (field: "siteId" | "roomId" | "staffId" | "participantId", message: string) => {
      if (query[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message });
    };
    if (query.view !== "participant") need("siteId", "Choose a site.");
    if (query.view === "room") need("roomId", "Choose a room.");
    if (query.view === "staff") need("staffId", "Choose a staff member.");
    if (query.view === "participant") need("participantId", "Choose a participant.");
  });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/** GET /me/schedule: a participant's own sessions; the current week in their site's zone by default. */
export const myScheduleQuerySchema = z
  .object({ from: localDateSchema.optional(), to: localDateSchema.optional() })
  .superRefine((query, ctx) => {
    if ((query.from === undefined) !== (query.to === undefined)) {
      const missing = query.from === undefined ? "from" : "to";
      ctx.addIssue({ code: "custom", path: [missing], message: "Give both ends of the range, or neither." });
    }
    checkRange(query, ctx);
  });
export type MyScheduleQuery = z.infer<typeof myScheduleQuerySchema>;

const personSchema = z.object({ id: z.uuid(), name: z.string() });

export const calendarEntrySchema = z.object({
  /** Stable across reads: `group:<trackId>:<occurrence key>` or `appointment:<id>`. */
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  /** The track's name for a group; for an appointment the participant's name where the reader may see it, otherwise "Appointment". */
  title: z.string(),
  /** "moved" only for a group session moved by an exception (it keeps its original key). */
  status: z.enum(OCCURRENCE_STATUSES),
  /** Where it takes place, local to `timeZone`. */
  date: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  /** UTC instants; null when the local time does not exist that day (`problem`). */
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  problem: z.enum(OCCURRENCE_PROBLEMS).nullable(),
  /** The room's name, "video" for a session held by video, or the place in words. */
  location: z.string(),
  room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  telehealth: z.boolean(),
  /** The video link of a telehealth session. */
  videoLink: z.string().nullable(),
  /** Who runs it: a group's facilitators (a substitute's on that day), an appointment's staff member. */
  staff: z.array(personSchema),
  group: z
    .object({
      trackId: z.uuid(),
      trackName: z.string(),
      occurrenceKey: z.string(),
      /** Participants enrolled on the session's date, and the track's capacity. */
      placesTaken: z.number().int(),
      capacity: z.number().int(),
      exception: z.object({ kind: z.enum(EXCEPTION_KINDS), reason: z.string() }).nullable(),
    })
    .nullable(),
  appointment: z.object({ id: z.uuid(), seriesId: z.uuid().nullable() }).nullable(),
  /** The participant: in the participant view and "my week", and for an appointment whose participant the reader may see. Never the members of a group. */
  participant: personSchema.nullable(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

export const calendarSchema = z.object({
  view: z.enum(CALENDAR_VIEWS),
  from: z.string(),
  to: z.string(),
  siteId: z.uuid().nullable(),
  entries: z.array(calendarEntrySchema),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const myScheduleSchema = z.object({
  participantId: z.uuid(),
  from: z.string(),
  to: z.string(),
  /** The participant's site's zone: the default week and "today" are read in it. */
  timeZone: z.string(),
  entries: z.array(calendarEntrySchema),
});
export type MySchedule = z.infer<typeof myScheduleSchema>;

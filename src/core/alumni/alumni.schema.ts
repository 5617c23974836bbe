import { z } from "zod";

/**
 * The alumni program (issue 11): after discharge a participant keeps a lighter app — a weekly
 * check-in, their recovery and safety plans, alumni events and groups, messages with the alumni
 * coordinator — and may leave it at any time.
 */

export const ALUMNI_STATUSES = ["active", "opted_out", "readmitted"] as const;
export type AlumniStatus = (typeof ALUMNI_STATUSES)[number];
export const alumniStatusSchema = z.enum(ALUMNI_STATUSES);

export const OPT_OUT_SOURCES = ["app", "email_link", "staff"] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];
export const optOutSourceSchema = z.enum(OPT_OUT_SOURCES);

export const ALUMNI_NOTE_MAX = 1000;

const dateSchema = z.iso.date();
const instantSchema = z.iso.datetime({ offset: true });

/** The weekly check-in as the participant answers it. */
export const alumniCheckInInputSchema = z.object({
  usedSinceLast: z.boolean({ message: "Say whether you have used since your last check-in." }),
  craving: z
    .number({ message: "Give your craving from 0 to 10." })
    .int("Give your craving as a whole number from 0 to 10.")
    .min(0, "Craving is from 0 to 10.")
    .max(10, "Craving is from 0 to 10."),
  mood: z
    .number({ message: "Give your mood from 1 to 5." })
    .int("Give your mood as a whole number from 1 to 5.")
    .min(1, "Mood is from 1 to 5.")
    .max(5, "Mood is from 1 to 5."),
  meetingsAttended: z
    .number({ message: "Give how many meetings you went to." })
    .int("Give the number of meetings as a whole number.")
    .min(0, "Meetings cannot be negative.")
    .max(99, "At most 99 meetings."),
  wantsContact: z.boolean({ message: "Say whether you would like someone to contact you." }),
  note: z
    .string()
    .trim()
    .max(ALUMNI_NOTE_MAX, `A note is at most ${ALUMNI_NOTE_MAX} characters.`)
    .default(""),
});
export type AlumniCheckInInput = z.infer<typeof alumniCheckInInputSchema>;

export const REENGAGEMENT_LEVELS = ["none", "warning", "urgent"] as const;
export type ReengagementLevel = (typeof REENGAGEMENT_LEVELS)[number];

export const REENGAGEMENT_REASONS = ["use_resumed", "wants_contact", "high_craving", "low_mood"] as const;
export type ReengagementReason = (typeof REENGAGEMENT_REASONS)[number];

export const alumniCheckInSchema = alumniCheckInInputSchema.extend({
  id: z.uuid(),
  weekOf: dateSchema,
  recordedAt: instantSchema,
  flags: z.array(z.enum(REENGAGEMENT_REASONS)),
});
export type AlumniCheckIn = z.infer<typeof alumniCheckInSchema>;

export const alumniCheckInResultSchema = z.object({
  checkIn: alumniCheckInSchema,
  /** False when this week's check-in already existed and was updated. */
  created: z.boolean(),
});

export const alumniCheckInHistorySchema = z.object({ checkIns: z.array(alumniCheckInSchema) });

export const RSVP_STATUSES = ["going", "not_going"] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];
export const rsvpInputSchema = z.object({
  status: z.enum(RSVP_STATUSES, { message: "Answer going or not going." }),
});

export const EVENT_KINDS = ["group", "event"] as const;
export type AlumniEventKind = (typeof EVENT_KINDS)[number];

/** An alumni event or group meeting as staff write it. */
export const alumniEventInputSchema = z
  .object({
    siteId: z.uuid("Choose a site."),
    title: z.string().trim().min(1, "Give the event a title.").max(200, "A title is at most 200 characters."),
    description: z.string().trim().max(4000, "A description is at most 4000 characters.").default(""),
    kind: z.enum(EVENT_KINDS, { message: "Choose a group or an event." }),
    startsAt: instantSchema,
    endsAt: instantSchema,
    timeZone: z.string().min(1, "Give the time zone."),
    location: z.string().trim().max(300, "A location is at most 300 characters.").default(""),
    onlineUrl: z
      .url({ message: "Give a full web address starting with https://." })
      .refine((v) => v.startsWith("https://"), "Only secure links (https://) are allowed.")
      .nullable()
      .default(null),
    capacity: z
      .number()
      .int("Capacity is a whole number.")
      .min(1, "Capacity is at least 1 (or leave it empty for no limit).")
      .nullable()
      .default(null),
  })
  .superRefine((value, ctx) => {
    if (Date.parse(value.endsAt) <= Date.parse(value.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The event must end after it starts." });
    }
  });
export type AlumniEventInput = z.infer<typeof alumniEventInputSchema>;

export const alumniEventSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(EVENT_KINDS),
  startsAt: instantSchema,
  endsAt: instantSchema,
  timeZone: z.string(),
  location: z.string(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  going: z.number().int(),
  cancelledAt: instantSchema.nullable(),
});
export type AlumniEvent = z.infer<typeof alumniEventSchema>;

export const myAlumniEventSchema = alumniEventSchema.extend({
  myRsvp: z.enum(RSVP_STATUSES).nullable(),
});
export type MyAlumniEvent = z.infer<typeof myAlumniEventSchema>;

export const alumniMembershipSchema = z.object({
  status: alumniStatusSchema,
  joinedOn: dateSchema,
  optedOutAt: instantSchema.nullable(),
  optOutSource: optOutSourceSchema.nullable(),
  followUpsOptedOutAt: instantSchema.nullable(),
});
export type AlumniMembership = z.infer<typeof alumniMembershipSchema>;

/** `GET /me/alumni`: the alumni home. */
export const myAlumniSchema = z.object({
  membership: alumniMembershipSchema,
  weekOf: dateSchema,
  thisWeek: alumniCheckInSchema.nullable(),
  events: z.array(myAlumniEventSchema),
  unreadMessages: z.number().int().min(0),
});
export type MyAlumni = z.infer<typeof myAlumniSchema>;

/** `GET /me/alumni/status`: whether the signed-in participant is an alumnus (the home page decides from it). */
export const myAlumniStatusSchema = z.object({
  alumni: z.boolean(),
  status: alumniStatusSchema.nullable(),
});
export type MyAlumniStatus = z.infer<typeof myAlumniStatusSchema>;

export const optOutInputSchema = z.object({
  alsoFollowUps: z.boolean({ message: "Say whether follow-up surveys should stop too." }),
});

export const alumniEventParamsSchema = z.object({ eventId: z.uuid("This is not a valid event id.") });

export const alumniEventListSchema = z.object({ events: z.array(alumniEventSchema) });
export const alumniEventsQuerySchema = z.object({
  siteId: z.uuid("Choose a site."),
  includePast: z.enum(["true", "false"]).optional(),
});

export const alumniRosterQuerySchema = z.object({ siteId: z.uuid("Choose a site.") });
export const alumniRosterEntrySchema = z.object({
  participantId: z.uuid(),
  name: z.string(),
  status: alumniStatusSchema,
  joinedOn: dateSchema,
  lastCheckInWeek: dateSchema.nullable(),
  lastFlags: z.array(z.enum(REENGAGEMENT_REASONS)),
  optedOutAt: instantSchema.nullable(),
  followUpsOptedOutAt: instantSchema.nullable(),
});
export type AlumniRosterEntry = z.infer<typeof alumniRosterEntrySchema>;
export const alumniRosterSchema = z.object({ members: z.array(alumniRosterEntrySchema) });

export const staffOptOutInputSchema = optOutInputSchema;
export const alumniMemberParamsSchema = z.object({
  participantId: z.uuid("This is not a valid participant id."),
});

/** The chart's alumni section. */
export const chartAlumniSchema = z.object({
  membership: alumniMembershipSchema.nullable(),
  checkIns: z.array(alumniCheckInSchema),
});
export type ChartAlumni = z.infer<typeof chartAlumniSchema>;

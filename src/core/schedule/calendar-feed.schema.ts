import { z } from "zod";

/**
 * Personal iCalendar feeds (ADR 0009): a secret, revocable URL per staff member or participant, and
 * the program setting that decides how much the events say. A subscribed calendar is read on phones,
 * shared screens and the calendar provider's servers, so by default it says nothing clinical.
 */

/**
 * - private (default): "Group session" and "Appointment", the room or "Video session"; no track
 *   name (a track's name can say "Dual-diagnosis"), no participant names.
 * - detailed: the track's name; in a staff member's feed the participant's first name and initial.
 */
export const CALENDAR_FEED_DETAILS = ["private", "detailed"] as const;
export type CalendarFeedDetail = (typeof CALENDAR_FEED_DETAILS)[number];

export const calendarFeedSettingsSchema = z.object({
  detail: z.enum(CALENDAR_FEED_DETAILS, { message: "Choose private or detailed." }),
  /** Whether a telehealth session's video link is written in the event's description. */
  includeVideoLinks: z.boolean({ message: "Say whether video links go in the feed." }),
});
export type CalendarFeedSettings = z.infer<typeof calendarFeedSettingsSchema>;

export const DEFAULT_CALENDAR_FEED_SETTINGS: CalendarFeedSettings = {
  detail: "private",
  includeVideoLinks: false,
};

/** How far a feed reaches around the day it is read: a month back, half a year ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;

/** A feed as its owner sees it: never the token (only its hash is stored). */
export const calendarFeedSchema = z.object({
  id: z.uuid(),
  owner: z.enum(["staff", "participant"]),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const calendarFeedStatusSchema = z.object({ feed: calendarFeedSchema.nullable() });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** Answer to creating a feed: the only time its URL is shown. */
export const calendarFeedCreatedSchema = z.object({
  feed: calendarFeedSchema,
  /** The https address to paste into a calendar app ("subscribe by URL"). */
  url: z.string(),
  /** The same address with the webcal scheme, which opens the subscription dialog on many devices. */
  webcalUrl: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;

/**
 * The feed address's token. Any text is accepted here on purpose: a wrong token of any shape is
 * answered 404 without detail, like a revoked one.
 */
export const calendarFeedTokenParamsSchema = z.object({ token: z.string() });

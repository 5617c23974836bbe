import { z } from "zod";
import { SESSION_KINDS } from "../schedule/calendar.schema";

/** How long before a video session its link shows on Today. */
export const VIDEO_LINK_LEAD_MINUTES = 30;

export const nextSessionSchema = z.object({
  /** The calendar entry's id (`group:…` or `appointment:…`). */
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  /** The track's name, or null for an appointment (the page names its kind). */
  trackName: z.string().nullable(),
  /** Local to the site: the date, start and end, and the zone they are in. */
  date: z.iso.date(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  startsAt: z.iso.datetime(),
  /** The room's name, or the place in words; null for video. */
  place: z.string().nullable(),
  telehealth: z.boolean(),
  /** The video link, only once the session starts within VIDEO_LINK_LEAD_MINUTES (or is under way). */
  videoLink: z.string().nullable(),
});
export type NextSession = z.infer<typeof nextSessionSchema>;

/** GET /me/today: what the participant's Today page shows beside the other cards. */
export const todaySchema = z.object({
  /** Today in the site's time zone. */
  today: z.iso.date(),
  timeZone: z.string(),
  nextSession: nextSessionSchema.nullable(),
  /** Null when no sobriety date is set. */
  daysInRecovery: z.number().int().nullable(),
  sobrietyOn: z.iso.date().nullable(),
  onCall: z.object({ site: z.string(), phone: z.string() }).nullable(),
});
export type Today = z.infer<typeof todaySchema>;

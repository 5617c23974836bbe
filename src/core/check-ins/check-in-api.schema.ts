import { z } from "zod";
import { checkInSchema, SUBSTANCES } from "./check-in.schema";

/** The check-in routes' own shapes (the stored check-in, result and summary are in check-in.schema.ts). */

/** Yesterday's check-in at a glance in the caseload list: use first, then a high craving. */
export const YESTERDAY_CHECK_INS = ["use", "high_craving", "checked_in", "none"] as const;
export type YesterdayCheckIn = (typeof YESTERDAY_CHECK_INS)[number];

/** `GET /api/v1/me/check-ins/options`: what the check-in form offers to choose from. */
export const checkInOptionsSchema = z.object({
  /** Their recovery plan's triggers and high-risk situations, in their own words. */
  triggers: z.array(z.string()),
  /** Triggers they wrote themselves in recent check-ins (not already in their plan), most used first. */
  recentTriggers: z.array(z.string()),
  /** The curriculum's skills in their language, the modules of their recent groups first. */
  skills: z.array(z.object({ key: z.string(), name: z.string() })),
  substances: z.array(z.enum(SUBSTANCES)),
});
export type CheckInOptions = z.infer<typeof checkInOptionsSchema>;

/** `GET /api/v1/me/check-ins`: the person's own history, newest first, a page at a time. */
export const myCheckInsQuerySchema = z.object({
  /** The last id of the previous page: the page starts after it. */
  before: z.coerce.number().int("Send the id of the last check-in shown.").positive().optional(),
  limit: z.coerce
    .number()
    .int("The page size is a whole number.")
    .min(1, "Ask for 1 to 100 check-ins.")
    .max(100, "Ask for 1 to 100 check-ins.")
    .default(20),
});
export type MyCheckInsQuery = z.infer<typeof myCheckInsQuerySchema>;

export const myCheckInsSchema = z.object({
  checkIns: z.array(checkInSchema),
  /** Pass as `before` for the next page; null when there is none. */
  nextBefore: z.number().int().nullable(),
});
export type MyCheckIns = z.infer<typeof myCheckInsSchema>;

/** At most this many days in one chart timeline. */
export const MAX_TIMELINE_DAYS = 400;

const isoDate = z.iso.date("Use a date like 2026-11-23.");

/** `GET /api/v1/participants/:id/check-ins?from=&to=`: the chart's timeline (default: the last 30 days). */
export const checkInTimelineQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: "custom", path: ["from"], message: "The start comes before the end." });
  });
export type CheckInTimelineQuery = z.infer<typeof checkInTimelineQuerySchema>;

export const checkInTimelineSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The participant's "today" on their program's calendar. */
  today: z.iso.date(),
  /** Newest day first. */
  checkIns: z.array(checkInSchema),
});
export type CheckInTimeline = z.infer<typeof checkInTimelineSchema>;

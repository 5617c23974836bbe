import { z } from "zod";

/**
 * The daily check-in (issue 9): how the day went in under a minute. The participant sends it from
 * their phone — at once, or later from the device's queue when they were offline — with an
 * idempotency key made once per filled-in form, so a retry or a replay is recorded once.
 */

/** What a person may say they used (the check-in's "which substance"). */
export const SUBSTANCES = [
  "alcohol",
  "cannabis",
  "opioids",
  "stimulants",
  "cocaine",
  "methamphetamine",
  "benzodiazepines",
  "nicotine",
  "other",
] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const SLEEP_QUALITIES = ["poor", "ok", "good"] as const;
export type SleepQuality = (typeof SLEEP_QUALITIES)[number];

const isoDate = z.iso.date("Use a date like 2026-11-23.");
const shortText = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

/** One check-in as the phone sends it. */
export const checkInInputSchema = z
  .object({
    idempotencyKey: z.uuid("Send a fresh UUID with each filled-in check-in."),
    /** The person's own day (their device's date when they filled it in). */
    checkedInOn: isoDate,
    /** When they filled it in on the device (earlier than the server's clock when it waited offline). */
    recordedAt: z.iso.datetime({ offset: true, error: "Send the time the check-in was filled in." }),
    /** True when it waited in the device's queue. */
    queuedOffline: z.boolean().default(false),
    mood: z
      .int("Mood is a whole number from 0 to 10.")
      .min(0, "Mood is 0 to 10.")
      .max(10, "Mood is 0 to 10."),
    craving: z
      .int("Craving is a whole number from 0 to 10.")
      .min(0, "Craving is 0 to 10.")
      .max(10, "Craving is 0 to 10."),
    sleepHours: z
      .number("Hours of sleep are a number.")
      .min(0, "Hours of sleep are 0 to 24.")
      .max(24, "Hours of sleep are 0 to 24.")
      .multipleOf(0.5, "Hours of sleep go in half hours.")
      .nullable()
      .default(null),
    sleepQuality: z.enum(SLEEP_QUALITIES).nullable().default(null),
    anyUse: z.boolean("Say whether you used since your last check-in."),
    substances: z.array(z.enum(SUBSTANCES)).max(SUBSTANCES.length).default([]),
    useDetail: shortText(500, "Keep the detail under 500 characters.").default(""),
    /** Triggers met: labels from their recovery plan and their own words. */
    triggers: z
      .array(shortText(80, "Keep each trigger under 80 characters.").min(1))
      .max(12, "Choose at most 12 triggers.")
      .default([]),
    /** Skill keys from the curriculum's skills catalog. */
    skills: z.array(z.string().trim().min(1).max(60)).max(12, "Choose at most 12 skills.").default([]),
    wentWell: shortText(500, "Keep this under 500 characters.").default(""),
    wantsToTalk: z.boolean().default(false),
    selfHarmThoughts: z.boolean().default(false),
    overdose: z.boolean().default(false),
    language: z.enum(["en", "es"]).default("en"),
  })
  .superRefine((v, ctx) => {
    if (!v.anyUse && v.substances.length > 0)
      ctx.addIssue({
        code: "custom",
        path: ["substances"],
        message: "Substances go with use; say you used, or clear them.",
      });
    if (!v.anyUse && v.useDetail !== "")
      ctx.addIssue({
        code: "custom",
        path: ["useDetail"],
        message: "The detail goes with use; say you used, or clear it.",
      });
  });
export type CheckInInput = z.infer<typeof checkInInputSchema>;

/** A stored check-in, as the participant and their care team read it. */
export const checkInSchema = z.object({
  id: z.number().int(),
  checkedInOn: z.iso.date(),
  recordedAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  queuedOffline: z.boolean(),
  mood: z.number().int(),
  craving: z.number().int(),
  sleepHours: z.number().nullable(),
  sleepQuality: z.enum(SLEEP_QUALITIES).nullable(),
  anyUse: z.boolean(),
  substances: z.array(z.enum(SUBSTANCES)),
  useDetail: z.string(),
  triggers: z.array(z.string()),
  skills: z.array(z.string()),
  wentWell: z.string(),
  wantsToTalk: z.boolean(),
  selfHarmThoughts: z.boolean(),
  overdose: z.boolean(),
});
export type CheckIn = z.infer<typeof checkInSchema>;

/**
 * What the participant reads right after submitting: a short response pointing at the relevant part
 * of their own plan or a skill. `kind` picks the wording (web dictionaries); `planSection` and
 * `skills` point at what to open.
 */
export const CHECK_IN_RESPONSE_KINDS = [
  /** Thoughts of self-harm or an overdose: crisis resources and their safety plan, at once. */
  "crisis",
  /** Use reported: no shame; their recovery plan's coping responses and people to call. */
  "use",
  /** Craving at or above the threshold: their coping list and urge surfing. */
  "high_craving",
  /** Mood at or below the threshold: people who help and things they can do on their own. */
  "low_mood",
  /** Asked to talk: the counselor has been told. */
  "wants_to_talk",
  /** Nothing above: encouragement, and what went well reflected back. */
  "steady",
] as const;
export type CheckInResponseKind = (typeof CHECK_IN_RESPONSE_KINDS)[number];

export const checkInResponseSchema = z.object({
  kind: z.enum(CHECK_IN_RESPONSE_KINDS),
  /** Also true for every kind when a critical answer was given: show crisis resources at once. */
  crisis: z.boolean(),
  /** The part of their own plan to open, when there is one to point at. */
  planSection: z
    .object({ plan: z.enum(["recovery", "safety"]), section: z.string(), items: z.array(z.string()) })
    .nullable(),
  /** Skills to practise (curriculum keys with names in the person's language). */
  skills: z.array(z.object({ key: z.string(), name: z.string() })),
  /** True when the counselor was told (want to talk, or an alert raised). */
  counselorTold: z.boolean(),
});
export type CheckInResponse = z.infer<typeof checkInResponseSchema>;

export const checkInResultSchema = z.object({
  checkIn: checkInSchema,
  response: checkInResponseSchema,
  /** The same idempotency key was already recorded: nothing stored or raised twice. */
  replayed: z.boolean(),
  /** Days in a row with at least one check-in, ending today (or yesterday when none yet today). */
  streak: z.number().int(),
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;

/**
 * The program's check-in settings. The thresholds follow issue 9 (craving ≥ 8, mood ≤ 2); no source
 * fixes them, so each is configurable. `missingDays`: no check-in for this many days raises an info
 * alert. `maxQueuedDays`: how old a queued check-in's day may be and still be accepted.
 */
export const checkInSettingsSchema = z.object({
  cravingWarningAt: z.int().min(1).max(10),
  moodWarningAt: z.int().min(0).max(9),
  missingDays: z.int().min(1).max(30),
  maxQueuedDays: z.int().min(1).max(30),
});
export type CheckInSettings = z.infer<typeof checkInSettingsSchema>;

export const DEFAULT_CHECK_IN_SETTINGS: CheckInSettings = {
  cravingWarningAt: 8,
  moodWarningAt: 2,
  missingDays: 3,
  maxQueuedDays: 7,
};

/** `GET /api/v1/me/check-ins/summary`: what the Today page shows about check-ins. */
export const checkInSummarySchema = z.object({
  /** The participant's "today" (the program's time zone), so the phone and server agree. */
  today: z.iso.date(),
  checkedInToday: z.boolean(),
  streak: z.number().int(),
  lastCheckIn: z.object({ checkedInOn: z.iso.date(), receivedAt: z.iso.datetime() }).nullable(),
});
export type CheckInSummary = z.infer<typeof checkInSummarySchema>;

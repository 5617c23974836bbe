import { z } from "zod";

/**
 * Follow-up outcome surveys after discharge (issue 11): waves at 30, 90 and 180 days, each sent by an
 * email link. The use questions follow the BAM's past-30-day use items in our own words (days of
 * alcohol, days of drug use); PHQ-9 and GAD-7 are answered as the shipped instruments and stored as
 * assessment responses; housing and employment follow the TEDS discharge fields' categories.
 */

export const FOLLOW_UP_WAVES = [30, 90, 180] as const;
export type FollowUpWave = (typeof FOLLOW_UP_WAVES)[number];

export const FOLLOW_UP_STATUSES = ["scheduled", "sent", "completed", "expired", "cancelled"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_CANCEL_REASONS = ["opted_out", "readmitted", "died", "no_email"] as const;
export type FollowUpCancelReason = (typeof FOLLOW_UP_CANCEL_REASONS)[number];

export const FOLLOW_UP_HOUSING = [
  "own_home",
  "with_family_or_friends",
  "sober_living",
  "temporary",
  "homeless",
  "institution",
  "other",
] as const;

export const FOLLOW_UP_EMPLOYMENT = [
  "full_time",
  "part_time",
  "looking_for_work",
  "student",
  "not_looking",
  "retired_or_disabled",
] as const;

const days = (label: string) =>
  z
    .number({ message: `${label}: enter a number of days from 0 to 30.` })
    .int(`${label}: use a whole number of days.`)
    .min(0, `${label}: use 0 to 30 days.`)
    .max(30, `${label}: use 0 to 30 days.`);

/** The use and life questions (not the instruments). */
export const followUpAnswersSchema = z.object({
  /** Past 30 days: days with any alcohol. */
  alcoholDays: days("Days drinking"),
  /** Past 30 days: days with heavy drinking (5+ drinks men / 4+ women, as the BAM asks). */
  heavyDrinkingDays: days("Days of heavy drinking"),
  /** Past 30 days: days with any drug use (not as prescribed). */
  drugDays: days("Days using drugs"),
  /** Past 30 days: mutual-help meetings attended. */
  meetings: z
    .number({ message: "Meetings: enter a number from 0 to 99." })
    .int("Meetings: use a whole number.")
    .min(0, "Meetings: use 0 to 99.")
    .max(99, "Meetings: use 0 to 99."),
  /** Still in some treatment (outpatient, counseling, medication). */
  inTreatment: z.boolean({ message: "Say whether you are in treatment now." }),
  housing: z.enum(FOLLOW_UP_HOUSING, { message: "Choose where you are living." }),
  employment: z.enum(FOLLOW_UP_EMPLOYMENT, { message: "Choose what describes your work." }),
  /** They would like someone from the program to contact them. */
  wantsContact: z.boolean().default(false),
});
export type FollowUpAnswers = z.infer<typeof followUpAnswersSchema>;

import { z } from "zod";

/**
 * A program's weekly-hours thresholds, one set per age group: the level-of-care minimum and maximum
 * for a week, and the payer's per-day rule (at least so many minutes on at least so many days).
 * Every figure is in whole minutes, so sums and comparisons are exact; forms may show hours.
 *
 * The defaults come from `shared/reference/clinical.md` (ASAM 3rd edition, level 2.1). A program
 * changes them when its state, its payers or the 4th edition say otherwise — the 4th edition's hours
 * for 2.1 are [UNVERIFIED] in the reference (§1.4).
 */

export const AGE_GROUPS = ["adult", "adolescent"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const ageGroupSchema = z.enum(AGE_GROUPS, { message: "Age group is adult or adolescent." });

export const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

function minutes(what: string, min: number, max: number) {
  return z
    .number({ message: `Enter the ${what} in minutes, from ${min} to ${max}.` })
    .int("Use a whole number of minutes.")
    .min(min, `The ${what} is at least ${min} minutes.`)
    .max(max, `The ${what} is at most ${max} minutes.`);
}

const weeklyMinimumSchema = minutes("weekly minimum", 1, MINUTES_PER_WEEK);
const weeklyMaximumSchema = minutes("weekly maximum", 1, MINUTES_PER_WEEK);
const dailyMinimumSchema = minutes("daily minimum", 1, MINUTES_PER_DAY);
const daysRequiredSchema = z
  .number({ message: "Enter the days required, from 1 to 7." })
  .int("Use a whole number of days.")
  .min(1, "Require at least 1 day.")
  .max(7, "A week has 7 days: require at most 7.");

const isValid = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

export const ageGroupHoursSchema = z
  .object({
    /** A week at this level of care has at least this many attended minutes. */
    weeklyMinimumMinutes: weeklyMinimumSchema,
    /**
     * A week at this level of care stays *under* this many minutes: at this figure or above, the
     * intensity is the next level's (partial hospitalization, 2.5, is ≥ 20 hours a week).
     */
    weeklyMaximumMinutes: weeklyMaximumSchema,
    /** The payer rule: a day counts when at least this many minutes were attended that day. */
    dailyMinimumMinutes: dailyMinimumSchema,
    /** The payer rule: at least this many counting days in the week. */
    daysRequired: daysRequiredSchema,
  })
  // The figures are compared with each other only once each is valid on its own (one message a field).
  .superRefine((hours, ctx) => {
    const minimumOk = isValid(weeklyMinimumSchema, hours.weeklyMinimumMinutes);
    const maximumOk = isValid(weeklyMaximumSchema, hours.weeklyMaximumMinutes);
    if (minimumOk && maximumOk && hours.weeklyMinimumMinutes >= hours.weeklyMaximumMinutes) {
      ctx.addIssue({
        code: "custom",
        path: ["weeklyMaximumMinutes"],
        message: "The weekly maximum must be more than the weekly minimum.",
      });
    }
    if (
      maximumOk &&
      isValid(dailyMinimumSchema, hours.dailyMinimumMinutes) &&
      isValid(daysRequiredSchema, hours.daysRequired) &&
      hours.dailyMinimumMinutes * hours.daysRequired >= hours.weeklyMaximumMinutes
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["daysRequired"],
        message: "The payer rule's days × daily minimum must stay under the weekly maximum.",
      });
    }
  });
export type AgeGroupHours = z.infer<typeof ageGroupHoursSchema>;

export const programHoursSchema = z.object({
  adult: ageGroupHoursSchema,
  adolescent: ageGroupHoursSchema,
});
export type ProgramHours = z.infer<typeof programHoursSchema>;

/**
 * H0015 ("intensive outpatient: a program that operates at least 3 hours/day and at least 3
 * days/week") — descriptor [VERIFIED descriptor quoted in] medicalbillinglive.com and carepatron.com,
 * clinical.md §4.1. How each payer applies it (units, daily minimums) is payer- and state-specific
 * and an open item of the reference (§9.6): confirm with each payer before relying on it. The
 * descriptor does not distinguish adults and adolescents, so both groups start from it.
 */
const H0015_DAILY_MINIMUM_MINUTES = 3 * 60;
const H0015_DAYS_REQUIRED = 3;

/**
 * Level 2.1 is under 20 hours a week (9–19 adults, 6–19 adolescents) — [SECONDARY] open-exam-prep.com,
 * clinical.md §1.2; partial hospitalization (2.5) ≥ 20 h/week — [SECONDARY], same place.
 */
const LEVEL_2_1_WEEKLY_MAXIMUM_MINUTES = 20 * 60;

export const DEFAULT_PROGRAM_HOURS: ProgramHours = {
  adult: {
    // ≥ 9 h/week for adults — [VERIFIED] SAMHSA Advisory 2021 (TIP 47), citing Mee-Lee et al. 2013
    // (ASAM 3rd edition); clinical.md §1.2. Medicare's IOP benefit also certifies ≥ 9 h/week (§4.2).
    weeklyMinimumMinutes: 9 * 60,
    weeklyMaximumMinutes: LEVEL_2_1_WEEKLY_MAXIMUM_MINUTES,
    dailyMinimumMinutes: H0015_DAILY_MINIMUM_MINUTES,
    daysRequired: H0015_DAYS_REQUIRED,
  },
  adolescent: {
    // ≥ 6 h/week for adolescents — [VERIFIED] the same SAMHSA Advisory 2021; clinical.md §1.2.
    weeklyMinimumMinutes: 6 * 60,
    weeklyMaximumMinutes: LEVEL_2_1_WEEKLY_MAXIMUM_MINUTES,
    dailyMinimumMinutes: H0015_DAILY_MINIMUM_MINUTES,
    daysRequired: H0015_DAYS_REQUIRED,
  },
};

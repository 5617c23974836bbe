import { z } from "zod";

/**
 * The program's treatment-plan settings. Defaults are program policy, not law: the 30-day review cycle
 * is common payer and accreditation practice and each program sets its own (see
 * ../shared/reference/clinical.md; nothing there fixes these figures, so each is configurable).
 */

/** Group scheduling before the plan is signed: allowed silently, allowed with a warning, or refused. */
export const GROUP_SCHEDULING_RULES = ["allow", "warn", "block"] as const;
export type GroupSchedulingRule = (typeof GROUP_SCHEDULING_RULES)[number];

export const planSettingsSchema = z.object({
  /** Days from the last signature (plan or review) to the next review. */
  reviewCycleDays: z
    .number({ message: "Give the review cycle in days." })
    .int("Use whole days.")
    .min(7, "A review cycle is at least 7 days.")
    .max(180, "A review cycle is at most 180 days."),
  /** A review shows as due soon this many days before it is due. */
  dueSoonDays: z
    .number({ message: "Give the warning window in days." })
    .int("Use whole days.")
    .min(1, "Warn at least 1 day ahead.")
    .max(30, "Warn at most 30 days ahead."),
  /** An early review (level-of-care change, critical alert, discharge planning) is due within this many days. */
  earlyReviewDays: z
    .number({ message: "Give the early-review window in days." })
    .int("Use whole days.")
    .min(0, "Use 0 days or more.")
    .max(30, "Use 30 days or fewer."),
  /** A first signed plan is expected this many days after admission; later, an alert says it is missing. */
  firstPlanDays: z
    .number({ message: "Give the days allowed for the first plan." })
    .int("Use whole days.")
    .min(1, "Allow at least 1 day.")
    .max(60, "Allow at most 60 days."),
  groupSchedulingBeforeSignedPlan: z.enum(GROUP_SCHEDULING_RULES, {
    message: "Choose allow, warn or block.",
  }),
});
export type PlanSettings = z.infer<typeof planSettingsSchema>;

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  reviewCycleDays: 30,
  dueSoonDays: 7,
  earlyReviewDays: 7,
  firstPlanDays: 7,
  groupSchedulingBeforeSignedPlan: "warn",
};

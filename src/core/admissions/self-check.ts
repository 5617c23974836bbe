import { z } from "zod";

/**
 * "Is an intensive outpatient program right for me?" — Bridgeway's own short self-check (not a
 * published instrument). The result is guidance for a conversation, never a diagnosis or a
 * placement; the page always shows the crisis line (988) and 911. Question wording lives in the
 * web dictionaries; this file holds the ids, the answer options and the rule.
 */

/** Each question and its answers, in the order asked. */
export const SELF_CHECK_OPTIONS = {
  safety: ["yes", "no"],
  withdrawal: ["yes", "no", "unsure"],
  medical: ["yes", "no"],
  living: ["safe", "somewhat", "unsafe"],
  commitments: ["yes", "no"],
  attendance: ["yes", "no", "unsure"],
  coOccurring: ["yes", "no", "unsure"],
} as const;
export type SelfCheckQuestion = keyof typeof SELF_CHECK_OPTIONS;
export const SELF_CHECK_QUESTIONS = Object.keys(SELF_CHECK_OPTIONS) as SelfCheckQuestion[];

const choice = { message: "Choose one answer." };
export const selfCheckAnswersSchema = z.object({
  safety: z.enum(SELF_CHECK_OPTIONS.safety, choice),
  withdrawal: z.enum(SELF_CHECK_OPTIONS.withdrawal, choice),
  medical: z.enum(SELF_CHECK_OPTIONS.medical, choice),
  living: z.enum(SELF_CHECK_OPTIONS.living, choice),
  commitments: z.enum(SELF_CHECK_OPTIONS.commitments, choice),
  attendance: z.enum(SELF_CHECK_OPTIONS.attendance, choice),
  coOccurring: z.enum(SELF_CHECK_OPTIONS.coOccurring, choice),
});
export type SelfCheckAnswers = z.infer<typeof selfCheckAnswersSchema>;

/** Most urgent first. */
export const SELF_CHECK_OUTCOMES = [
  "crisis_first",
  "higher_level_first",
  "talk_to_us",
  "iop_may_fit",
] as const;
export type SelfCheckOutcome = (typeof SELF_CHECK_OUTCOMES)[number];
export const selfCheckOutcomeSchema = z.enum(SELF_CHECK_OUTCOMES);

/** Points the result page adds, each with its own sentence. */
export const SELF_CHECK_NOTES = [
  "withdrawal_needs_medical_care",
  "medical_needs_daily_care",
  "living_situation",
  "schedule",
  "fits_around_commitments",
  "co_occurring_support",
] as const;
export type SelfCheckNote = (typeof SELF_CHECK_NOTES)[number];

export interface SelfCheckResult {
  outcome: SelfCheckOutcome;
  notes: SelfCheckNote[];
}

export function assessSelfCheck(answers: SelfCheckAnswers): SelfCheckResult {
  const notes: SelfCheckNote[] = [];
  if (answers.withdrawal === "yes") notes.push("withdrawal_needs_medical_care");
  if (answers.medical === "yes") notes.push("medical_needs_daily_care");
  if (answers.living !== "safe") notes.push("living_situation");
  if (answers.attendance !== "yes") notes.push("schedule");
  if (answers.commitments === "yes") notes.push("fits_around_commitments");
  if (answers.coOccurring !== "no") notes.push("co_occurring_support");

  let outcome: SelfCheckOutcome;
  if (answers.safety === "yes") outcome = "crisis_first";
  else if (answers.withdrawal === "yes" || answers.medical === "yes" || answers.living === "unsafe") {
    outcome = "higher_level_first";
  } else if (
    answers.withdrawal === "unsure" ||
    answers.attendance !== "yes" ||
    answers.living === "somewhat"
  ) {
    outcome = "talk_to_us";
  } else outcome = "iop_may_fit";
  return { outcome, notes };
}

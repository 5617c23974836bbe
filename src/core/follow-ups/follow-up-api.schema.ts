import { z } from "zod";
import { linkTokenSchema } from "../identity/accounts.schema";
import { REENGAGEMENT_FINDINGS } from "./follow-up.rules";
import {
  FOLLOW_UP_CANCEL_REASONS,
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_WAVES,
  followUpAnswersSchema,
} from "./follow-up.schema";

/** The answers as the survey page sends them: heavy drinking days are never more than drinking days. */
export const followUpAnswersCheckedSchema = followUpAnswersSchema.superRefine((answers, ctx) => {
  if (answers.heavyDrinkingDays > answers.alcoholDays) {
    ctx.addIssue({
      code: "custom",
      path: ["heavyDrinkingDays"],
      message: "Days of heavy drinking cannot be more than days drinking.",
    });
  }
});

const waveSchema = z.union(
  FOLLOW_UP_WAVES.map((w) => z.literal(w)) as [z.ZodLiteral<30>, z.ZodLiteral<90>, z.ZodLiteral<180>],
);
const instrumentAnswers = z.record(
  z.string().min(1).max(40),
  z.number({ message: "Answer with one of the choices." }).int().min(0).max(3),
);

/** The link's token always travels in a body, never in an address (it never reaches a log). */
export const followUpTokenBodySchema = z.object({ token: linkTokenSchema });

export const followUpSubmissionSchema = z.object({
  token: linkTokenSchema,
  answers: followUpAnswersCheckedSchema,
  phq9: instrumentAnswers,
  gad7: instrumentAnswers,
  idempotencyKey: z.uuid("Send a fresh UUID with each filled-in form."),
  language: z.enum(["en", "es"]).default("en"),
});
export type FollowUpSubmission = z.infer<typeof followUpSubmissionSchema>;

export const FOLLOW_UP_LINK_STATES = ["open", "completed", "expired", "opted_out", "invalid"] as const;

const questionnaireRef = z.object({
  key: z.string(),
  version: z.string(),
  /** The FHIR Questionnaire as shipped (both languages; the page picks one). */
  questionnaire: z.looseObject({ resourceType: z.literal("Questionnaire") }),
});

/** What the survey page sees. Nothing clinical beyond the first name and the questions. */
export const followUpLinkViewSchema = z.object({
  state: z.enum(FOLLOW_UP_LINK_STATES),
  firstName: z.string().nullable(),
  wave: waveSchema.nullable(),
  language: z.enum(["en", "es"]),
  closesOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  questionnaires: z.object({ phq9: questionnaireRef, gad7: questionnaireRef }).nullable(),
});
export type FollowUpLinkView = z.infer<typeof followUpLinkViewSchema>;

export const followUpSubmittedSchema = z.object({
  /** True when an answer calls for crisis help now (PHQ-9 item 9): the page shows 988 first. */
  crisis: z.boolean(),
  onCall: z.object({ site: z.string(), phone: z.string() }).nullable(),
  replayed: z.boolean(),
});
export type FollowUpSubmitted = z.infer<typeof followUpSubmittedSchema>;

const responseSummary = z
  .object({
    id: z.string(),
    total: z.number().nullable(),
    band: z.string().nullable(),
    critical: z.boolean(),
  })
  .nullable();

/** One survey on the chart. */
export const chartFollowUpSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  wave: waveSchema,
  dueOn: z.string(),
  closesOn: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  cancelledReason: z.enum(FOLLOW_UP_CANCEL_REASONS).nullable(),
  language: z.enum(["en", "es"]),
  sentAt: z.string().nullable(),
  remindersSent: z.number().int(),
  lastReminderAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  answers: followUpAnswersSchema.nullable(),
  phq9: responseSummary,
  gad7: responseSummary,
  findings: z.array(z.enum(REENGAGEMENT_FINDINGS)),
});
export type ChartFollowUp = z.infer<typeof chartFollowUpSchema>;

export const chartFollowUpsSchema = z.object({
  followUpsOptedOutAt: z.string().nullable(),
  surveys: z.array(chartFollowUpSchema),
});
export type ChartFollowUps = z.infer<typeof chartFollowUpsSchema>;

export const responseRatesQuerySchema = z
  .object({
    siteId: z.uuid("Choose a site.").optional(),
    from: z.iso.date("Use a date like 2026-01-31.").optional(),
    to: z.iso.date("Use a date like 2026-01-31.").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "The end date cannot be before the start date.",
  });

export const waveRateSchema = z.object({
  wave: waveSchema,
  sent: z.number().int(),
  completed: z.number().int(),
  expired: z.number().int(),
  cancelled: z.number().int(),
  scheduled: z.number().int(),
  awaiting: z.number().int(),
  rate: z.number().nullable(),
});

export const responseRatesSchema = z.object({
  siteIds: z.array(z.uuid()),
  /** Surveys due in this range (inclusive), by due date. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  waves: z.array(waveRateSchema),
});
export type ResponseRates = z.infer<typeof responseRatesSchema>;

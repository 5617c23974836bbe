import { z } from "zod";
import { emailSchema } from "../identity/identity.schema";
import { BEST_TIMES, CONTACT_METHODS, FOR_WHOM } from "./inquiries.schema";
import { notAdmittedReasonSchema, pipelineStageSchema } from "./pipeline.rules";
import { screeningSchema } from "./screening.schema";

/** Where a referral comes from. */
export const REFERRAL_SOURCES = [
  "detox",
  "inpatient",
  "residential",
  "php",
  "hospital",
  "court_probation",
  "employer",
  "primary_care",
  "self",
  "family",
] as const;
export const referralSourceSchema = z.enum(REFERRAL_SOURCES, {
  message: "Choose where the referral comes from.",
});

const isoDate = z.iso.date("Use a date like 2026-11-23.");

export const referralInputSchema = z.object({
  siteId: z.uuid("Choose a location."),
  source: referralSourceSchema,
  referringOrganisation: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  referringContact: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  personName: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
  contactMethod: z.enum(CONTACT_METHODS, { message: "Choose how to reach the person." }),
  phone: z.string().trim().max(40, "Use at most 40 characters.").default(""),
  email: z.union([z.literal(""), emailSchema]).default(""),
  lastLevelOfCare: z.string().trim().max(20).default(""),
  lastDischargedOn: isoDate.nullable().default(null),
  handoffSummary: z.string().trim().max(4000, "Use at most 4,000 characters.").default(""),
});
export type ReferralInput = z.infer<typeof referralInputSchema>;

export const leadListQuerySchema = z.object({
  stage: z.union([pipelineStageSchema, z.literal("open"), z.literal("all")]).default("open"),
  siteId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  mine: z.enum(["true", "false"]).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

export const leadSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(["inquiry", "referral"]),
  stage: pipelineStageSchema,
  site: z.object({ id: z.uuid(), name: z.string() }),
  personName: z.string(),
  referralSource: referralSourceSchema.nullable(),
  owner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  nextAction: z.string().nullable(),
  nextActionDueOn: z.iso.date().nullable(),
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
  stageChangedAt: z.iso.datetime(),
});
export const leadListSchema = z.object({
  leads: z.array(leadSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const leadDetailSchema = leadSummarySchema.extend({
  forWhom: z.enum(FOR_WHOM),
  contactName: z.string(),
  contactMethod: z.enum(CONTACT_METHODS),
  phone: z.string(),
  email: z.string(),
  bestTime: z.enum(BEST_TIMES),
  lookingFor: z.string(),
  selfCheckOutcome: z.string().nullable(),
  referringOrganisation: z.string().nullable(),
  referringContact: z.string().nullable(),
  lastLevelOfCare: z.string().nullable(),
  lastDischargedOn: z.iso.date().nullable(),
  handoffSummary: z.string().nullable(),
  notAdmittedReason: notAdmittedReasonSchema.nullable(),
  referredTo: z.string().nullable(),
  daysToAdmission: z.number().int().nullable(),
  /** The participant this lead became, once admitted. */
  participantId: z.uuid().nullable(),
  /** The latest screening, if any. */
  screening: screeningSchema.nullable(),
  history: z.array(
    z.object({
      from: pipelineStageSchema.nullable(),
      to: pipelineStageSchema,
      note: z.string().nullable(),
      by: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const stageChangeInputSchema = z.object({
  to: pipelineStageSchema,
  notAdmittedReason: notAdmittedReasonSchema.optional(),
  referredTo: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  note: z.string().trim().max(2000, "Use at most 2,000 characters.").optional(),
});

export const leadUpdateInputSchema = z
  .object({
    ownerUserId: z.uuid().nullable().optional(),
    nextAction: z.string().trim().max(200, "Use at most 200 characters.").nullable().optional(),
    nextActionDueOn: isoDate.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one thing." });

export const levelRuleSchema = z.object({
  edition: z.union([z.literal(3), z.literal(4)]),
  byHighestRating: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]),
  countedDimensions: z.array(z.number().int()).min(1, "Count at least one dimension."),
});
export const levelRulesSchema = z.object({
  rules: z.array(levelRuleSchema),
  /** True while the program still uses Bridgeway's starting rule for that edition. */
  defaults: z.array(z.boolean()),
});

import { z } from "zod";

/** How a questionnaire was completed: entered by staff in the chart, or by the participant. */
export const ADMINISTRATION_MODES = ["staff", "self"] as const;
export type AdministrationMode = (typeof ADMINISTRATION_MODES)[number];

const isoDate = z.iso.date("Use a date like 2026-11-23.");

/**
 * One completed questionnaire as the client sends it. `idempotencyKey` is made by the client once
 * per filled-in form (a UUID), so a retried submission after a dropped connection is recorded once.
 */
export const responseInputSchema = z.object({
  instrumentKey: z.string().trim().min(1, "Choose a questionnaire.").max(40),
  /** The version the form was rendered from; a retired version is refused rather than misscored. */
  version: z.string().trim().min(1).max(20),
  answers: z.record(
    z.string().min(1).max(40),
    z.union([z.number().finite(), z.boolean()], { error: "Answer with a number or yes/no." }),
  ),
  idempotencyKey: z.uuid("Send a fresh UUID with each filled-in form."),
  language: z.enum(["en", "es"]).default("en"),
  /** The day it was completed (staff entering a paper form may backdate); defaults to today. */
  completedOn: isoDate.optional(),
  assignmentId: z.uuid().nullable().default(null),
});
export type ResponseInput = z.infer<typeof responseInputSchema>;

export const criticalFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["urgent", "emergency"]),
  linkIds: z.array(z.string()),
});

export const scoredResponseSchema = z.object({
  id: z.uuid(),
  instrumentKey: z.string(),
  version: z.string(),
  mode: z.enum(ADMINISTRATION_MODES),
  completedOn: z.iso.date(),
  submittedAt: z.iso.datetime(),
  enteredBy: z.string().nullable(),
  scored: z.boolean(),
  total: z.number().nullable(),
  band: z.string().nullable(),
  subscales: z.record(z.string(), z.number()),
  flags: z.array(z.string()),
  /** Items the published rule needs before a score is possible (when not scored). */
  missing: z.array(z.string()),
  critical: z.array(criticalFindingSchema),
});
export type ScoredResponse = z.infer<typeof scoredResponseSchema>;

/** The answer to a submission: the scored response; `crisis` when the person needs crisis help now. */
export const submissionResultSchema = z.object({
  response: scoredResponseSchema,
  /** True when a critical answer was given: participants see crisis resources at once. */
  crisis: z.boolean(),
  /** The same idempotency key was already recorded: nothing was scored or raised twice. */
  replayed: z.boolean(),
  /** With `crisis`: the program's on-call line at the participant's site, when the site has one. */
  onCall: z.object({ site: z.string(), phone: z.string() }).nullable(),
});
export type SubmissionResult = z.infer<typeof submissionResultSchema>;

/** What the program's questionnaires are, as `GET /instruments` lists them (titles in en and es). */
export const instrumentSummarySchema = z.object({
  key: z.string(),
  url: z.string(),
  version: z.string(),
  title: z.string(),
  titleEs: z.string(),
  audience: z.enum(["adult", "adolescent", "any"]),
  licence: z.enum(["free", "credit", "program_supplied"]),
  credit: z.string().nullable(),
  totalRange: z.object({ min: z.number(), max: z.number() }).nullable(),
  bands: z.array(z.object({ code: z.string(), min: z.number(), max: z.number() })),
  direction: z.enum(["lower_is_better", "higher_is_better"]).nullable(),
  loinc: z.object({ panel: z.string().nullable(), total: z.string().nullable() }),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;

/** A questionnaire given to a participant to complete themselves by a due date. */
export const assignmentInputSchema = z.object({
  instrumentKey: z.string().trim().min(1, "Choose a questionnaire.").max(40),
  dueOn: isoDate,
});
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

/** An open assignment: not yet completed, not cancelled. */
export const assessmentAssignmentSchema = z.object({
  id: z.uuid(),
  instrumentKey: z.string(),
  dueOn: z.iso.date(),
  assignedAt: z.iso.datetime(),
  assignedBy: z.string().nullable(),
});
export type AssessmentAssignment = z.infer<typeof assessmentAssignmentSchema>;

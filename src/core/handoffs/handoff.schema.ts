import { z } from "zod";
import { consentKindSchema, consentProblemSchema, informationScopeSchema } from "../consents/consent.schema";

/**
 * The warm handoff (issue 11): a referral packet for the next provider — a PDF or a FHIR R4 bundle —
 * sent only under a consent in force that names that provider, each send a logged disclosure; and the
 * task to confirm the first appointment with the step-down provider happened.
 */

/** How the packet leaves: printed/emailed PDF, or a FHIR bundle (the disclosure channels of the same names). */
export const HANDOFF_CHANNELS = ["referral_packet", "fhir"] as const;
export type HandoffChannel = (typeof HANDOFF_CHANNELS)[number];
export const handoffChannelSchema = z.enum(HANDOFF_CHANNELS, {
  message: "Choose referral_packet (PDF) or fhir (bundle).",
});

/**
 * The record categories a referral packet can carry, each with what it adds (see `handoff.rules.ts`
 * `HANDOFF_CONTENT`). Identification, the program contact and the referral itself go with every packet.
 */
export const HANDOFF_CATEGORIES = [
  "discharge_summary",
  "diagnosis",
  "treatment_plan",
  "medications",
  "assessment_scores",
] as const;
export type HandoffCategory = (typeof HANDOFF_CATEGORIES)[number];

/** Why a consent's recipient cannot receive the packet now (besides the consent engine's problems). */
export const HANDOFF_INELIGIBILITY = [
  /** Family, research, legal or criminal-justice consents are not for a treatment referral. */
  "kind_not_for_referral",
  /** A named-recipient consent whose purposes are not treatment or care coordination (e.g. family involvement). */
  "purpose_not_treatment",
  /** The consent names none of the categories a referral packet carries (or all are restricted). */
  "no_clinical_scope",
] as const;
export type HandoffIneligibility = (typeof HANDOFF_INELIGIBILITY)[number];

export const handoffRecipientSchema = z.object({
  consentId: z.uuid(),
  consentKind: consentKindSchema,
  consentSignedOn: z.iso.date().nullable(),
  consentExpiresOn: z.iso.date().nullable(),
  recipientId: z.uuid(),
  name: z.string(),
  relationship: z.string(),
  eligible: z.boolean(),
  /** The consent engine's problems at this moment (revoked, expired…) and the handoff's own reasons. */
  problems: z.array(consentProblemSchema),
  reasons: z.array(z.enum(HANDOFF_INELIGIBILITY)),
  /** What the packet would carry to this recipient, and what a §2.26 restriction withholds. */
  categories: z.array(informationScopeSchema),
  withheld: z.array(informationScopeSchema),
  /** The recipient's name matches the aftercare plan's step-down provider. */
  isStepDownProvider: z.boolean(),
});
export type HandoffRecipient = z.infer<typeof handoffRecipientSchema>;

export const handoffRecipientListSchema = z.object({
  /** The step-down provider named in the signed aftercare plan, if any. */
  stepDownProvider: z.string().nullable(),
  recipients: z.array(handoffRecipientSchema),
});
export type HandoffRecipientList = z.infer<typeof handoffRecipientListSchema>;

export const sendHandoffInputSchema = z.object({
  consentId: z.uuid("Choose a consent."),
  recipientId: z.uuid("Choose a recipient."),
  channel: handoffChannelSchema,
});
export type SendHandoffInput = z.infer<typeof sendHandoffInputSchema>;

export const APPOINTMENT_OUTCOMES = ["attended", "missed", "rescheduled", "unknown"] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];
export const appointmentOutcomeSchema = z.enum(APPOINTMENT_OUTCOMES, {
  message: `The outcome is one of: ${APPOINTMENT_OUTCOMES.join(", ")}.`,
});

export const recordOutcomeInputSchema = z
  .object({
    outcome: appointmentOutcomeSchema,
    note: z.string().trim().max(2000, "Keep the note under 2000 characters.").default(""),
  })
  .refine((v) => v.outcome === "attended" || v.note !== "", {
    message: "Say what happened (a missed, rescheduled or unknown appointment needs a note).",
    path: ["note"],
  });
export type RecordOutcomeInput = z.infer<typeof recordOutcomeInputSchema>;

export const handoffSchema = z.object({
  id: z.uuid(),
  channel: handoffChannelSchema,
  providerName: z.string(),
  consentId: z.uuid(),
  disclosureId: z.uuid(),
  sentBy: z.string(),
  sentAt: z.iso.datetime(),
});
export type Handoff = z.infer<typeof handoffSchema>;

export const aftercareTaskSchema = z.object({
  id: z.uuid(),
  kind: z.literal("confirm_first_appointment"),
  appointmentOn: z.iso.date(),
  dueOn: z.iso.date(),
  status: z.enum(["open", "done", "cancelled"]),
  overdue: z.boolean(),
  outcome: appointmentOutcomeSchema.nullable(),
  note: z.string(),
  completedBy: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
});
export type AftercareTask = z.infer<typeof aftercareTaskSchema>;

export const handoffOverviewSchema = z.object({
  handoffs: z.array(handoffSchema),
  tasks: z.array(aftercareTaskSchema),
});
export type HandoffOverview = z.infer<typeof handoffOverviewSchema>;

import { z } from "zod";
import { FAMILY_SCOPES, familyScopeSchema, SIGNER_ROLES } from "../consents/consent.schema";
import { emailSchema, localeSchema } from "../identity/identity.schema";

/**
 * Sharing with family and support people (issue 10): the participant (or staff at their request)
 * names a person, chooses what they may see and until when, answers the safety question, and signs a
 * named-recipient consent (42 CFR 2.31) for that person; only then is the person invited. Plus the
 * do-not-disclose list and the short updates the participant writes for the people they share with.
 */

/** The safety question's answers: anything but "no" stops the flow and tells the care team. */
export const SAFETY_ANSWERS = ["no", "yes", "not_sure"] as const;
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number];
export const safetyAnswerSchema = z.enum(SAFETY_ANSWERS, {
  message: "Answer the safety question.",
});

/** How long the sharing lasts: until a date, or until the participant's treatment ends. */
export const SHARE_UNTIL_KINDS = ["date", "end_of_treatment"] as const;
export type ShareUntilKind = (typeof SHARE_UNTIL_KINDS)[number];

/** Where sharing with one person stands, as the participant and staff see it. */
export const SHARING_STATUSES = [
  "safety_concern",
  "waiting_for_guardian",
  "not_invited",
  "invitation_sent",
  "active",
  "paused",
  "revoked",
  "expired",
] as const;
export type SharingStatus = (typeof SHARING_STATUSES)[number];

export const SHARED_UPDATE_MAX = 1000;

const untilOnSchema = z.iso.date({ message: "Enter a date as YYYY-MM-DD." }).nullable().default(null);

/** Step (a)–(d) of "Share with someone": who, what, until when, and the safety answer. */
export const shareDraftSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
    relationship: z
      .string()
      .trim()
      .min(1, "Say how they are related to you, e.g. sister or friend.")
      .max(60, "Use at most 60 characters."),
    email: emailSchema,
    locale: localeSchema.default("en"),
    scopes: z
      .array(familyScopeSchema)
      .min(1, "Choose at least one thing they may see.")
      .max(FAMILY_SCOPES.length),
    untilKind: z.enum(SHARE_UNTIL_KINDS, { message: "Choose until when." }),
    untilOn: untilOnSchema,
    safety: safetyAnswerSchema,
  })
  .superRefine((value, ctx) => {
    if (value.untilKind === "date" && value.untilOn === null)
      ctx.addIssue({ code: "custom", path: ["untilOn"], message: "Choose the date sharing ends." });
    if (new Set(value.scopes).size !== value.scopes.length)
      ctx.addIssue({ code: "custom", path: ["scopes"], message: "Choose each thing once." });
  });
export type ShareDraft = z.infer<typeof shareDraftSchema>;

/** The participant shares: the draft plus their full name typed as a signature (needed unless the answer stops the flow). */
export const myShareInputSchema = z.intersection(
  shareDraftSchema,
  z.object({ typedName: z.string().trim().max(200, "Use at most 200 characters.").default("") }),
);
export type MyShareInput = z.infer<typeof myShareInputSchema>;

/** Staff share at the participant's request: the participant signed the paper form, which is on file. */
export const staffShareInputSchema = z.intersection(
  shareDraftSchema,
  z.object({
    paperSignatureOnFile: z.boolean().default(false),
  }),
);
export type StaffShareInput = z.infer<typeof staffShareInputSchema>;

export const SHARE_OUTCOMES = [
  "invited",
  "linked_existing",
  "waiting_for_guardian",
  "safety_concern",
] as const;
export type ShareOutcome = (typeof SHARE_OUTCOMES)[number];

export const sharedPersonSchema = z.object({
  /** The consent recipient (what the family link rests on). */
  recipientId: z.uuid(),
  consentId: z.uuid(),
  name: z.string(),
  relationship: z.string(),
  email: z.string(),
  scopes: z.array(familyScopeSchema),
  status: z.enum(SHARING_STATUSES),
  /** When the consent was signed, or the draft written (a safety concern, a missing guardian signature). */
  since: z.iso.datetime(),
  untilOn: z.string().nullable(),
  untilEndOfTreatment: z.boolean(),
  revokedAt: z.iso.datetime().nullable(),
  safetyScreen: z.enum(["safe", "concern"]).nullable(),
  missingSigners: z.array(z.enum(SIGNER_ROLES)),
  invitationSentAt: z.iso.datetime().nullable(),
});
export type SharedPerson = z.infer<typeof sharedPersonSchema>;

export const shareResultSchema = z.object({ outcome: z.enum(SHARE_OUTCOMES), person: sharedPersonSchema });
export type ShareResult = z.infer<typeof shareResultSchema>;

/** "Stop sharing": the written statement, prefilled and editable. */
export const stopSharingInputSchema = z.object({
  writtenStatement: z
    .string()
    .trim()
    .min(1, "Write a sentence saying you stop sharing.")
    .max(2000, "Use at most 2,000 characters."),
});

/** A guardian's signature given on paper, recorded by staff. */
export const guardianSignatureInputSchema = z.object({
  signerName: z
    .string()
    .trim()
    .min(1, "Enter the parent's or guardian's name as signed.")
    .max(200, "Use at most 200 characters."),
});

// --- do-not-disclose list --------------------------------------------------------------------
export const blockInputSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
  email: z.union([z.literal(""), emailSchema]).default(""),
  note: z.string().trim().max(500, "Use at most 500 characters.").default(""),
});
export type BlockInput = z.infer<typeof blockInputSchema>;

export const blockedPersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  note: z.string(),
  createdAt: z.iso.datetime(),
});
export type BlockedPerson = z.infer<typeof blockedPersonSchema>;

// --- shared updates --------------------------------------------------------------------------
export const sharedUpdateInputSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Write your update first.")
    .max(SHARED_UPDATE_MAX, `Use at most ${SHARED_UPDATE_MAX.toLocaleString("en-US")} characters.`),
});
export const sharedUpdateSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export type SharedUpdate = z.infer<typeof sharedUpdateSchema>;

/** The participant's "People I share with" page. */
export const mySharingSchema = z.object({
  patientName: z.string(),
  programName: z.string(),
  timeZone: z.string(),
  /** Under the site's minor rule, a parent or guardian must also sign a consent written today. */
  guardianRequired: z.boolean(),
  people: z.array(sharedPersonSchema),
  blocks: z.array(blockedPersonSchema),
  updates: z.array(sharedUpdateSchema),
});
export type MySharing = z.infer<typeof mySharingSchema>;

/** The chart's Family tab. */
export const participantFamilySchema = mySharingSchema.omit({ updates: true });
export type ParticipantFamily = z.infer<typeof participantFamilySchema>;

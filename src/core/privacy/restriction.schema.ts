import { z } from "zod";
import { INFORMATION_SCOPES, informationScopeSchema } from "../consents/consent.schema";

/**
 * §2.26 restrictions: the participant asks the program not to use or disclose some of their
 * information for treatment, payment or operations, even where a signed consent would allow it.
 * Source: shared/reference/part2-and-family.md §3 (SECONDARY†; counsel checks before go-live).
 */

/**
 * - category: some kinds of information (from the consent scope list), whoever asks.
 * - recipient: information about them going to one person or organisation.
 * - health_plan_self_paid: services paid in full out of pocket are not disclosed to a health plan
 *   for payment or operations. The program must agree (the table's check allows no other status).
 */
export const RESTRICTION_KINDS = ["category", "recipient", "health_plan_self_paid"] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];
export const restrictionKindSchema = z.enum(RESTRICTION_KINDS);

export const RESTRICTION_STATUSES = ["requested", "agreed", "refused", "terminated"] as const;
export type RestrictionStatus = (typeof RESTRICTION_STATUSES)[number];

/** How the request reached the program. */
export const RESTRICTION_REQUEST_CHANNELS = ["participant_app", "staff_recorded"] as const;
export type RestrictionRequestChannel = (typeof RESTRICTION_REQUEST_CHANNELS)[number];

/**
 * How a restriction ends (§2.26): the participant agrees in writing (in the app, or on paper that
 * staff record), agrees orally and staff document it, or the program gives notice — which reaches
 * only records created afterwards and never the self-paid health-plan restriction.
 */
export const RESTRICTION_TERMINATIONS = [
  "participant_written",
  "participant_oral_documented",
  "program_notice",
] as const;
export type RestrictionTermination = (typeof RESTRICTION_TERMINATIONS)[number];

/** The categories a participant can choose from (the whole record is not a "category" to withhold). */
export const RESTRICTABLE_SCOPES = INFORMATION_SCOPES.filter(
  (s) => s !== "entire_record" && s !== "counseling_notes",
);

const TEXT_MAX = 1000;
const NAME_MAX = 200;

const scopes = z
  .array(informationScopeSchema, { message: "Choose what this is about." })
  .max(INFORMATION_SCOPES.length)
  .default([]);

/** A request, from the participant's app or recorded by staff; the per-kind requirements are rules. */
export const restrictionRequestInputSchema = z.object({
  kind: restrictionKindSchema,
  informationScope: scopes,
  /** Whom it concerns, in words: a person, an organisation, a health plan. */
  recipientText: z
    .string()
    .trim()
    .max(NAME_MAX, { message: `Keep this to ${NAME_MAX} characters.` })
    .default(""),
  /** Why, or which services were paid in full (optional except for the self-paid kind). */
  description: z
    .string()
    .trim()
    .max(TEXT_MAX, { message: `Keep this to ${TEXT_MAX} characters.` })
    .default(""),
});
export type RestrictionRequestInput = z.infer<typeof restrictionRequestInputSchema>;

/** The program's answer to a request: agree or refuse, with a note the participant reads. */
export const restrictionDecisionInputSchema = z.object({
  decision: z.enum(["agree", "refuse"], { message: "Choose agree or refuse." }),
  note: z
    .string()
    .trim()
    .max(TEXT_MAX, { message: `Keep the note to ${TEXT_MAX} characters.` })
    .default(""),
});
export type RestrictionDecisionInput = z.infer<typeof restrictionDecisionInputSchema>;

/** Staff end a restriction: the participant's written or oral agreement, or the program's notice. */
export const restrictionTerminationInputSchema = z.object({
  by: z.enum(RESTRICTION_TERMINATIONS, { message: "Choose how the restriction ends." }),
  note: z
    .string()
    .trim()
    .min(1, { message: "Say what was agreed or what the notice said." })
    .max(TEXT_MAX, { message: `Keep the note to ${TEXT_MAX} characters.` }),
});
export type RestrictionTerminationInput = z.infer<typeof restrictionTerminationInputSchema>;

/** The participant ends one of their restrictions in writing, from the app. */
export const myRestrictionTerminationInputSchema = z.object({
  statement: z
    .string()
    .trim()
    .min(1, { message: "Write a sentence saying you want this restriction to end." })
    .max(TEXT_MAX, { message: `Keep this to ${TEXT_MAX} characters.` }),
});
export type MyRestrictionTerminationInput = z.infer<typeof myRestrictionTerminationInputSchema>;

export const restrictionSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  kind: restrictionKindSchema,
  informationScope: z.array(informationScopeSchema),
  recipientText: z.string(),
  description: z.string(),
  status: z.enum(RESTRICTION_STATUSES),
  requestedVia: z.string(),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
  terminatedAt: z.iso.datetime().nullable(),
  terminationNote: z.string(),
});
export type Restriction = z.infer<typeof restrictionSchema>;

export const restrictionListSchema = z.object({ restrictions: z.array(restrictionSchema) });
export type RestrictionList = z.infer<typeof restrictionListSchema>;

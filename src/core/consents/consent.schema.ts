import { z } from "zod";

/**
 * 42 CFR Part 2 consents (2024 rule, compliance from 16 Feb 2026). Each §2.31(a) element is a field
 * here; `consent.rules.ts` names the element a draft is missing. Sources: `shared/reference/
 * part2-and-family.md` §1 (regulation text, partly SECONDARY† — counsel checks the rule set before go-live).
 */

/** The kinds the engine knows; legal-proceedings and counseling-notes consents are never combined with others. */
export const CONSENT_KINDS = [
  "tpo",
  "named_recipient",
  "counseling_notes",
  "research",
  "legal_proceedings",
  "criminal_justice",
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const consentKindSchema = z.enum(CONSENT_KINDS);

/**
 * (a)(3) What may be disclosed, "in a specific and meaningful fashion": a controlled list, never free
 * text alone. The family-portal categories are the ones the family portal can show.
 */
export const INFORMATION_SCOPES = [
  // Record categories (releases, referrals, TPO).
  "attendance",
  "diagnosis",
  "treatment_plan",
  "medications",
  "assessment_scores",
  "drug_screens",
  "progress_summary",
  "discharge_summary",
  /** The whole record except SUD counseling notes, which only a counseling-notes consent can name. */
  "entire_record",
  "counseling_notes",
  // Family portal categories.
  "family_session_schedule",
  "attendance_summary",
  "shared_progress",
  "treatment_goals",
  "family_messages",
] as const;
export type InformationScope = (typeof INFORMATION_SCOPES)[number];
export const informationScopeSchema = z.enum(INFORMATION_SCOPES);

/** What the family portal can show; `assessment_scores` only when the participant chooses it. */
export const FAMILY_SCOPES = [
  "family_session_schedule",
  "attendance_summary",
  "shared_progress",
  "treatment_goals",
  "assessment_scores",
  "family_messages",
] as const satisfies readonly InformationScope[];
export type FamilyScope = (typeof FAMILY_SCOPES)[number];
export const familyScopeSchema = z.enum(FAMILY_SCOPES);

/** (a)(5) purposes, coded. */
export const CONSENT_PURPOSES = [
  "tpo",
  "patient_request",
  "family_involvement",
  "care_coordination",
  "payment",
  "research",
  "legal_proceeding",
  "criminal_justice_monitoring",
  "fundraising",
  "other",
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);

/** (a)(7) expiry events. `none` only for TPO; `end_of_study` only for research; `final_disposition` only §2.35. */
export const EXPIRY_EVENTS = ["none", "end_of_treatment", "end_of_study", "final_disposition"] as const;
export type ExpiryEvent = (typeof EXPIRY_EVENTS)[number];
export const expiryEventSchema = z.enum(EXPIRY_EVENTS);

export const DISCLOSER_TYPES = ["program", "named", "class"] as const;
export const RECIPIENT_KINDS = ["person", "organisation", "class", "intermediary"] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const SIGNER_ROLES = ["patient", "parent_guardian", "representative"] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];
export const SIGNATURE_METHODS = ["electronic", "paper_on_file"] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const REVOCATION_METHODS = ["participant_app", "paper_recorded_by_staff"] as const;
export type RevocationMethod = (typeof REVOCATION_METHODS)[number];

/** The §2.31(a) elements, each with its paragraph, so a refusal can name what is missing. */
export const CONSENT_ELEMENTS = {
  patient_name: "(a)(1)",
  disclosers: "(a)(2)",
  information: "(a)(3)",
  recipients: "(a)(4)",
  purposes: "(a)(5)",
  revocation: "(a)(6)",
  expiry: "(a)(7)",
  signature: "(a)(8)",
  date_signed: "(a)(9)",
  tpo_statements: "(a)(10)",
} as const;
export type ConsentElement = keyof typeof CONSENT_ELEMENTS;

export const discloserSchema = z.object({
  type: z.enum(DISCLOSER_TYPES),
  name: z.string().trim().max(200),
});

export const recipientInputSchema = z.object({
  kind: z.enum(RECIPIENT_KINDS),
  name: z.string().trim().max(200),
  relationship: z.string().trim().max(100).default(""),
  email: z.union([z.literal(""), z.email({ message: "Enter a valid email address." })]).default(""),
  coveredEntity: z.boolean().default(false),
  intermediaryParticipants: z.string().trim().max(1000).default(""),
  generalDesignationTreatingOnly: z.boolean().default(false),
});
export type RecipientInput = z.infer<typeof recipientInputSchema>;

/**
 * A consent draft as the form sends it. Shape only: whether it can be signed is `findMissingElements`
 * (the UI shows each missing element by name; signing is refused until none is).
 */
export const consentDraftInputSchema = z.object({
  kind: consentKindSchema,
  patientName: z.string().trim().max(200),
  disclosers: z.array(discloserSchema).max(10),
  informationScope: z.array(informationScopeSchema).max(INFORMATION_SCOPES.length),
  informationDetail: z.string().trim().max(1000).default(""),
  recipients: z.array(recipientInputSchema).max(20),
  purposes: z.array(consentPurposeSchema).max(CONSENT_PURPOSES.length),
  purposeDetail: z.string().trim().max(1000).default(""),
  expiresOn: z.iso.date({ message: "Enter a date as YYYY-MM-DD." }).nullable(),
  expiryEvent: expiryEventSchema.nullable(),
  refusalConsequences: z.string().trim().max(1000).default(""),
  revocableAfter: z.iso.date({ message: "Enter a date as YYYY-MM-DD." }).nullable().default(null),
});
export type ConsentDraftInput = z.infer<typeof consentDraftInputSchema>;

/** A consent as the rules see it (storage maps rows to this). */
export interface ConsentFacts {
  id: string;
  kind: ConsentKind;
  patientName: string;
  disclosers: readonly { type: (typeof DISCLOSER_TYPES)[number]; name: string }[];
  informationScope: readonly InformationScope[];
  informationDetail: string;
  recipients: readonly (RecipientInput & { id: string; revokedAt: Date | null })[];
  purposes: readonly ConsentPurpose[];
  purposeDetail: string;
  expiresOn: string | null;
  expiryEvent: ExpiryEvent | null;
  refusalConsequences: string;
  revocableAfter: string | null;
  requiredSigners: readonly SignerRole[];
  signatures: readonly { role: SignerRole; signerName: string; signedAt: Date }[];
  status: "draft" | "signed" | "void";
  signedAt: Date | null;
  /** A written revocation of the whole consent. */
  revokedAt: Date | null;
  holdAt: Date | null;
  materiallyFalseAt: Date | null;
}

/** Why a consent cannot carry a disclosure at this moment (§2.31(c) and the engine's own holds). */
export const CONSENT_PROBLEMS = [
  "not_signed",
  "deficient",
  "expired",
  "revoked",
  "recipient_revoked",
  "recipient_not_named",
  "on_hold",
  "materially_false",
  "out_of_scope",
  "restricted",
] as const;
export type ConsentProblem = (typeof CONSENT_PROBLEMS)[number];
export const consentProblemSchema = z.enum(CONSENT_PROBLEMS);

/** One missing or wrong element: the element, its paragraph and what to do, in plain words. */
export const consentDefectSchema = z.object({
  element: z
    .enum(Object.keys(CONSENT_ELEMENTS) as [ConsentElement, ...ConsentElement[]])
    .or(z.literal("combination")),
  paragraph: z.string(),
  field: z.string(),
  message: z.string(),
});
export type ConsentDefect = z.infer<typeof consentDefectSchema>;

/** The state rule for minors at a site (§2.14 defers to state law; counsel fills it in). */
export const minorConsentRuleSchema = z.object({
  stateCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { message: "Use the two-letter state code, e.g. CA." }),
  ageOfMajority: z
    .number()
    .int()
    .min(14, { message: "Between 14 and 21." })
    .max(21, { message: "Between 14 and 21." }),
  minorMayConsentFrom: z
    .number()
    .int()
    .min(10, { message: "Between 10 and 21, or leave empty when state law sets no age." })
    .max(21, { message: "Between 10 and 21, or leave empty when state law sets no age." })
    .nullable(),
  parentalConsentRequired: z.boolean(),
  notes: z.string().trim().max(2000).default(""),
});
export type MinorConsentRule = z.infer<typeof minorConsentRuleSchema>;

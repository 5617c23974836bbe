import { z } from "zod";
import {
  consentDefectSchema,
  consentDraftInputSchema,
  consentKindSchema,
  consentPurposeSchema,
  DISCLOSER_TYPES,
  expiryEventSchema,
  informationScopeSchema,
  minorConsentRuleSchema,
  RECIPIENT_KINDS,
  REVOCATION_METHODS,
  SIGNATURE_METHODS,
  SIGNER_ROLES,
} from "./consent.schema";

/**
 * What the consent routes send and receive (the response schemas are the allow-list). The draft
 * itself is `consentDraftInputSchema`; these add ids, signatures, revocations and the derived state.
 */

/** A consent's state as staff and the participant see it, derived at the moment of reading. */
export const CONSENT_STATES = [
  "draft",
  "in_force",
  "expired",
  "revoked",
  "partly_revoked",
  "on_hold",
  "void",
  "materially_false",
] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const consentStateSchema = z.enum(CONSENT_STATES);

const signerRoleSchema = z.enum(SIGNER_ROLES);

export const consentRecipientSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RECIPIENT_KINDS),
  name: z.string(),
  relationship: z.string(),
  email: z.string(),
  coveredEntity: z.boolean(),
  intermediaryParticipants: z.string(),
  generalDesignationTreatingOnly: z.boolean(),
  revokedAt: z.iso.datetime().nullable(),
});

export const consentSignatureSchema = z.object({
  role: signerRoleSchema,
  signerName: z.string(),
  method: z.enum(SIGNATURE_METHODS),
  signedAt: z.iso.datetime(),
});

export const consentRevocationSchema = z.object({
  id: z.uuid(),
  recipientId: z.uuid().nullable(),
  writtenStatement: z.string(),
  method: z.enum(REVOCATION_METHODS),
  revokedAt: z.iso.datetime(),
});

export const consentSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  kind: consentKindSchema,
  patientName: z.string(),
  disclosers: z.array(z.object({ type: z.enum(DISCLOSER_TYPES), name: z.string() })),
  informationScope: z.array(informationScopeSchema),
  informationDetail: z.string(),
  recipients: z.array(consentRecipientSchema),
  purposes: z.array(consentPurposeSchema),
  purposeDetail: z.string(),
  expiresOn: z.string().nullable(),
  expiryEvent: expiryEventSchema.nullable(),
  refusalConsequences: z.string(),
  revocableAfter: z.string().nullable(),
  requiredSigners: z.array(signerRoleSchema),
  signatures: z.array(consentSignatureSchema),
  /** Required signers who have not signed yet (drafts). */
  missingSigners: z.array(signerRoleSchema),
  /** §2.31(a) elements a draft still lacks, each named (empty for a signed consent). */
  missingElements: z.array(consentDefectSchema),
  status: z.enum(["draft", "signed", "void"]),
  state: consentStateSchema,
  signedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  holdAt: z.iso.datetime().nullable(),
  holdNote: z.string(),
  materiallyFalseAt: z.iso.datetime().nullable(),
  materiallyFalseNote: z.string(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentListSchema = z.object({ consents: z.array(consentSchema) });
export type ConsentList = z.infer<typeof consentListSchema>;

/** One consent with the text as signed (or as it would read, for a draft) and its written revocations. */
export const consentDetailSchema = consentSchema.extend({
  documentText: z.string(),
  revocations: z.array(consentRevocationSchema),
});
export type ConsentDetail = z.infer<typeof consentDetailSchema>;

export const consentUpdateInputSchema = consentDraftInputSchema.extend({
  version: z.number().int().min(1),
});
export type ConsentUpdateInput = z.infer<typeof consentUpdateInputSchema>;

const requiredText = (max: number, message: string) => z.string().trim().min(1, { message }).max(max);

/** Staff record a signature on paper (the signed form is kept on file). */
export const staffSignatureInputSchema = z.object({
  role: z.enum(["patient", "parent_guardian"]),
  signerName: requiredText(200, "Enter the name of the person who signed."),
});
export type StaffSignatureInput = z.infer<typeof staffSignatureInputSchema>;

/** A written revocation: of the whole consent (`recipientId` null) or of one recipient. */
export const revocationInputSchema = z.object({
  recipientId: z.uuid().nullable(),
  writtenStatement: requiredText(2000, "Write the revocation in the participant's own words."),
});
export type RevocationInput = z.infer<typeof revocationInputSchema>;

/** An oral revocation heard by staff: disclosures stop until a written revocation or a release. */
export const holdInputSchema = z.object({
  heardBy: requiredText(200, "Say who heard the request."),
  note: requiredText(2000, "Say what the participant asked for."),
});
export type HoldInput = z.infer<typeof holdInputSchema>;

export const materiallyFalseInputSchema = z.object({
  note: requiredText(2000, "Say what is false about this consent and how you know."),
});
export type MateriallyFalseInput = z.infer<typeof materiallyFalseInputSchema>;

/** The participant signs in the app by typing their full name. */
export const eSignatureInputSchema = z.object({
  typedName: requiredText(200, "Type your full name to sign."),
});
export type ESignatureInput = z.infer<typeof eSignatureInputSchema>;

/** The site's rule for minors, as stored (newest in force). */
export const minorConsentRuleViewSchema = z.object({
  rule: minorConsentRuleSchema.extend({ updatedAt: z.iso.datetime(), updatedByName: z.string() }).nullable(),
});
export type MinorConsentRuleView = z.infer<typeof minorConsentRuleViewSchema>;

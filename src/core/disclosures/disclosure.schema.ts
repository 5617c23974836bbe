import { z } from "zod";
import { consentProblemSchema, informationScopeSchema } from "../consents/consent.schema";

/** The ground a disclosure stands on: the participant's consent, or one of the no-consent routes Part 2 allows. */
export const DISCLOSURE_BASES = [
  "consent",
  "medical_emergency",
  "audit_evaluation",
  "qsoa",
  "child_abuse_report",
  "court_order",
] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];
export const disclosureBasisSchema = z.enum(DISCLOSURE_BASES);

/**
 * Every path by which information leaves the program. Each goes through `disclose` (server
 * `disclosures/disclose.ts`); a test enumerates this list and checks each path logs and attaches the
 * §2.32 statement. `referral_packet` and `fhir` are used by the discharge issue (11).
 */
export const DISCLOSURE_CHANNELS = [
  "family_portal",
  "record_release",
  "fhir",
  "referral_packet",
  "print",
  "no_consent",
] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];
export const disclosureChannelSchema = z.enum(DISCLOSURE_CHANNELS);

/** No-consent disclosures: staff only; these need the clinical director's approval before release. */
export const EXCEPTION_KINDS = [
  "medical_emergency",
  "audit_evaluation",
  "qsoa",
  "child_abuse_report",
  "court_order",
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const exceptionKindSchema = z.enum(EXCEPTION_KINDS);

/**
 * Which kinds wait for the clinical director. A medical emergency is recorded immediately after the
 * fact (§2.51(c) requires the record, not a prior approval: waiting could cost a life); a mandated
 * child-abuse report is made under state law by the reporter. Audits and court orders are approved first.
 */
export const EXCEPTION_NEEDS_APPROVAL: Record<ExceptionKind, boolean> = {
  medical_emergency: false,
  audit_evaluation: true,
  qsoa: true,
  child_abuse_report: false,
  court_order: true,
};

const text = (label: string, max = 500) =>
  z
    .string({ message: `Enter ${label}.` })
    .trim()
    .min(1, { message: `Enter ${label}.` })
    .max(max, { message: `Keep ${label} to ${max} characters.` });

/** §2.51(c): the four facts written immediately after an emergency disclosure. */
export const medicalEmergencyDetailsSchema = z.object({
  kind: z.literal("medical_emergency"),
  recipientName: text("the name of the medical personnel who received it", 200),
  recipientFacility: text("their facility", 200),
  disclosedByName: text("the name of the person who made the disclosure", 200),
  disclosedAt: z.iso.datetime({ offset: true, message: "Enter the date and time of the disclosure." }),
  natureOfEmergency: text("the nature of the emergency", 2000),
  /** Set when a §2.26 restriction exists: the emergency provider was asked not to pass it on. */
  askedNotToRedisclose: z.boolean().default(false),
});

/** §2.53: the auditor, on whose behalf, the written agreement, the scope, and whether records were copied. */
export const auditEvaluationDetailsSchema = z.object({
  kind: z.literal("audit_evaluation"),
  auditorName: text("the auditor's name", 200),
  organisation: text("the auditor's organisation", 200),
  onBehalfOf: text("on whose behalf the audit is made", 200),
  writtenAgreementOnFile: z.literal(true, {
    message: "An audit needs the auditor's written agreement on file.",
  }),
  scope: text("the scope of the review", 2000),
  copiedOrRemoved: z.boolean(),
  returnOrDestroyBy: z.iso.date({ message: "Enter a date as YYYY-MM-DD." }).nullable(),
});

/** §2.11, §2.12(c)(4): a qualified service organization under a signed agreement with both clauses. */
export const qsoaDetailsSchema = z.object({
  kind: z.literal("qsoa"),
  organisation: text("the organisation", 200),
  services: text("the services it gives the program", 1000),
  acknowledgesPart2: z.literal(true, {
    message: "The agreement must say the organisation is fully bound by Part 2.",
  }),
  willResistInCourt: z.literal(true, {
    message: "The agreement must say the organisation will resist in court any access not allowed by Part 2.",
  }),
  agreementSignedOn: z.iso.date({ message: "Enter a date as YYYY-MM-DD." }),
  agreementEndsOn: z.iso.date({ message: "Enter a date as YYYY-MM-DD." }).nullable(),
});

/** §2.12(c)(6): a report of suspected child abuse or neglect made under state law. */
export const childAbuseReportDetailsSchema = z.object({
  kind: z.literal("child_abuse_report"),
  agency: text("the agency", 200),
  reporterName: text("the reporter's name", 200),
  reportedAt: z.iso.datetime({ offset: true, message: "Enter the date and time of the report." }),
  whatWasReported: text("what was reported", 2000),
});

/** §§2.61–2.67: an order and a subpoena (or similar mandate) — a subpoena alone is never enough. */
export const courtOrderDetailsSchema = z.object({
  kind: z.literal("court_order"),
  court: text("the court", 200),
  caseNumber: text("the case number", 100),
  section: z.enum(["2.64", "2.65", "2.66", "2.67"], { message: "Choose the section the order relies on." }),
  orderAttached: z.literal(true, {
    message: "A Part 2 court order is required; a subpoena alone is never enough.",
  }),
  subpoenaAttached: z.literal(true, {
    message: "The order must come with a subpoena or similar legal mandate before records are released.",
  }),
  receivedOn: z.iso.date({ message: "Enter a date as YYYY-MM-DD." }),
  counselReviewed: z.literal(true, { message: "Counsel must review the order before release." }),
  patientNotified: z.boolean(),
  limits: text("the limits the order sets on what is released", 2000),
});

export const exceptionDetailsSchema = z.discriminatedUnion("kind", [
  medicalEmergencyDetailsSchema,
  auditEvaluationDetailsSchema,
  qsoaDetailsSchema,
  childAbuseReportDetailsSchema,
  courtOrderDetailsSchema,
]);
export type ExceptionDetails = z.infer<typeof exceptionDetailsSchema>;

export const EXCEPTION_STATUSES = ["pending_approval", "approved", "refused", "recorded"] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

/** One line of the disclosure log, as the participant and staff read it. */
export const disclosureLogEntrySchema = z.object({
  id: z.uuid(),
  disclosedAt: z.iso.datetime(),
  basis: disclosureBasisSchema,
  channel: disclosureChannelSchema,
  recipientName: z.string(),
  purpose: z.string(),
  information: z.array(informationScopeSchema),
  /** Who made it: a staff member's name, or "Viewed by <family member>" on the portal. */
  disclosedByName: z.string().nullable(),
  consentId: z.uuid().nullable(),
  statement: z.enum(["statement_1", "statement_2", "none"]),
});
export type DisclosureLogEntry = z.infer<typeof disclosureLogEntrySchema>;

/** What a refused disclosure says: the consent problems, so staff (never the recipient) can see why. */
export const disclosureRefusalSchema = z.object({ problems: z.array(consentProblemSchema) });

import { z } from "zod";

/**
 * The aftercare plan's content (issue 11), co-written by the participant and their clinician before
 * discharge. One schema for storage, the API and both forms (staff chart and the participant's phone).
 * Every part is optional while drafting; `findAftercareGaps` (aftercare.rules.ts) says what a plan still
 * lacks before it is signed.
 */

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label}: use at most ${max} characters.`);
const optionalDate = z.iso.date({ message: "Use a date (YYYY-MM-DD)." }).nullable().default(null);
const optionalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 18:30.")
  .nullable()
  .default(null);

/** Where the person steps down to: outpatient (ASAM 1.0) here, or another provider. */
export const STEP_DOWN_KINDS = ["outpatient_here", "other_provider", "none"] as const;
export type StepDownKind = (typeof STEP_DOWN_KINDS)[number];

export const stepDownSchema = z.object({
  kind: z.enum(STEP_DOWN_KINDS, { message: `Step-down is one of: ${STEP_DOWN_KINDS.join(", ")}.` }),
  /** The ASAM level of the next service (e.g. "1.0"); null when none. */
  levelOfCare: z.string().trim().max(10).nullable().default(null),
  providerName: text(200, "Provider"),
  clinicianName: text(200, "Clinician").default(""),
  address: text(500, "Address").default(""),
  phone: text(40, "Phone").default(""),
  appointmentOn: optionalDate,
  appointmentTime: optionalTime,
  /** The provider confirmed the appointment (the clinician called, or the referral was accepted). */
  confirmed: z.boolean().default(false),
});
export type StepDown = z.infer<typeof stepDownSchema>;

export const MUTUAL_HELP_KINDS = [
  "aa",
  "na",
  "smart",
  "celebrate_recovery",
  "refuge_recovery",
  "other",
] as const;
export type MutualHelpKind = (typeof MUTUAL_HELP_KINDS)[number];

export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;

export const meetingSchema = z.object({
  kind: z.enum(MUTUAL_HELP_KINDS, { message: `Meeting kind is one of: ${MUTUAL_HELP_KINDS.join(", ")}.` }),
  name: text(200, "Meeting name").min(1, "Name the meeting."),
  weekday: z.enum(WEEKDAYS).nullable().default(null),
  time: optionalTime,
  place: text(300, "Place").default(""),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const HOUSING_KINDS = [
  "own_home",
  "with_family_or_friends",
  "sober_living",
  "supported_housing",
  "temporary",
  "homeless",
  "other",
] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];

export const housingSchema = z.object({
  kind: z.enum(HOUSING_KINDS, { message: `Housing is one of: ${HOUSING_KINDS.join(", ")}.` }),
  name: text(200, "Residence name").default(""),
  address: text(500, "Address").default(""),
  notes: text(1000, "Notes").default(""),
});
export type Housing = z.infer<typeof housingSchema>;

export const medicationContinuitySchema = z.object({
  /** Medications to continue (e.g. buprenorphine, naltrexone), as the prescriber wrote them. */
  medications: text(1000, "Medications").default(""),
  prescriberName: text(200, "Prescriber").default(""),
  prescriberPhone: text(40, "Phone").default(""),
  nextAppointmentOn: optionalDate,
});
export type MedicationContinuity = z.infer<typeof medicationContinuitySchema>;

export const supportPersonSchema = z.object({
  name: text(200, "Name").min(1, "Give the person's name."),
  relationship: text(100, "Relationship").default(""),
  phone: text(40, "Phone").default(""),
  /** A sponsor in a mutual-help fellowship. */
  sponsor: z.boolean().default(false),
});
export type SupportPerson = z.infer<typeof supportPersonSchema>;

export const resourceSchema = z.object({
  name: text(200, "Resource").min(1, "Name the resource."),
  phone: text(40, "Phone").default(""),
  url: text(500, "Web address").default(""),
  notes: text(500, "Notes").default(""),
});
export type CommunityResource = z.infer<typeof resourceSchema>;

export const aftercarePlanContentSchema = z.object({
  stepDown: stepDownSchema.nullable().default(null),
  meetings: z.array(meetingSchema).max(20, "List at most 20 meetings.").default([]),
  housing: housingSchema.nullable().default(null),
  medication: medicationContinuitySchema.nullable().default(null),
  supports: z.array(supportPersonSchema).max(20, "List at most 20 people.").default([]),
  /**
   * The crisis plan is the participant's safety plan carried over (personal plans, kind `safety`):
   * true when the plan includes it; the document and the packet print its current version.
   */
  includeSafetyPlan: z.boolean().default(true),
  resources: z.array(resourceSchema).max(20, "List at most 20 resources.").default([]),
  /** The participant's own words: what they will do in the first weeks after the program. */
  goals: text(2000, "Goals").default(""),
});
export type AftercarePlanContent = z.infer<typeof aftercarePlanContentSchema>;

export const EMPTY_AFTERCARE_PLAN: AftercarePlanContent = aftercarePlanContentSchema.parse({});

export const AFTERCARE_PLAN_STATUSES = ["draft", "signed"] as const;
export type AftercarePlanStatus = (typeof AFTERCARE_PLAN_STATUSES)[number];

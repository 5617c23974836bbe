import { z } from "zod";
import { CHANGE_STATUSES } from "../assessments/reliable-change";
import { dischargeReasonSchema } from "../participants/episodes.schema";
import { OBJECTIVE_STATUSES } from "../treatment-plans/plan.schema";

/**
 * The discharge summary (issue 11): a draft generated from the episode's record (the facts below, kept
 * with the summary as the snapshot it was written from), that the clinician edits section by section
 * and signs once the discharge is recorded. Signed, it never changes.
 *
 * The generated text is clinical English (a summary is a clinical document that travels with the
 * record to the next provider); the screens around it follow the user's language.
 */

/** The sections, in the order they are printed. Every one must have text to sign. */
export const SUMMARY_SECTIONS = [
  "identification",
  "reasonForAdmission",
  "course",
  "attendance",
  "measures",
  "planProgress",
  "medications",
  "risks",
  "dischargeAndAftercare",
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];
export const REQUIRED_SECTIONS: readonly SummarySection[] = SUMMARY_SECTIONS;

/** The English heading of each section (the PDF and the generated document). */
export const SECTION_TITLES: Readonly<Record<SummarySection, string>> = {
  identification: "Identification",
  reasonForAdmission: "Reason for admission",
  course: "Course of treatment",
  attendance: "Attendance",
  measures: "Measures at admission and discharge",
  planProgress: "Treatment plan progress",
  medications: "Medications",
  risks: "Risks",
  dischargeAndAftercare: "Discharge and aftercare",
};

const SECTION_MAX = 10000;
export const sectionTextSchema = z
  .string()
  .max(SECTION_MAX, `Keep a section under ${SECTION_MAX.toLocaleString("en-US")} characters.`);

export const summarySectionsSchema = z.object(
  Object.fromEntries(SUMMARY_SECTIONS.map((key) => [key, sectionTextSchema])) as Record<
    SummarySection,
    typeof sectionTextSchema
  >,
);
export type SummarySections = z.infer<typeof summarySectionsSchema>;

const isoDate = z.iso.date();

export const MEASURE_CHANGE_STATUSES = [...CHANGE_STATUSES, "not_enough_data"] as const;
export type MeasureChangeStatus = (typeof MEASURE_CHANGE_STATUSES)[number];

const scorePointSchema = z.object({ on: isoDate, score: z.number(), band: z.string().nullable() });

export const measureFactSchema = z.object({
  instrumentKey: z.string(),
  instrumentName: z.string(),
  administrations: z.number().int().min(1),
  first: scorePointSchema,
  /** The last scored response, when there is more than one. */
  last: scorePointSchema.nullable(),
  change: z.object({
    status: z.enum(MEASURE_CHANGE_STATUSES),
    /** Why no classification could be made (one score, no reliable-change parameters). */
    reason: z.string().nullable(),
    rci: z.number().nullable(),
    /** The smallest change in points that is reliable for this instrument. */
    minimumPoints: z.number().nullable(),
  }),
});
export type MeasureFact = z.infer<typeof measureFactSchema>;

export const objectiveFactSchema = z.object({
  problem: z.string(),
  statement: z.string(),
  status: z.enum(OBJECTIVE_STATUSES),
  /** The latest signed review's progress note for this objective, if any. */
  note: z.string(),
});

export const dischargeSummaryFactsSchema = z.object({
  participant: z.object({ name: z.string(), bornOn: isoDate }),
  programName: z.string(),
  episode: z.object({
    admittedOn: isoDate,
    dischargedOn: isoDate.nullable(),
    levelOfCare: z.string(),
    dischargeLevelOfCare: z.string().nullable(),
    primaryCounselor: z.string().nullable(),
  }),
  admission: z.object({
    referralSource: z.string().nullable(),
    referringOrganisation: z.string().nullable(),
    /** What the person or their referrer said they were looking for, and the referrer's handoff. */
    presentingConcerns: z.string().nullable(),
    diagnoses: z.array(z.object({ code: z.string(), title: z.string(), primary: z.boolean() })),
    /** The problems of the treatment plan (what treatment addressed). */
    problems: z.array(z.string()),
  }),
  course: z.object({
    /** The last day counted: the discharge date, or the day the draft was generated. */
    throughOn: isoDate,
    lengthOfStayDays: z.number().int().min(0),
    sessionsScheduled: z.number().int().min(0),
    sessionsAttended: z.number().int().min(0),
    attendedMinutes: z.number().int().min(0),
    weeklyAverageHours: z.number().min(0),
    absencesExcused: z.number().int().min(0),
    absencesUnexcused: z.number().int().min(0),
    cancelledByProgram: z.number().int().min(0),
  }),
  measures: z.array(measureFactSchema),
  plan: z
    .object({
      version: z.number().int(),
      startsOn: isoDate,
      latestReviewOn: isoDate.nullable(),
      reviewSummary: z.string(),
      objectives: z.array(objectiveFactSchema),
      dischargeCriteria: z.array(z.string()),
    })
    .nullable(),
  medications: z
    .object({
      medications: z.string(),
      prescriberName: z.string(),
      prescriberPhone: z.string(),
      nextAppointmentOn: isoDate.nullable(),
    })
    .nullable(),
  risks: z.object({
    /** Each critical finding in words (the alert wording: instrument and item, never the answer itself). */
    criticalAnswers: z.array(z.object({ on: isoDate, finding: z.string() })),
    urgentAlerts: z.array(
      z.object({ on: isoDate, severity: z.string(), reason: z.string(), state: z.string() }),
    ),
    hasSafetyPlan: z.boolean(),
  }),
  discharge: z.object({
    reason: dischargeReasonSchema.nullable(),
    note: z.string().nullable(),
    referredLevelOfCare: z.string().nullable(),
    stepDown: z
      .object({
        providerName: z.string(),
        appointmentOn: isoDate.nullable(),
        confirmed: z.boolean(),
      })
      .nullable(),
    meetings: z.array(z.string()),
  }),
});
export type DischargeSummaryFacts = z.infer<typeof dischargeSummaryFactsSchema>;

export const SUMMARY_STATUSES = ["draft", "signed"] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

/** The summary as the API shows it (the allow-list). */
export const dischargeSummarySchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  status: z.enum(SUMMARY_STATUSES),
  sections: summarySectionsSchema,
  /** True once someone saved text that differs from what was generated. */
  edited: z.boolean(),
  version: z.number().int().min(1),
  generatedAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
});
export type DischargeSummary = z.infer<typeof dischargeSummarySchema>;

export const dischargeSummaryViewSchema = z.object({
  episode: z
    .object({
      id: z.uuid(),
      admittedOn: isoDate,
      dischargedOn: isoDate.nullable(),
      /** Whether the discharge is recorded (the summary can be signed only then). */
      discharged: z.boolean(),
    })
    .nullable(),
  summary: dischargeSummarySchema.nullable(),
});
export type DischargeSummaryView = z.infer<typeof dischargeSummaryViewSchema>;

export const generateDraftSchema = z.object({
  /** Regenerating a draft someone edited overwrites their text only when this is true. */
  replaceEdits: z.boolean().default(false),
});
export type GenerateDraftInput = z.infer<typeof generateDraftSchema>;

export const saveSummarySchema = z.object({
  version: z.number().int().min(1),
  sections: summarySectionsSchema,
});
export type SaveSummaryInput = z.infer<typeof saveSummarySchema>;

export const signSummarySchema = z.object({ version: z.number().int().min(1) });
export type SignSummaryInput = z.infer<typeof signSummarySchema>;

import { z } from "zod";
import { familyScopeSchema } from "../consents/consent.schema";

/**
 * What a family member sees of a person they support, view by view. Each response schema is the
 * allow-list of what leaves the server: no notes, no SUD counseling notes, no item answers, no
 * absence reasons, no problems or diagnoses. Every view that carries participant information also
 * carries the §2.32 statement and the scope explanation of the consent it was disclosed under.
 */

/** The views of one person, each tied to the one consent category it discloses. */
export const FAMILY_VIEWS = {
  schedule: "family_session_schedule",
  attendance: "attendance_summary",
  progress: "shared_progress",
  goals: "treatment_goals",
  scores: "assessment_scores",
} as const;
export type FamilyView = keyof typeof FAMILY_VIEWS;

export const familyPersonParamsSchema = z.object({
  participantId: z.uuid("This is not a valid person id."),
});

/** The §2.32 statement and the scope explanation that travel with each disclosure. */
export const disclosureNoticeSchema = z.object({
  statement: z.object({ kind: z.enum(["statement_1", "statement_2"]), text: z.string() }),
  scopeSummary: z.string(),
});
export type DisclosureNotice = z.infer<typeof disclosureNoticeSchema>;

export const familyPersonSchema = disclosureNoticeSchema.extend({
  participantId: z.uuid(),
  /** The preferred name, else the first name: never the family name. */
  name: z.string(),
  /** How the family member is related, as the consent names them. */
  relationship: z.string(),
  /** What the participant chose to share, less any category an agreed restriction withholds. */
  scopes: z.array(familyScopeSchema),
  expiresOn: z.iso.date().nullable(),
  /** The consent's expiry event when it has no date (e.g. `end_of_treatment`). */
  expiryEvent: z.string().nullable(),
});
export type FamilyPerson = z.infer<typeof familyPersonSchema>;

export const familyPeopleSchema = z.object({
  /** The people whose consent is in force now. */
  people: z.array(familyPersonSchema),
  /** How many people no longer share with this family member (revoked or expired): no data about them. */
  noLongerShared: z.number().int().min(0),
});
export type FamilyPeople = z.infer<typeof familyPeopleSchema>;

export const familySessionSchema = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  telehealth: z.boolean(),
  /** A room or a place in words (in person); empty for a video session. */
  place: z.string(),
  /** The video link of a telehealth session, when one is set. */
  videoLink: z.string(),
  /** The staff member leading it. */
  withWhom: z.string(),
  /** Whether this family member is named among those taking part. */
  includesYou: z.boolean(),
});
export type FamilySession = z.infer<typeof familySessionSchema>;

export const familyScheduleSchema = disclosureNoticeSchema.extend({
  sessions: z.array(familySessionSchema),
});
export type FamilySchedule = z.infer<typeof familyScheduleSchema>;

export const attendancePeriodSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  attendedSessions: z.number().int().min(0),
  expectedSessions: z.number().int().min(0),
  attendedMinutes: z.number().int().min(0),
  expectedMinutes: z.number().int().min(0),
});
export type AttendancePeriod = z.infer<typeof attendancePeriodSchema>;

export const familyAttendanceSchema = disclosureNoticeSchema.extend({
  /** The last four weeks, oldest first, each seven days ending on `to`. */
  weeks: z.array(attendancePeriodSchema),
  total: attendancePeriodSchema,
});
export type FamilyAttendance = z.infer<typeof familyAttendanceSchema>;

export const familyProgressSchema = disclosureNoticeSchema.extend({
  /** What the participant wrote for the people they share with, newest first. */
  updates: z.array(z.object({ id: z.uuid(), body: z.string(), createdAt: z.string() })),
  /** Days since the sobriety date, when one is set. */
  daysInRecovery: z.number().int().min(0).nullable(),
});
export type FamilyProgress = z.infer<typeof familyProgressSchema>;

export const familyGoalsSchema = disclosureNoticeSchema.extend({
  /** The goals of the signed plan in force, in the participant's own words, with the steps' titles. */
  goals: z.array(
    z.object({
      id: z.uuid(),
      words: z.string(),
      steps: z.array(z.object({ id: z.uuid(), title: z.string(), done: z.boolean() })),
    }),
  ),
});
export type FamilyGoals = z.infer<typeof familyGoalsSchema>;

export const familyScoresSchema = disclosureNoticeSchema.extend({
  scores: z.array(
    z.object({
      instrumentKey: z.string(),
      shortName: z.string(),
      completedOn: z.iso.date(),
      total: z.number().int(),
      min: z.number().int(),
      max: z.number().int(),
      direction: z.enum(["lower_is_better", "higher_is_better"]).nullable(),
    }),
  ),
});
export type FamilyScores = z.infer<typeof familyScoresSchema>;

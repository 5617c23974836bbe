import { z } from "zod";
import { findIcdCode } from "../diagnoses/icd10cm";
import { emailSchema, localeSchema } from "../identity/identity.schema";

/** Admission in one sitting: the participant, the episode of care and the diagnoses. */

const isoDate = z.iso.date("Use a date like 2026-11-23.");
const optionalText = (max: number) =>
  z.string().trim().max(max, `Use at most ${max} characters.`).default("");

/** Care-team roles chosen at admission besides the primary counselor. */
export const ADMISSION_CARE_TEAM_ROLES = ["counselor", "prescriber", "case_manager"] as const;
export const MAX_ADMISSION_CARE_TEAM = 8;

export const admissionInputSchema = z.object({
  legalGivenName: z
    .string()
    .trim()
    .min(1, "Enter the legal first name.")
    .max(100, "Use at most 100 characters."),
  legalFamilyName: z
    .string()
    .trim()
    .min(1, "Enter the legal last name.")
    .max(100, "Use at most 100 characters."),
  preferredName: optionalText(100),
  pronouns: optionalText(40),
  bornOn: isoDate,
  preferredLanguage: localeSchema.default("en"),
  phone: optionalText(40),
  email: z.union([z.literal(""), emailSchema]).default(""),
  address: optionalText(300),
  emergencyContactName: optionalText(120),
  emergencyContactPhone: optionalText(40),
  insurancePayer: optionalText(120),
  insuranceMemberId: optionalText(60),
  admittedOn: isoDate,
  trackId: z.uuid("Choose a track.").nullable().default(null),
  levelOfCare: z.string().trim().min(1, "Choose the level of care.").default("2.1"),
  primaryCounselorId: z.uuid("Choose the primary counselor."),
  /** The rest of the care team from day one (the primary counselor is on it already). */
  careTeam: z
    .array(
      z.object({
        userId: z.uuid("Choose a staff member."),
        role: z.enum(ADMISSION_CARE_TEAM_ROLES, { message: "Choose their role on the care team." }),
      }),
    )
    .max(
      MAX_ADMISSION_CARE_TEAM,
      `Add at most ${MAX_ADMISSION_CARE_TEAM} people here; add more from the record.`,
    )
    .default([]),
  diagnoses: z
    .array(
      z.object({
        code: z.string().trim().min(1, "Choose a diagnosis code."),
        primary: z.boolean().default(false),
      }),
    )
    .min(1, "Record at least one diagnosis.")
    .max(12, "Record at most 12 diagnoses."),
  /** The staff member checked the possible duplicates shown and this is a different person. */
  confirmNotDuplicate: z.boolean().default(false),
  /**
   * Readmission: the person already in Bridgeway (one of the possible duplicates shown) whose record
   * gets a new episode of care; earlier episodes are kept. Their details are updated from this form.
   */
  readmitParticipantId: z.uuid("Choose the person to readmit from the list.").nullable().default(null),
});
export type AdmissionInput = z.infer<typeof admissionInputSchema>;

export interface AdmissionContext {
  /** Today in the site's time zone. */
  today: string;
  /** The day the inquiry or referral arrived. */
  firstContactOn: string;
  /** Levels of care this program offers (codes). */
  levels: readonly string[];
}

/** Problems no single field can see, by field path. */
export function checkAdmission(
  input: AdmissionInput,
  context: AdmissionContext,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (input.bornOn > context.today)
    problems.push({ path: "bornOn", message: "The date of birth cannot be in the future." });
  else if (input.bornOn < "1900-01-01")
    problems.push({ path: "bornOn", message: "Check the year of birth." });
  if (input.admittedOn > context.today)
    problems.push({ path: "admittedOn", message: "The admission date cannot be in the future." });
  if (input.admittedOn < context.firstContactOn) {
    problems.push({
      path: "admittedOn",
      message: `The admission cannot be before the first contact (${context.firstContactOn}).`,
    });
  }
  if (input.admittedOn < input.bornOn)
    problems.push({ path: "admittedOn", message: "The admission cannot be before the date of birth." });
  if (!context.levels.includes(input.levelOfCare)) {
    problems.push({
      path: "levelOfCare",
      message: `Choose one of the levels this program offers: ${context.levels.join(", ")}.`,
    });
  }
  const onTeam = new Set<string>([input.primaryCounselorId]);
  input.careTeam.forEach((member, i) => {
    if (member.userId === input.primaryCounselorId)
      problems.push({
        path: `careTeam.${i}.userId`,
        message: "This is the primary counselor, already on the team.",
      });
    else if (onTeam.has(member.userId))
      problems.push({ path: `careTeam.${i}.userId`, message: "This person is already on the care team." });
    onTeam.add(member.userId);
  });
  const seen = new Set<string>();
  input.diagnoses.forEach((d, i) => {
    const known = findIcdCode(d.code);
    if (!known)
      problems.push({
        path: `diagnoses.${i}.code`,
        message: `“${d.code}” is not in the ICD-10-CM list. Search for the code by name.`,
      });
    else if (seen.has(known.code))
      problems.push({ path: `diagnoses.${i}.code`, message: `${known.code} is already listed.` });
    if (known) seen.add(known.code);
  });
  const primaries = input.diagnoses.filter((d) => d.primary).length;
  if (primaries !== 1)
    problems.push({ path: "diagnoses", message: "Mark exactly one diagnosis as primary." });
  const primary = input.diagnoses.find((d) => d.primary);
  if (primaries === 1 && findIcdCode(primary!.code)?.group !== "substance_use") {
    problems.push({
      path: "diagnoses",
      message: "The primary diagnosis of an IOP admission is a substance-use disorder (F10–F19).",
    });
  }
  return problems;
}

export const admissionResultSchema = z.object({
  participantId: z.uuid(),
  episodeId: z.uuid(),
  /** The place in the chosen track: enrolled from the admission date, or waitlisted when it is full. */
  trackPlacement: z
    .object({
      trackId: z.uuid(),
      status: z.enum(["enrolled", "waitlisted"]),
      joinedOn: z.iso.date().nullable(),
      /** 1 for the first in line, when waitlisted. */
      waitlistPosition: z.number().int().nullable(),
      /** Why it is waitlisted though the track had room (the program schedules groups only after a signed plan). */
      note: z.string().optional(),
    })
    .nullable(),
});

/** Someone already in Bridgeway with the same name and date of birth, at a site the actor works at. */
export const possibleDuplicateSchema = z.object({
  participantId: z.uuid(),
  name: z.string(),
  bornOn: z.iso.date(),
  siteName: z.string(),
  /** Admitted on this date and not discharged: in the program now, so not readmittable. */
  openSince: z.iso.date().nullable(),
  /** The last discharge, when not in the program now. */
  lastDischargedOn: z.iso.date().nullable(),
  episodes: z.number().int(),
  /** The person's record is at the site of this inquiry, so they can be readmitted from it. */
  sameSite: z.boolean(),
});
export type PossibleDuplicate = z.infer<typeof possibleDuplicateSchema>;

/** The 409 answer of an admission: the error, with the possible duplicates the actor may see. */
export const admissionConflictSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    duplicates: z.array(possibleDuplicateSchema).optional(),
  }),
});

export interface ReadmissionFacts {
  /** The open episode's admission date, if the person is in the program now. */
  openSince: string | null;
  lastDischargedOn: string | null;
  sameSite: boolean;
}

/** Why this person cannot be readmitted from this inquiry, or null. */
export function checkReadmission(
  admittedOn: string,
  facts: ReadmissionFacts,
): { code: "ADMISSIONS_ALREADY_IN_PROGRAM" | "VALIDATION_FAILED"; path: string; message: string } | null {
  if (facts.openSince !== null) {
    return {
      code: "ADMISSIONS_ALREADY_IN_PROGRAM",
      path: "readmitParticipantId",
      message: `This person has been in the program since ${facts.openSince}. Open their record instead of admitting them again.`,
    };
  }
  if (!facts.sameSite) {
    return {
      code: "VALIDATION_FAILED",
      path: "readmitParticipantId",
      message: "This person's record is at another site. Readmit them from an inquiry at that site.",
    };
  }
  if (facts.lastDischargedOn !== null && admittedOn <= facts.lastDischargedOn) {
    return {
      code: "VALIDATION_FAILED",
      path: "admittedOn",
      message: `The new admission must be after the last discharge (${facts.lastDischargedOn}).`,
    };
  }
  return null;
}

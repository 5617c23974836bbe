import { z } from "zod";
import { CHANGE_STATUSES } from "../assessments/reliable-change";
import { DISCHARGE_REASONS, dischargeReasonSchema } from "../participants/episodes.schema";

/**
 * Recording a discharge (issue 11): the request, the unsigned notes the clinician is warned about,
 * the readiness summary the chart shows before it, and every episode with its discharge details.
 */

const isoDate = z.iso.date("Enter a date as YYYY-MM-DD.");

export const DISCHARGE_NOTE_MAX = 2000;

export const dischargeInputSchema = z.object({
  dischargedOn: isoDate,
  reason: dischargeReasonSchema,
  /** The level of care the person was in when discharged (ASAM code). */
  levelOfCare: z.string().trim().min(1, "Choose the level of care at discharge."),
  /** The level they were referred or stepped down to; required for a transfer. */
  referredLevelOfCare: z.string().trim().min(1).nullable().default(null),
  note: z
    .string()
    .trim()
    .max(DISCHARGE_NOTE_MAX, `Use at most ${DISCHARGE_NOTE_MAX} characters.`)
    .default(""),
  /** The clinician has seen the unsigned notes of the episode and discharges anyway. */
  acknowledgeUnsignedNotes: z.boolean().default(false),
});
export type DischargeInput = z.infer<typeof dischargeInputSchema>;

export const UNSIGNED_NOTE_KINDS = ["group", "individual", "family", "counseling"] as const;
export type UnsignedNoteKind = (typeof UNSIGNED_NOTE_KINDS)[number];

export const unsignedNoteSchema = z.object({
  id: z.uuid(),
  kind: z.enum(UNSIGNED_NOTE_KINDS),
  sessionDate: isoDate,
  author: z.string(),
  status: z.string(),
});
export type UnsignedNote = z.infer<typeof unsignedNoteSchema>;

/** The 409 answer when the episode has unsigned notes and the clinician has not acknowledged them. */
export const dischargeConflictSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    unsignedNotes: z.array(unsignedNoteSchema).optional(),
  }),
});

export const READINESS_CONCERNS = [
  "no_signed_plan",
  "objectives_open",
  "attendance_below_minimum",
  "scores_worse",
  "open_urgent_alerts",
  "recent_use",
  "critical_answers",
  "unsigned_notes",
] as const;
export type ReadinessConcern = (typeof READINESS_CONCERNS)[number];

export const ATTENDANCE_TRENDS = ["rising", "steady", "falling", "unknown"] as const;
export type AttendanceTrend = (typeof ATTENDANCE_TRENDS)[number];

export const readinessSchema = z.object({
  episodeId: z.uuid(),
  admittedOn: isoDate,
  levelOfCare: z.string(),
  plan: z.object({ signed: z.boolean(), criteria: z.array(z.string()) }),
  objectives: z.object({ met: z.number().int(), total: z.number().int() }),
  attendance: z.object({
    weeks: z.array(
      z.object({
        weekStart: isoDate,
        attendedMinutes: z.number().int(),
        minimumMinutes: z.number().int(),
        met: z.boolean(),
      }),
    ),
    weeksMet: z.number().int(),
    trend: z.enum(ATTENDANCE_TRENDS),
  }),
  scores: z.array(
    z.object({
      instrumentKey: z.string(),
      score: z.number(),
      band: z.string().nullable(),
      on: isoDate,
      change: z.number().nullable(),
      status: z.enum(CHANGE_STATUSES).nullable(),
    }),
  ),
  risks: z.object({
    openUrgentAlerts: z.number().int(),
    useDays: z.array(isoDate),
    criticalAnswers: z.number().int(),
  }),
  unsignedNotes: z.array(unsignedNoteSchema),
  concerns: z.array(z.enum(READINESS_CONCERNS)),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const dischargeEpisodeSchema = z.object({
  id: z.uuid(),
  admittedOn: isoDate,
  levelOfCare: z.string(),
  trackName: z.string().nullable(),
  dischargedOn: isoDate.nullable(),
  reason: z.enum(DISCHARGE_REASONS).nullable(),
  tedsReasonCode: z.number().int().nullable(),
  dischargeLevelOfCare: z.string().nullable(),
  tedsServiceCode: z.number().int().nullable(),
  referredLevelOfCare: z.string().nullable(),
  note: z.string().nullable(),
  dischargedBy: z.string().nullable(),
  /** Re-admission: the episode this one follows, by its admission date. */
  previousEpisode: z.object({ id: z.uuid(), admittedOn: isoDate }).nullable(),
});
export type DischargeEpisode = z.infer<typeof dischargeEpisodeSchema>;

export const dischargeOverviewSchema = z.object({
  /** Null when the participant is not in the program now. */
  readiness: readinessSchema.nullable(),
  episodes: z.array(dischargeEpisodeSchema),
  /** Levels of care a discharge may name (this program's offered levels first, then every code). */
  levels: z.array(z.string()),
  today: isoDate,
});
export type DischargeOverview = z.infer<typeof dischargeOverviewSchema>;

export const dischargeResultSchema = z.object({
  episode: dischargeEpisodeSchema,
  exitedTrack: z.string().nullable(),
  cancelledAppointments: z.number().int(),
  cancelledAssignments: z.number().int(),
});
export type DischargeResult = z.infer<typeof dischargeResultSchema>;

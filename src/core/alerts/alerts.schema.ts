import { z } from "zod";

/**
 * Alerts: something about a participant that a person on staff must see and act on — a critical
 * answer, a worsening score, an overdue measure, emergency access to a record. Each alert says why in
 * plain words, points at its evidence, is for someone (the primary counselor, the care team, the
 * clinical director), and moves open → acknowledged → resolved (with a note).
 */

/** From least to most pressing; the order matters (sorting, escalation). */
export const ALERT_SEVERITIES = ["info", "warning", "urgent", "emergency"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const alertSeveritySchema = z.enum(ALERT_SEVERITIES);

export const ALERT_STATES = ["open", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const alertStateSchema = z.enum(ALERT_STATES);

/**
 * What raised the alert. A later issue adds its kinds here (one literal each, plus its label in the
 * web dictionaries and, when the default audience by severity does not fit, a line in
 * `alerts.rules.ts` KIND_AUDIENCE). The database stores the kind as text without a check, so a new
 * kind needs no migration.
 */
export const ALERT_KINDS = [
  "break_the_glass",
  "phq9_item9",
  "asq_positive",
  "asq_acute_positive",
  "phqa_suicide_item",
  "reliable_deterioration",
  "measure_overdue",
  /** A critical answer on an instrument whose rule has no kind of its own (never dropped for want of one). */
  "critical_answer",
  /** Attendance (core/attendance/attendance-findings.ts): the week cannot reach the level-of-care minimum. */
  "weekly_hours_short",
  /** The week cannot meet the payer's days rule (e.g. 3 hours on 3 days). */
  "payer_days_short",
  "consecutive_unexcused_absences",
  "low_attendance_rate",
  /** Treatment plans (server/treatment-plans/plan-alerts.service.ts): a review is past its due date. */
  "treatment_plan_review_overdue",
  /** A plan review is due today or within the program's warning window. */
  "treatment_plan_review_due",
  /** No signed plan by the day the program expects the first one (days after admission, a setting). */
  "treatment_plan_missing",
  /** Clinical notes (server/notes/note-alerts.service.ts): a note still unsigned past the program's window. */
  "clinical_note_unsigned",
  /** Check-ins (core/check-ins/check-in.rules.ts): use reported since the last check-in. */
  "check_in_use_reported",
  /** Craving at or above the program's threshold (8 by default). */
  "check_in_high_craving",
  /** Mood at or below the program's threshold (2 by default). */
  "check_in_low_mood",
  /** The participant asked to talk to their counselor today. */
  "check_in_wants_to_talk",
  /** Thoughts of self-harm reported in a check-in (a critical answer: urgent, in the same transaction). */
  "check_in_self_harm",
  /** An overdose reported in a check-in (a critical answer: urgent, in the same transaction). */
  "check_in_overdose",
  /** No check-in for the program's number of days (a job). */
  "check_in_missing",
  /** Participant app: a request to be excused from a session, waiting for the counselor. */
  "absence_request",
  /** Consents (issue 10): the participant's safety-screen answer raised a concern about a person they wanted to share with. */
  "family_safety_concern",
  /** Someone on the participant's do-not-disclose list was invited, or asked for access. */
  "blocked_person_invited",
  /** A disclosure without consent (audit, QSO agreement, court order) waits for the clinical director's approval. */
  "disclosure_approval_needed",
  /** The participant asked for a §2.26 restriction on what is disclosed; the program must answer. */
  "restriction_requested",
  /** Discharge and alumni (issue 11): a follow-up survey or an alumni check-in shows risk (use resumed, asks for contact). */
  "alumni_reengagement",
  /** Nobody has confirmed that the first step-down appointment happened, the day after it. */
  "aftercare_appointment_unconfirmed",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const alertKindSchema = z.enum(ALERT_KINDS);

/** Who an alert is for; people are resolved from the participant's care team and site when needed. */
export const ALERT_AUDIENCES = ["primary_counselor", "care_team", "clinical_director"] as const;
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];
export const alertAudienceSchema = z.enum(ALERT_AUDIENCES);

/**
 * What an alert points at. Later issues add theirs (a note, a check-in). `attendance_week`: the
 * participant's id with the week's Monday as the item; `attendance_record`: an attendance mark or an
 * appointment's attendance (the first session of a run of absences), with the session's date as the item.
 */
export const EVIDENCE_KINDS = [
  "participant_record",
  "assessment_response",
  "break_glass_grant",
  "attendance_week",
  "attendance_record",
  /** A treatment plan (its id), with the due date concerned as the item. */
  "treatment_plan",
  /** A clinical note (its id); no item. */
  "clinical_note",
  /** A check-in (its id), with its day as the item. */
  "check_in",
  /** An absence request (its id), with the session's date as the item. */
  "absence_request",
  /** Consents (issue 10): a consent (its id), e.g. the one whose recipient raised a safety concern. */
  "consent",
  /** A disclosure without consent waiting for approval (its id). */
  "disclosure_exception",
  /** A §2.26 restriction request (its id). */
  "restriction",
  /** Discharge and alumni (issue 11): a follow-up survey (its id), with the wave (30, 90, 180) as the item. */
  "follow_up_survey",
  /** An alumni weekly check-in (its id), with its week's Monday as the item. */
  "alumni_check_in",
  /** An aftercare task (its id), with the appointment's date as the item. */
  "aftercare_task",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const alertEvidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  /** The record's id (the participant's for `participant_record`). */
  id: z.string().min(1).max(100),
  /** The answer within the record, e.g. a questionnaire item's linkId. */
  item: z.string().min(1).max(100).nullable().default(null),
});
export type AlertEvidence = z.infer<typeof alertEvidenceSchema>;

const person = z.object({ id: z.uuid(), displayName: z.string() });

export const alertSchema = z.object({
  id: z.uuid(),
  kind: alertKindSchema,
  severity: alertSeveritySchema,
  state: alertStateSchema,
  participant: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
  /** Why, in plain words, written by the rule that raised it. */
  reason: z.string(),
  evidence: alertEvidenceSchema.extend({
    /** Where the evidence opens in the staff app. */
    link: z.string(),
  }),
  audience: z.array(alertAudienceSchema),
  /** The actor is one of the people this alert is for. */
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: person.nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: person.nullable(),
  resolutionNote: z.string().nullable(),
  /** When the clinical director was brought in because nobody acknowledged it in time. */
  escalatedAt: z.iso.datetime().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

/** `active`: open or acknowledged (not yet resolved). */
export const ALERT_STATE_FILTERS = ["active", ...ALERT_STATES, "all"] as const;
export type AlertStateFilter = (typeof ALERT_STATE_FILTERS)[number];

export const alertListQuerySchema = z.object({
  state: z
    .enum(ALERT_STATE_FILTERS, { message: `State is one of: ${ALERT_STATE_FILTERS.join(", ")}.` })
    .default("active"),
  severity: alertSeveritySchema.optional(),
  kind: alertKindSchema.optional(),
  /** `mine`: alerts for me; `all`: every alert I may see. */
  scope: z.enum(["mine", "all"], { message: "Scope is mine or all." }).default("all"),
  participantId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

/** Open (unacknowledged) alerts by severity, for the navigation badge; the same scope as the list. */
export const alertCountsSchema = z.object({
  open: z.number().int(),
  openMine: z.number().int(),
  bySeverity: z.object({
    info: z.number().int(),
    warning: z.number().int(),
    urgent: z.number().int(),
    emergency: z.number().int(),
  }),
});
export type AlertCounts = z.infer<typeof alertCountsSchema>;

export const alertListSchema = z.object({
  alerts: z.array(alertSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: alertCountsSchema,
});
export type AlertList = z.infer<typeof alertListSchema>;

export const RESOLUTION_NOTE_MAX = 2000;
export const resolveAlertSchema = z.object({
  note: z
    .string({ message: "Say what was done, in a few words." })
    .trim()
    .min(3, "Say what was done, in a few words.")
    .max(RESOLUTION_NOTE_MAX, `Use at most ${RESOLUTION_NOTE_MAX} characters.`),
});
export type ResolveAlertInput = z.infer<typeof resolveAlertSchema>;

/**
 * Program settings: how long an urgent or emergency alert may stay unacknowledged before the
 * clinical director is brought in.
 */
export const escalationMinutesSchema = z
  .number({ message: "Enter a number of minutes from 1 to 1440." })
  .int("Use a whole number of minutes.")
  .min(1, "Use at least 1 minute.")
  .max(1440, "Use at most 1440 minutes (one day).");

export const alertSettingsSchema = z
  .object({
    emergencyEscalationMinutes: escalationMinutesSchema,
    urgentEscalationMinutes: escalationMinutesSchema,
  })
  .refine((s) => s.emergencyEscalationMinutes <= s.urgentEscalationMinutes, {
    path: ["emergencyEscalationMinutes"],
    message: "Emergency alerts escalate no later than urgent ones.",
  });
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  emergencyEscalationMinutes: 15,
  urgentEscalationMinutes: 60,
};

/** Break-the-glass alerts as the access-alerts page shows them (who opened which record, why). */
export const accessAlertSchema = z.object({
  id: z.uuid(),
  kind: z.literal("break_the_glass"),
  state: alertStateSchema,
  createdAt: z.iso.datetime(),
  site: z.object({ id: z.uuid(), name: z.string() }),
  participant: z.object({ id: z.uuid(), name: z.string() }),
  staff: z.object({ id: z.uuid(), displayName: z.string() }),
  reason: z.string(),
  expiresAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export const accessAlertListSchema = z.object({ alerts: z.array(accessAlertSchema) });
export const accessAlertListQuerySchema = z.object({
  status: z.enum(["open", "all"]).default("open"),
});

import { z } from "zod";
import {
  DEFAULT_DUE_OPTIONS,
  DEFAULT_SCHEDULE,
  DUE_STATUSES,
  measurementScheduleSchema,
} from "./schedule.rules";

/**
 * The program's measurement schedule as a setting (which questionnaires when, and how many days a
 * measure stays "due" before it is "overdue"), and what the due lists built from it look like.
 */

export const GRACE_DAYS_MAX = 30;

export const graceDaysSchema = z
  .number({ message: `Enter a whole number of days from 0 to ${GRACE_DAYS_MAX}.` })
  .int("Use a whole number of days.")
  .min(0, "Use 0 days or more.")
  .max(GRACE_DAYS_MAX, `Use at most ${GRACE_DAYS_MAX} days.`);

/** What an administrator saves. The entries' rules beyond their shape are `validateSchedule`'s. */
export const measurementScheduleSettingsSchema = z.object({
  entries: measurementScheduleSchema,
  graceDays: graceDaysSchema,
});
export type MeasurementScheduleSettings = z.infer<typeof measurementScheduleSettingsSchema>;

export const DEFAULT_MEASUREMENT_SCHEDULE_SETTINGS: MeasurementScheduleSettings = {
  entries: [...DEFAULT_SCHEDULE],
  graceDays: DEFAULT_DUE_OPTIONS.graceDays,
};

/** A questionnaire the schedule may name, with its titles for the editor and the lists. */
export const scheduleInstrumentSchema = z.object({
  key: z.string(),
  title: z.string(),
  titleEs: z.string(),
  audience: z.enum(["adult", "adolescent", "any"]),
});
export type ScheduleInstrument = z.infer<typeof scheduleInstrumentSchema>;

/** `GET /assessments/schedule`: the settings and the questionnaires they may name. */
export const measurementScheduleViewSchema = measurementScheduleSettingsSchema.extend({
  instruments: z.array(scheduleInstrumentSchema),
});
export type MeasurementScheduleView = z.infer<typeof measurementScheduleViewSchema>;

const isoDate = z.iso.date();

export const dueReasonSchema = z.discriminatedUnion("at", [
  z.object({ at: z.literal("intake"), admittedOn: isoDate }),
  z.object({
    at: z.literal("every_n_days"),
    n: z.number().int(),
    since: z.enum(["admission", "last_administration"]),
    sinceOn: isoDate,
  }),
  z.object({ at: z.literal("discharge"), dischargedOn: isoDate }),
  z.object({ at: z.literal("follow_up"), days: z.number().int(), dischargedOn: isoDate }),
]);

/** One questionnaire owed by one participant: when, why, and whether it is already assigned. */
export const dueMeasureSchema = z.object({
  instrumentKey: z.string(),
  title: z.string(),
  titleEs: z.string(),
  dueOn: isoDate,
  status: z.enum(DUE_STATUSES),
  reason: dueReasonSchema,
  alsoScheduled: z.array(z.object({ dueOn: isoDate, reason: dueReasonSchema })),
  /** Why this date, in English (the web composes its own words from `reason`). */
  explanation: z.string(),
  /** An assignment of this questionnaire the participant has not completed yet. */
  openAssignment: z.object({ id: z.uuid(), dueOn: isoDate }).nullable(),
});
export type DueMeasureView = z.infer<typeof dueMeasureSchema>;

/** `GET /participants/:id/assessments/due`: everything scheduled for the latest episode, upcoming included. */
export const participantDueSchema = z.object({
  today: isoDate,
  graceDays: z.number().int(),
  episode: z
    .object({
      admittedOn: isoDate,
      dischargedOn: isoDate.nullable(),
      audience: z.enum(["adult", "adolescent"]),
    })
    .nullable(),
  measures: z.array(dueMeasureSchema),
});
export type ParticipantDue = z.infer<typeof participantDueSchema>;

/** `mine`: participants on my care team; `site`: everyone I may see (my sites, or my caseload). */
export const DUE_SCOPES = ["mine", "site"] as const;
export type DueScope = (typeof DUE_SCOPES)[number];
/** The worklist shows what is owed now: `due`, `overdue`, or both (`all`); never what is upcoming. */
export const DUE_STATUS_FILTERS = ["due", "overdue", "all"] as const;
export type DueStatusFilter = (typeof DUE_STATUS_FILTERS)[number];

export const dueListQuerySchema = z.object({
  scope: z.enum(DUE_SCOPES, { message: "Scope is mine or site." }).default("site"),
  status: z
    .enum(DUE_STATUS_FILTERS, { message: `Status is one of: ${DUE_STATUS_FILTERS.join(", ")}.` })
    .default("all"),
  instrumentKey: z.string().trim().min(1).max(40).optional(),
  siteId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type DueListQuery = z.infer<typeof dueListQuerySchema>;

export const dueListItemSchema = dueMeasureSchema.extend({
  participant: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
});
export type DueListItem = z.infer<typeof dueListItemSchema>;

export const dueListSchema = z.object({
  items: z.array(dueListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The day the list was computed for (YYYY-MM-DD). */
  today: isoDate,
  /** Due and overdue lines in the scope, whatever the status and questionnaire filters. */
  counts: z.object({ due: z.number().int(), overdue: z.number().int() }),
});
export type DueList = z.infer<typeof dueListSchema>;

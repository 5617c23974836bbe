import { z } from "zod";
import { keyMeasureSchema } from "../assessments/progress.schema";
import { YESTERDAY_CHECK_INS } from "../check-ins/check-in-api.schema";

/** The columns the caseload list can be sorted by (name: family name, then given name). */
export const PARTICIPANT_SORTS = ["name", "site", "track", "admitted", "discharged", "counselor"] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const participantListQuerySchema = z.object({
  q: z.string().trim().max(100, "Search with at most 100 characters.").optional(),
  status: z.enum(["current", "past", "all"]).default("current"),
  siteId: z.uuid().optional(),
  sort: z
    .enum(PARTICIPANT_SORTS, { message: `Sort by one of: ${PARTICIPANT_SORTS.join(", ")}.` })
    .default("name"),
  dir: z.enum(SORT_DIRECTIONS, { message: "Sort direction is asc or desc." }).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ParticipantListQuery = z.infer<typeof participantListQuerySchema>;

export const participantListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  siteId: z.uuid(),
  siteName: z.string(),
  trackName: z.string().nullable(),
  admittedOn: z.iso.date().nullable(),
  dischargedOn: z.iso.date().nullable(),
  primaryCounselor: z.string().nullable(),
  /** The actor is on this participant's care team. */
  onMyCareTeam: z.boolean(),
  /**
   * Clinical content at a glance, present only where the actor may read this participant's clinical
   * record: the key measures' latest scores, and unresolved urgent or emergency alerts.
   */
  clinical: z.object({ measures: z.array(keyMeasureSchema), openUrgentAlerts: z.number().int() }).nullable(),
  /** Yesterday's check-in on the site's calendar, under the same rule as `clinical` (null: not shown). */
  yesterdayCheckIn: z.enum(YESTERDAY_CHECK_INS).nullable(),
});
export const participantListSchema = z.object({
  participants: z.array(participantListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The list is limited to the actor's care team (the counselor-scope setting). */
  scope: z.enum(["site", "care_team", "self", "family"]),
  /** No name matched exactly; these are close spellings of the search. */
  approximate: z.boolean(),
});

export const careTeamMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: z.string(),
});

export const CARE_TEAM_ROLES = ["primary_counselor", "counselor", "prescriber", "case_manager"] as const;

export const participantRecordSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  bornOn: z.iso.date(),
  preferredLanguage: z.enum(["en", "es"]),
  preferredName: z.string(),
  pronouns: z.string(),
  site: z.object({ id: z.uuid(), name: z.string() }),
  /** The open episode's level of care and days since admission; null when not in the program now. */
  current: z
    .object({
      episodeId: z.uuid(),
      levelOfCare: z.string(),
      admittedOn: z.iso.date(),
      daysInProgram: z.number().int(),
      primaryCounselor: z.string().nullable(),
    })
    .nullable(),
  sobrietyOn: z.iso.date().nullable(),
  /** How to reach the person and who pays: demographics, not clinical content (billing needs them). */
  contact: z.object({
    phone: z.string(),
    email: z.string(),
    address: z.string(),
    emergencyContactName: z.string(),
    emergencyContactPhone: z.string(),
    insurancePayer: z.string(),
    insuranceMemberId: z.string(),
  }),
  /** Level-of-care changes of the open episode, oldest first. */
  levelHistory: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      on: z.iso.date(),
      reason: z.string(),
      by: z.string().nullable(),
    }),
  ),
  /**
   * Changes to the sobriety date, newest first, at most 20; null dates mean "not recorded".
   * Optional in the contract for older clients; the server always fills it for whoever reads `sobrietyOn`.
   */
  sobrietyHistory: z
    .array(
      z.object({
        from: z.iso.date().nullable(),
        to: z.iso.date().nullable(),
        changedAt: z.iso.datetime(),
        /** A restart of the counter after a lapse, with the words that went with it (optional for older clients). */
        restart: z.boolean().optional(),
        message: z.string().optional(),
        changedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      }),
    )
    .max(20)
    .optional(),
  /** Present only for those allowed to read clinical content. */
  diagnoses: z.array(z.object({ code: z.string(), title: z.string(), primary: z.boolean() })).nullable(),
  openAlerts: z.number().int(),
  episodes: z.array(
    z.object({
      id: z.uuid(),
      trackName: z.string().nullable(),
      levelOfCare: z.string(),
      admittedOn: z.iso.date(),
      dischargedOn: z.iso.date().nullable(),
      dischargeReason: z.string().nullable(),
    }),
  ),
  careTeam: z.array(careTeamMemberSchema),
  /** Present only for those allowed to read clinical content. */
  recentCheckIns: z
    .array(
      z.object({
        on: z.iso.date(),
        mood: z.number().int(),
        craving: z.number().int(),
        anyUse: z.boolean(),
      }),
    )
    .nullable(),
  /** How the actor reached this record: their care team, their site, break-the-glass, themselves. */
  access: z.object({
    purpose: z.string(),
    breakGlassUntil: z.iso.datetime().nullable(),
  }),
});
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

export const BREAK_GLASS_MINUTES = 60;

export const breakGlassInputSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(15, "Say why you need this record now, in at least 15 characters.")
    .max(500, "Use at most 500 characters."),
});
export const breakGlassGrantSchema = z.object({ expiresAt: z.iso.datetime() });

export const careTeamUpdateSchema = z.object({
  members: z
    .array(z.object({ userId: z.uuid(), role: z.enum(CARE_TEAM_ROLES) }))
    .max(20, "A care team has at most 20 members."),
});
export const careTeamSchema = z.object({ members: z.array(careTeamMemberSchema) });

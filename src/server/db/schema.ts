import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Drizzle schema: the typed view of the tables. Migrations are generated from it with
 * drizzle-kit (`npm run db:generate`), reviewed and committed as plain SQL.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Secrets generated on first start (e.g. the session-token pepper). Never leave the server. */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

/** Key/value facts about this installation (e.g. when the demo program was generated). */
export const appSettings = pgTable("app_settings", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const sites = pgTable(
  "sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull(),
    /** The program's on-call line at this location, shown with 988 and 911 after a critical answer. */
    onCallPhone: text("on_call_phone").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("sites_organisation_idx").on(t.organisationId)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    kind: text("kind", { enum: ["staff", "participant", "family"] }).notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: ["en", "es"] })
      .notNull()
      .default("en"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Staff supervisee: their notes need a co-signature. */
    requiresCosign: boolean("requires_cosign").notNull().default(false),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    check("users_kind_check", sql`${t.kind} in ('staff', 'participant', 'family')`),
    check("users_locale_check", sql`${t.locale} in ('en', 'es')`),
  ],
);

/** Staff roles; `caseload_scoped` roles may be narrowed to their care team by a setting. */
export const roles = pgTable("roles", {
  key: text("key").primaryKey(),
  caseloadScoped: boolean("caseload_scoped").notNull().default(false),
});

/** The role × permission table (seeded from core/access/permissions.ts). */
export const rolePermissions = pgTable(
  "role_permissions",
  {
    role: text("role")
      .notNull()
      .references(() => roles.key, { onDelete: "cascade" }),
    permission: text("permission").notNull(),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role")
      .notNull()
      .references(() => roles.key),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const staffSites = pgTable(
  "staff_sites",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] }), index("staff_sites_site_idx").on(t.siteId)],
);

/** Server-side sessions: the cookie carries an opaque token; only its keyed hash is stored. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
    /** "active", or the MFA step still owed: "mfa_required" / "mfa_enrolment_required". */
    stage: text("stage").notNull().default("active"),
  },
  (t) => [
    check(
      "auth_sessions_stage_check",
      sql`${t.stage} in ('active', 'mfa_required', 'mfa_enrolment_required')`,
    ),
    uniqueIndex("auth_sessions_token_hash_key").on(t.tokenHash),
    index("auth_sessions_user_idx").on(t.userId),
  ],
);

export const tracks = pgTable(
  "tracks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    levelOfCare: text("level_of_care").notNull().default("2.1"),
    audience: text("audience", { enum: ["adult", "adolescent"] })
      .notNull()
      .default("adult"),
    capacity: integer("capacity").notNull(),
    timeZone: text("time_zone").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    /** The weekly pattern of its group sessions: `{ slots: [{ weekday, start, end }] }` (core/schedule). */
    pattern: jsonb("pattern")
      .$type<{ slots: { weekday: number; start: string; end: string }[] }>()
      .notNull()
      .default(sql`'{"slots":[]}'::jsonb`),
    /** A room name or a video link; `telehealth` when the sessions are held by video. */
    location: text("location").notNull().default(""),
    telehealth: boolean("telehealth").notNull().default(false),
    /** The room its sessions use, for room conflict checks (null: by video or not set). */
    roomId: uuid("room_id").references(() => rooms.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("tracks_site_idx").on(t.siteId),
    check("tracks_capacity_check", sql`${t.capacity} > 0`),
    check("tracks_audience_check", sql`${t.audience} in ('adult', 'adolescent')`),
  ],
);

export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    userId: uuid("user_id").references(() => users.id),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    bornOn: date("born_on").notNull(),
    preferredLanguage: text("preferred_language", { enum: ["en", "es"] })
      .notNull()
      .default("en"),
    sobrietyOn: date("sobriety_on"),
    preferredName: text("preferred_name").notNull().default(""),
    pronouns: text("pronouns").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    address: text("address").notNull().default(""),
    emergencyContactName: text("emergency_contact_name").notNull().default(""),
    emergencyContactPhone: text("emergency_contact_phone").notNull().default(""),
    insurancePayer: text("insurance_payer").notNull().default(""),
    insuranceMemberId: text("insurance_member_id").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("participants_site_idx").on(t.siteId), uniqueIndex("participants_user_key").on(t.userId)],
);

/** An episode of care: admission to discharge at one level of care. */
export const episodes = pgTable(
  "episodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    trackId: uuid("track_id").references(() => tracks.id),
    primaryCounselorId: uuid("primary_counselor_id").references(() => users.id),
    levelOfCare: text("level_of_care").notNull().default("2.1"),
    admittedOn: date("admitted_on").notNull(),
    dischargedOn: date("discharged_on"),
    dischargeReason: text("discharge_reason"),
    /** The inquiry or referral this episode came from (admissions pipeline). */
    referralLeadId: uuid("referral_lead_id"),
    /** Re-admission (issue 11): the episode this one follows, on the same record. */
    previousEpisodeId: uuid("previous_episode_id").references((): AnyPgColumn => episodes.id),
    /** Discharge (issue 11): the level of care the person was in when discharged (ASAM code). */
    dischargeLevelOfCare: text("discharge_level_of_care"),
    /** The level of care they were referred or stepped down to, if any (ASAM code, or `none`). */
    referredLevelOfCare: text("referred_level_of_care"),
    /** The clinician's words on the reason (required for `other`). */
    dischargeNote: text("discharge_note"),
    dischargedBy: uuid("discharged_by").references(() => users.id),
    dischargeRecordedAt: timestamp("discharge_recorded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("episodes_participant_idx").on(t.participantId),
    index("episodes_site_open_idx").on(t.siteId, t.dischargedOn),
    index("episodes_counselor_idx").on(t.primaryCounselorId),
    check(
      "episodes_discharge_check",
      sql`(${t.dischargedOn} is null and ${t.dischargeReason} is null) or (${t.dischargedOn} is not null and ${t.dischargeReason} is not null and ${t.dischargedOn} >= ${t.admittedOn})`,
    ),
  ],
);

/**
 * Daily participant check-ins (issue 9). More than one a day is allowed — a person whose evening turns
 * bad must be able to say so — and each runs the check-in rules. The client's idempotency key makes a
 * retried or replayed (offline-queued) submission a no-op. `recorded_at` is when the person filled it
 * in on their device (it may be earlier than `created_at` when it waited offline).
 */
export const checkIns = pgTable(
  "check_ins",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    checkedInOn: date("checked_in_on").notNull(),
    mood: smallint("mood").notNull(),
    craving: smallint("craving").notNull(),
    sleepHours: numeric("sleep_hours", { precision: 3, scale: 1 }),
    anyUse: boolean("any_use").notNull(),
    createdAt: createdAt(),
    idempotencyKey: uuid("idempotency_key").notNull().defaultRandom(),
    episodeId: uuid("episode_id").references(() => episodes.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /** How the night was, in the person's words: poor, ok or good (null when not said). */
    sleepQuality: text("sleep_quality"),
    /** Substance keys (core/check-ins) when `any_use`. */
    substances: jsonb("substances").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    useDetail: text("use_detail").notNull().default(""),
    /** Triggers met: labels from the person's recovery plan, and their own words. */
    triggers: jsonb("triggers").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Skill keys from the curriculum. */
    skills: jsonb("skills").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    wentWell: text("went_well").notNull().default(""),
    wantsToTalk: boolean("wants_to_talk").notNull().default(false),
    selfHarmThoughts: boolean("self_harm_thoughts").notNull().default(false),
    overdose: boolean("overdose").notNull().default(false),
    /** True when the check-in waited in the device's queue before it reached the server. */
    queuedOffline: boolean("queued_offline").notNull().default(false),
    language: text("language").notNull().default("en"),
  },
  (t) => [
    index("check_ins_participant_day_idx").on(t.participantId, t.checkedInOn),
    uniqueIndex("check_ins_idempotency_key").on(t.participantId, t.idempotencyKey),
    check("check_ins_mood_check", sql`${t.mood} between 0 and 10`),
    check("check_ins_craving_check", sql`${t.craving} between 0 and 10`),
    check("check_ins_sleep_check", sql`${t.sleepHours} is null or ${t.sleepHours} between 0 and 24`),
    check(
      "check_ins_sleep_quality_check",
      sql`${t.sleepQuality} is null or ${t.sleepQuality} in ('poor', 'ok', 'good')`,
    ),
    check("check_ins_use_check", sql`${t.anyUse} or jsonb_array_length(${t.substances}) = 0`),
    check("check_ins_language_check", sql`${t.language} in ('en', 'es')`),
  ],
);

/** Staff on a participant's care team (the primary counselor and others). */
export const careTeamMembers = pgTable(
  "care_team_members",
  {
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.userId] }),
    index("care_team_members_user_idx").on(t.userId),
  ],
);

/** Family / support persons linked to a participant; what they may see is decided by consent. */
export const familyLinks = pgTable(
  "family_links",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    relationship: text("relationship").notNull(),
    /**
     * The named recipient of a §2.31 consent this link rests on (issue 10). A link without one shows
     * nothing: every family view checks the consent at the moment of the request.
     */
    consentRecipientId: uuid("consent_recipient_id").references(() => consentRecipients.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.participantId] }),
    index("family_links_participant_idx").on(t.participantId),
  ],
);

/** Emergency access outside the care team: a stated reason, a time limit, an alert. */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("break_glass_grants_lookup_idx").on(t.userId, t.participantId, t.expiresAt)],
);

/**
 * Alerts about a participant for the care team, the clinical director and compliance (see
 * core/alerts). The kind is text without a check so later issues add kinds without a migration;
 * severity and state are checked, and each state carries the facts it needs.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    severity: text("severity").notNull(),
    state: text("state").notNull().default("open"),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** Why, in plain words. */
    reason: text("reason").notNull(),
    /** What it points at: a questionnaire answer, the record, a break-the-glass grant. */
    evidenceKind: text("evidence_kind").notNull(),
    evidenceId: text("evidence_id").notNull(),
    evidenceItem: text("evidence_item"),
    /** Who it is for: primary_counselor, care_team, clinical_director. */
    audience: text("audience").array().notNull(),
    breakGlassGrantId: uuid("break_glass_grant_id").references(() => breakGlassGrants.id, {
      onDelete: "cascade",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolutionNote: text("resolution_note"),
    /** When nobody acknowledged it in time and the clinical director was brought in (once). */
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
  },
  (t) => [
    index("alerts_site_state_idx").on(t.siteId, t.state, t.createdAt),
    index("alerts_participant_state_idx").on(t.participantId, t.state),
    index("alerts_escalation_idx")
      .on(t.createdAt)
      .where(
        sql`${t.state} = 'open' and ${t.escalatedAt} is null and ${t.severity} in ('urgent', 'emergency')`,
      ),
    /** The same finding is not raised twice while an alert about it is still being worked. */
    uniqueIndex("alerts_unresolved_finding_key")
      .on(t.kind, t.participantId, t.evidenceKind, t.evidenceId, sql`coalesce(${t.evidenceItem}, '')`)
      .where(sql`${t.state} <> 'resolved'`),
    check("alerts_severity_check", sql`${t.severity} in ('info', 'warning', 'urgent', 'emergency')`),
    check(
      "alerts_state_check",
      sql`(${t.state} = 'open' and ${t.acknowledgedAt} is null and ${t.resolvedAt} is null)
        or (${t.state} = 'acknowledged' and ${t.acknowledgedAt} is not null and ${t.resolvedAt} is null)
        or (${t.state} = 'resolved' and ${t.acknowledgedAt} is not null and ${t.resolvedAt} is not null and ${t.resolutionNote} is not null)`,
    ),
  ],
);

/** The people an alert is for: set when it is raised, extended when it escalates. */
export const alertRecipients = pgTable(
  "alert_recipients",
  {
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** `raised` or `escalated`. */
    addedFor: text("added_for").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.userId] }),
    index("alert_recipients_user_idx").on(t.userId),
    check("alert_recipients_added_for_check", sql`${t.addedFor} in ('raised', 'escalated')`),
  ],
);

/**
 * The audit trail: append-only (triggers reject UPDATE, DELETE and TRUNCATE) and hash-chained:
 * each event's hash covers its fields and the previous event's hash.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorKind: text("actor_kind"),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    participantId: uuid("participant_id"),
    purpose: text("purpose").notNull(),
    outcome: text("outcome").notNull(),
    requestId: text("request_id"),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    details: text("details"),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_participant_idx").on(t.participantId, t.seq),
    index("audit_events_actor_idx").on(t.actorUserId, t.seq),
    index("audit_events_occurred_idx").on(t.occurredAt),
  ],
);

/** Failed sign-in counters per account (email hash) and per IP. */
export const authThrottles = pgTable("auth_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/** Single-use emailed tokens: password resets and invitations. Only an HMAC of the token is kept. */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: text("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("one_time_tokens_hash_key").on(t.tokenHash),
    index("one_time_tokens_user_idx").on(t.userId, t.purpose),
    check("one_time_tokens_purpose_check", sql`${t.purpose} in ('password_reset', 'invitation')`),
  ],
);

/** TOTP enrolment. The secret is encrypted with the installation's MFA key (AES-256-GCM). */
export const userMfa = pgTable("user_mfa", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  totpSecret: text("totp_secret").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
});

export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/** "Remember this device": skips the MFA step for one user on one browser for a few hours. */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("trusted_devices_hash_key").on(t.tokenHash)],
);

/** Outgoing email, written in the same transaction as the event that causes it; a worker sends it. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    lastError: text("last_error"),
  },
  (t) => [index("mail_outbox_pending_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null`)],
);

/**
 * The admissions pipeline: a public inquiry or a partner's referral, worked by intake staff until it
 * ends in an admission or another outcome. Contact details are protected like the health record.
 */
export const admissionLeads = pgTable(
  "admission_leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Short code the person can quote, e.g. "BW-7K3M9Q". */
    reference: text("reference").notNull(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    kind: text("kind").notNull(),
    stage: text("stage").notNull().default("new"),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true }).notNull(),
    forWhom: text("for_whom").notNull().default("self"),
    personName: text("person_name").notNull(),
    contactName: text("contact_name").notNull().default(""),
    contactMethod: text("contact_method").notNull(),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    bestTime: text("best_time").notNull().default("any"),
    lookingFor: text("looking_for").notNull().default(""),
    selfCheckOutcome: text("self_check_outcome"),
    referralSource: text("referral_source"),
    referringOrganisation: text("referring_organisation"),
    referringContact: text("referring_contact"),
    lastLevelOfCare: text("last_level_of_care"),
    lastDischargedOn: date("last_discharged_on"),
    handoffSummary: text("handoff_summary"),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    nextAction: text("next_action"),
    nextActionDueOn: date("next_action_due_on"),
    notAdmittedReason: text("not_admitted_reason"),
    referredTo: text("referred_to"),
    participantId: uuid("participant_id").references(() => participants.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("admission_leads_reference_key").on(t.reference),
    index("admission_leads_site_stage_idx").on(t.siteId, t.stage),
    check("admission_leads_kind_check", sql`${t.kind} in ('inquiry', 'referral')`),
    check(
      "admission_leads_stage_check",
      sql`${t.stage} in ('new', 'contacted', 'screening_scheduled', 'screened', 'admitted', 'referred_elsewhere', 'not_admitted', 'lost_to_contact')`,
    ),
  ],
);

/** Every stage change of a lead, with who made it and when. */
export const admissionLeadEvents = pgTable(
  "admission_lead_events",
  {
    /** Increasing: the order in which changes were made, even within one instant. */
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => admissionLeads.id, { onDelete: "cascade" }),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    note: text("note"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("admission_lead_events_lead_idx").on(t.leadId, t.at)],
);

/**
 * A screening for admission: eligibility, the six dimension ratings (0–4) with justifications, the
 * level the program's rule suggests, the clinician's recommendation and the level provided.
 */
export const screenings = pgTable(
  "screenings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => admissionLeads.id, { onDelete: "cascade" }),
    edition: smallint("edition").notNull(),
    eligibility: text("eligibility").notNull(),
    ratings: smallint("ratings").array().notNull(),
    justifications: text("justifications").array().notNull(),
    suggestedLevel: text("suggested_level").notNull(),
    suggestionDrivenBy: smallint("suggestion_driven_by").array().notNull(),
    recommendedLevel: text("recommended_level").notNull(),
    providedLevel: text("provided_level").notNull(),
    differenceReason: text("difference_reason"),
    differenceNote: text("difference_note").notNull().default(""),
    screenedBy: uuid("screened_by").references(() => users.id),
    screenedAt: timestamp("screened_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("screenings_lead_idx").on(t.leadId, t.screenedAt),
    check("screenings_edition_check", sql`${t.edition} in (3, 4)`),
    check(
      "screenings_ratings_check",
      sql`array_length(${t.ratings}, 1) = 6 and 0 <= all(${t.ratings}) and 4 >= all(${t.ratings})`,
    ),
  ],
);

/** Diagnoses (ICD-10-CM) recorded for an episode; the title is kept as it was when recorded. */
export const diagnoses = pgTable(
  "diagnoses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("diagnoses_participant_idx").on(t.participantId),
    uniqueIndex("diagnoses_episode_code_key").on(t.episodeId, t.code),
    uniqueIndex("diagnoses_episode_primary_key").on(t.episodeId).where(sql`${t.isPrimary}`),
  ],
);

/** Steps up or down in level of care within an episode, dated (e.g. 2.5 → 2.1 → 1). */
export const episodeLevelChanges = pgTable(
  "episode_level_changes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    fromLevel: text("from_level").notNull(),
    toLevel: text("to_level").notNull(),
    changedOn: date("changed_on").notNull(),
    reason: text("reason").notNull(),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("episode_level_changes_episode_idx").on(t.episodeId, t.changedOn)],
);

/** Every change of a participant's sobriety date, kept (the current one is on participants). */
export const sobrietyDateChanges = pgTable(
  "sobriety_date_changes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    fromOn: date("from_on"),
    toOn: date("to_on"),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    /** A restart of the days-in-recovery counter after a lapse (by the participant or staff), not a correction. */
    restart: boolean("restart").notNull().default(false),
    /** The words that went with a restart (kind, never shaming; the person's own when they restarted it). */
    message: text("message").notNull().default(""),
  },
  (t) => [index("sobriety_date_changes_participant_idx").on(t.participantId, t.changedAt)],
);

/** The public program page of a site (markdown written by staff). */
export const programPages = pgTable("program_pages", {
  siteId: uuid("site_id")
    .primaryKey()
    .references(() => sites.id, { onDelete: "cascade" }),
  bodyMarkdown: text("body_markdown").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
});

/**
 * Completed questionnaires: the answers as given, and the score computed at submission with the
 * instrument version that scored it (a later version never rescores history). One row per
 * filled-in form: the client's idempotency key makes a retried submission a no-op.
 */
export const assessmentResponses = pgTable(
  "assessment_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    episodeId: uuid("episode_id").references(() => episodes.id),
    instrumentKey: text("instrument_key").notNull(),
    questionnaireUrl: text("questionnaire_url").notNull(),
    questionnaireVersion: text("questionnaire_version").notNull(),
    /** linkId → ordinal value, integer or boolean, exactly as answered. */
    answers: jsonb("answers").$type<Record<string, number | boolean>>().notNull(),
    language: text("language").notNull(),
    mode: text("mode").notNull(),
    enteredBy: uuid("entered_by").references(() => users.id),
    assignmentId: uuid("assignment_id"),
    idempotencyKey: uuid("idempotency_key").notNull(),
    completedOn: date("completed_on").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    scored: boolean("scored").notNull(),
    total: integer("total"),
    band: text("band"),
    subscales: jsonb("subscales").$type<Record<string, number>>().notNull(),
    flags: jsonb("flags").$type<string[]>().notNull(),
    missing: jsonb("missing").$type<string[]>().notNull(),
    critical: jsonb("critical").$type<{ rule: string; severity: string; linkIds: string[] }[]>().notNull(),
  },
  (t) => [
    uniqueIndex("assessment_responses_idempotency_key").on(t.participantId, t.idempotencyKey),
    index("assessment_responses_participant_idx").on(t.participantId, t.instrumentKey, t.completedOn),
    check("assessment_responses_mode_check", sql`${t.mode} in ('staff', 'self')`),
    check("assessment_responses_language_check", sql`${t.language} in ('en', 'es')`),
    check(
      "assessment_responses_scored_check",
      sql`(${t.scored} and jsonb_array_length(${t.missing}) = 0) or (not ${t.scored} and ${t.total} is null and ${t.band} is null)`,
    ),
  ],
);

/** A questionnaire assigned to a participant to complete themselves, until they do or staff cancel it. */
export const assessmentAssignments = pgTable(
  "assessment_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    instrumentKey: text("instrument_key").notNull(),
    assignedBy: uuid("assigned_by").references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
    dueOn: date("due_on").notNull(),
    responseId: uuid("response_id").references(() => assessmentResponses.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    index("assessment_assignments_participant_idx").on(t.participantId, t.dueOn),
    /** One open assignment per instrument and participant. */
    uniqueIndex("assessment_assignments_open_key")
      .on(t.participantId, t.instrumentKey)
      .where(sql`${t.responseId} is null and ${t.cancelledAt} is null`),
  ],
);

/** Who runs a track's group sessions. */
export const trackFacilitators = pgTable(
  "track_facilitators",
  {
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.userId] })],
);

/**
 * One change to one occurrence of a track's series (cancelled for a holiday, moved, a substitute
 * facilitator), named by the occurrence's original key (`2026-11-26T18:00`): the series itself is
 * never edited to make an exception.
 */
export const trackExceptions = pgTable(
  "track_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id),
    occurrenceKey: text("occurrence_key").notNull(),
    kind: text("kind").notNull(),
    reason: text("reason").notNull().default(""),
    movedOn: date("moved_on"),
    movedStart: text("moved_start"),
    movedEnd: text("moved_end"),
    facilitatorIds: uuid("facilitator_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("track_exceptions_occurrence_key").on(t.trackId, t.occurrenceKey),
    check("track_exceptions_kind_check", sql`${t.kind} in ('cancelled', 'moved', 'substitute')`),
    check(
      "track_exceptions_moved_check",
      sql`(${t.kind} = 'moved') = (${t.movedOn} is not null and ${t.movedStart} is not null and ${t.movedEnd} is not null)`,
    ),
  ],
);

/**
 * A participant's place in a track during an episode: rolling admission with join and exit dates,
 * or a place on the waitlist when the track is full. Moving tracks ends one row and starts another,
 * so the history stays.
 */
export const trackEnrollments = pgTable(
  "track_enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    status: text("status").notNull().default("enrolled"),
    joinedOn: date("joined_on"),
    exitedOn: date("exited_on"),
    exitReason: text("exit_reason"),
    waitlistedAt: timestamp("waitlisted_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("track_enrollments_track_idx").on(t.trackId, t.status),
    index("track_enrollments_participant_idx").on(t.participantId),
    check("track_enrollments_status_check", sql`${t.status} in ('enrolled', 'waitlisted', 'exited')`),
    check(
      "track_enrollments_dates_check",
      sql`(${t.status} = 'waitlisted' and ${t.joinedOn} is null and ${t.waitlistedAt} is not null)
        or (${t.status} = 'enrolled' and ${t.joinedOn} is not null and ${t.exitedOn} is null)
        or (${t.status} = 'exited' and ${t.exitedOn} is not null and (${t.joinedOn} is null or ${t.exitedOn} >= ${t.joinedOn}))`,
    ),
    // One open place (enrolled or waitlisted) per episode at a time.
    uniqueIndex("track_enrollments_open_key")
      .on(t.episodeId)
      .where(sql`${t.status} in ('enrolled', 'waitlisted')`),
  ],
);

/**
 * Attendance at one occurrence of a track's series (named by its original key), per participant:
 * status, minutes attended, telehealth. Changes after the first recording keep the earlier values
 * with the reason in `attendance_mark_edits`.
 */
export const attendanceMarks = pgTable(
  "attendance_marks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id),
    occurrenceKey: text("occurrence_key").notNull(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    /** The local date the session took place (a moved session: its new date), for weekly hours. */
    occurredOn: date("occurred_on").notNull(),
    status: text("status").notNull(),
    minutesAttended: integer("minutes_attended").notNull(),
    sessionMinutes: integer("session_minutes").notNull(),
    telehealth: boolean("telehealth").notNull().default(false),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("attendance_marks_occurrence_key").on(t.trackId, t.occurrenceKey, t.participantId),
    index("attendance_marks_participant_idx").on(t.participantId, t.occurredOn),
    check(
      "attendance_marks_status_check",
      sql`${t.status} in ('present', 'late', 'left_early', 'absent_excused', 'absent_unexcused', 'cancelled_by_program')`,
    ),
    check(
      "attendance_marks_minutes_check",
      sql`${t.minutesAttended} >= 0 and ${t.minutesAttended} <= ${t.sessionMinutes}`,
    ),
  ],
);

/** Each change to a recorded attendance mark: what it was, what it became, who, when and why. */
export const attendanceMarkEdits = pgTable(
  "attendance_mark_edits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    markId: uuid("mark_id")
      .notNull()
      .references(() => attendanceMarks.id),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    after: jsonb("after").$type<Record<string, unknown>>().notNull(),
    reason: text("reason").notNull(),
    editedBy: uuid("edited_by").references(() => users.id),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("attendance_mark_edits_mark_idx").on(t.markId)],
);

/** A room at a site that groups and appointments are booked into (its use is conflict-checked). */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("rooms_site_name_key").on(t.siteId, sql`lower(${t.name})`)],
);

/**
 * An individual or family session with a participant: one row per occurrence (a recurring booking
 * shares `series_id`), with its staff member, room or video link, and afterwards its attendance.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    episodeId: uuid("episode_id").references(() => episodes.id),
    kind: text("kind").notNull(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => users.id),
    roomId: uuid("room_id").references(() => rooms.id),
    /** A video link (telehealth) or a place in words when no room is booked. */
    location: text("location").notNull().default(""),
    telehealth: boolean("telehealth").notNull().default(false),
    timeZone: text("time_zone").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The local date it takes place (in `time_zone`), for weekly hours and day views. */
    localDate: date("local_date").notNull(),
    /** Shared by the occurrences of one recurring booking. */
    seriesId: uuid("series_id"),
    /** Family members taking part (family sessions): `[{ userId?, name, relationship }]`. */
    familyAttendees: jsonb("family_attendees")
      .$type<{ userId: string | null; name: string; relationship: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: text("status").notNull().default("scheduled"),
    cancelReason: text("cancel_reason"),
    /** Attendance once recorded: the statuses and minutes of group attendance. */
    attendanceStatus: text("attendance_status"),
    minutesAttended: integer("minutes_attended"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointments_participant_idx").on(t.participantId, t.startsAt),
    index("appointments_staff_idx").on(t.staffId, t.startsAt),
    index("appointments_room_idx").on(t.roomId, t.startsAt),
    index("appointments_site_idx").on(t.siteId, t.startsAt),
    index("appointments_series_idx").on(t.seriesId),
    check("appointments_kind_check", sql`${t.kind} in ('individual', 'family')`),
    check("appointments_status_check", sql`${t.status} in ('scheduled', 'cancelled')`),
    check("appointments_times_check", sql`${t.endsAt} > ${t.startsAt}`),
    check("appointments_cancel_check", sql`(${t.status} = 'cancelled') = (${t.cancelReason} is not null)`),
    check(
      "appointments_attendance_check",
      sql`(${t.attendanceStatus} is null and ${t.minutesAttended} is null)
        or (${t.attendanceStatus} in ('present', 'late', 'left_early', 'absent_excused', 'absent_unexcused', 'cancelled_by_program')
            and ${t.minutesAttended} >= 0
            and ${t.minutesAttended} * interval '1 minute' <= ${t.endsAt} - ${t.startsAt})`,
    ),
  ],
);

/**
 * When a participant cannot attend, declared by them or staff (work shifts, school, childcare):
 * a weekly time window in the site's local time, checked when booking.
 */
export const participantUnavailability = pgTable(
  "participant_unavailability",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    weekday: smallint("weekday").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    reason: text("reason").notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("participant_unavailability_participant_idx").on(t.participantId),
    check("participant_unavailability_weekday_check", sql`${t.weekday} between 1 and 7`),
    check("participant_unavailability_times_check", sql`${t.endTime} > ${t.startTime}`),
    check(
      "participant_unavailability_reason_check",
      sql`${t.reason} in ('work', 'school', 'childcare', 'caregiving', 'transport', 'other')`,
    ),
  ],
);

/**
 * A personal iCalendar feed behind a secret URL: for a staff member (their groups and appointments)
 * or a participant. Only an HMAC of the token is stored; revoking ends the URL at once.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    staffUserId: uuid("staff_user_id").references(() => users.id),
    participantId: uuid("participant_id").references(() => participants.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_key").on(t.tokenHash),
    uniqueIndex("calendar_feeds_open_staff_key")
      .on(t.staffUserId)
      .where(sql`${t.revokedAt} is null and ${t.staffUserId} is not null`),
    uniqueIndex("calendar_feeds_open_participant_key")
      .on(t.participantId)
      .where(sql`${t.revokedAt} is null and ${t.participantId} is not null`),
    check("calendar_feeds_owner_check", sql`(${t.staffUserId} is null) <> (${t.participantId} is null)`),
  ],
);

/**
 * A reminder sent (or handed to the outbox) for one session, person, moment and channel. The unique
 * key makes sending idempotent: two processes running the reminder job cannot both send it.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `appointment:<id>` or `group:<trackId>:<occurrenceKey>`. */
    sessionKey: text("session_key").notNull(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    moment: text("moment").notNull(),
    channel: text("channel").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("reminder_deliveries_once_key").on(t.sessionKey, t.participantId, t.moment, t.channel),
    check("reminder_deliveries_moment_check", sql`${t.moment} in ('day_before', 'same_day')`),
    check("reminder_deliveries_channel_check", sql`${t.channel} in ('email', 'sms')`),
  ],
);

/** A participant's treatment plan for one episode of care; its content lives in versions. */
export const treatmentPlans = pgTable(
  "treatment_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("treatment_plans_episode_key").on(t.episodeId),
    index("treatment_plans_participant_idx").on(t.participantId),
  ],
);

/**
 * One version of a plan. A draft is edited in place under optimistic locking (`revision`); once sent
 * for signatures its content is frozen (and hashed); signed, it is locked for good and becomes the
 * plan's current version, the previous one superseded. A change after that is a new version.
 */
export const treatmentPlanVersions = pgTable(
  "treatment_plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => treatmentPlans.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: text("status").notNull().default("draft"),
    language: text("language").notNull(),
    startsOn: date("starts_on").notNull(),
    content: jsonb("content").notNull(),
    revision: integer("revision").notNull().default(1),
    cosignerUserId: uuid("cosigner_user_id").references(() => users.id),
    basedOnVersionId: uuid("based_on_version_id"),
    contentSha256: text("content_sha256"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("treatment_plan_versions_number_key").on(t.planId, t.number),
    uniqueIndex("treatment_plan_versions_open_key")
      .on(t.planId)
      .where(sql`${t.status} in ('draft', 'awaiting_signatures')`),
    uniqueIndex("treatment_plan_versions_current_key").on(t.planId).where(sql`${t.status} = 'signed'`),
    check(
      "treatment_plan_versions_status_check",
      sql`${t.status} in ('draft', 'awaiting_signatures', 'signed', 'superseded')`,
    ),
    check("treatment_plan_versions_language_check", sql`${t.language} in ('en', 'es')`),
    check(
      "treatment_plan_versions_frozen_check",
      sql`(${t.status} = 'draft') = (${t.contentSha256} is null)`,
    ),
    check(
      "treatment_plan_versions_signed_check",
      sql`(${t.status} in ('signed', 'superseded')) = (${t.signedAt} is not null)`,
    ),
  ],
);

/** A review of a signed plan version: progress per objective, signed like the plan. */
export const treatmentPlanReviews = pgTable(
  "treatment_plan_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => treatmentPlans.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => treatmentPlanVersions.id),
    number: integer("number").notNull(),
    status: text("status").notNull().default("draft"),
    reason: text("reason").notNull(),
    dueOn: date("due_on").notNull(),
    heldOn: date("held_on").notNull(),
    content: jsonb("content").notNull(),
    revision: integer("revision").notNull().default(1),
    cosignerUserId: uuid("cosigner_user_id").references(() => users.id),
    contentSha256: text("content_sha256"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    signedAt: timestamp("signed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("treatment_plan_reviews_number_key").on(t.planId, t.number),
    uniqueIndex("treatment_plan_reviews_open_key")
      .on(t.planId)
      .where(sql`${t.status} in ('draft', 'awaiting_signatures')`),
    index("treatment_plan_reviews_signed_idx").on(t.planId, t.signedAt),
    check(
      "treatment_plan_reviews_status_check",
      sql`${t.status} in ('draft', 'awaiting_signatures', 'signed')`,
    ),
    check(
      "treatment_plan_reviews_reason_check",
      sql`${t.reason} in ('scheduled', 'level_of_care_change', 'critical_alert', 'discharge_planning')`,
    ),
    check("treatment_plan_reviews_frozen_check", sql`(${t.status} = 'draft') = (${t.contentSha256} is null)`),
    check("treatment_plan_reviews_signed_check", sql`(${t.status} = 'signed') = (${t.signedAt} is not null)`),
  ],
);

/**
 * A signature on a plan version or a review: who, in which role, how they proved it was them, the
 * hash of exactly what they signed, when, and from which device.
 */
export const treatmentPlanSignatures = pgTable(
  "treatment_plan_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").references(() => treatmentPlanVersions.id, { onDelete: "cascade" }),
    reviewId: uuid("review_id").references(() => treatmentPlanReviews.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    signerUserId: uuid("signer_user_id")
      .notNull()
      .references(() => users.id),
    method: text("method").notNull(),
    typedName: text("typed_name"),
    contentSha256: text("content_sha256").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
  },
  (t) => [
    uniqueIndex("treatment_plan_signatures_version_role_key")
      .on(t.versionId, t.role)
      .where(sql`${t.versionId} is not null`),
    uniqueIndex("treatment_plan_signatures_review_role_key")
      .on(t.reviewId, t.role)
      .where(sql`${t.reviewId} is not null`),
    check("treatment_plan_signatures_target_check", sql`(${t.versionId} is null) <> (${t.reviewId} is null)`),
    check(
      "treatment_plan_signatures_role_check",
      sql`${t.role} in ('clinician', 'participant', 'supervisor')`,
    ),
    check(
      "treatment_plan_signatures_method_check",
      sql`${t.method} in ('password', 'totp', 'typed_name') and ((${t.method} = 'typed_name') = (${t.typedName} is not null))`,
    ),
  ],
);

/**
 * A reason to review a plan early (level-of-care change, critical alert, discharge planning), open
 * until a review signed after it is raised satisfies it.
 */
export const treatmentPlanReviewTriggers = pgTable(
  "treatment_plan_review_triggers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => treatmentPlans.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    /** The record that raised it (an alert, a level change) — for dedupe and for the link. */
    sourceId: text("source_id").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    dueOn: date("due_on").notNull(),
    satisfiedByReviewId: uuid("satisfied_by_review_id").references(() => treatmentPlanReviews.id),
  },
  (t) => [
    uniqueIndex("treatment_plan_review_triggers_source_key").on(t.planId, t.reason, t.sourceId),
    index("treatment_plan_review_triggers_open_idx")
      .on(t.planId)
      .where(sql`${t.satisfiedByReviewId} is null`),
    check(
      "treatment_plan_review_triggers_reason_check",
      sql`${t.reason} in ('level_of_care_change', 'critical_alert', 'discharge_planning')`,
    ),
  ],
);

/**
 * A program's version of a curriculum module: a module of its own, or its edit of a shipped one (the
 * file in content/curriculum is version 0). The latest version of a key is the one in use; earlier
 * ones stay for the notes that cite them.
 */
export const curriculumModuleVersions = pgTable(
  "curriculum_module_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moduleKey: text("module_key").notNull(),
    version: integer("version").notNull(),
    content: jsonb("content").notNull(),
    archived: boolean("archived").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("curriculum_module_versions_key").on(t.moduleKey, t.version),
    check("curriculum_module_versions_version_check", sql`${t.version} >= 1`),
  ],
);

/** A group session planned with a module (one module per occurrence of a track's series). */
export const trackOccurrenceModules = pgTable(
  "track_occurrence_modules",
  {
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id, { onDelete: "cascade" }),
    occurrenceKey: text("occurrence_key").notNull(),
    moduleKey: text("module_key").notNull(),
    plannedBy: uuid("planned_by").references(() => users.id),
    plannedAt: timestamp("planned_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.occurrenceKey] })],
);

/**
 * A clinical note (issue 8): a group note for one occurrence of a track's series (shared part here,
 * one individualized entry per participant in `group_note_entries`), or an individual or family
 * session note (DAP, BIRP or SOAP) about one participant, linked to its appointment. A draft is edited
 * under optimistic locking (`revision`); the author's signature freezes the content (hashed) and, for
 * a supervisee, sends it to the named co-signer; signed, it is immutable — corrections are addenda.
 * SUD counseling notes are kept apart, in `counseling_notes`.
 */
export const clinicalNotes = pgTable(
  "clinical_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    /** Group notes: the session, by its track and the occurrence's original key. */
    trackId: uuid("track_id").references(() => tracks.id),
    occurrenceKey: text("occurrence_key"),
    /** Individual and family notes: the participant, their episode and the appointment. */
    participantId: uuid("participant_id").references(() => participants.id),
    episodeId: uuid("episode_id").references(() => episodes.id),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    /** DAP, BIRP or SOAP (individual and family notes); null for group notes. */
    format: text("format"),
    /** When the session took place: its local date and its start and end. */
    sessionDate: date("session_date").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("draft"),
    content: jsonb("content").notNull(),
    revision: integer("revision").notNull().default(1),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** The supervisor who must co-sign (the author requires co-signature), named when signing. */
    cosignerUserId: uuid("cosigner_user_id").references(() => users.id),
    /** Hash of what the author signed (shared part and every entry), set by the author's signature. */
    contentSha256: text("content_sha256"),
    /** Signed by the author later than the program's late-entry window after the session. */
    lateEntry: boolean("late_entry").notNull().default(false),
    createdAt: createdAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    cosignedAt: timestamp("cosigned_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("clinical_notes_group_session_key")
      .on(t.trackId, t.occurrenceKey)
      .where(sql`${t.kind} = 'group'`),
    uniqueIndex("clinical_notes_appointment_key")
      .on(t.appointmentId)
      .where(sql`${t.appointmentId} is not null`),
    index("clinical_notes_participant_idx").on(t.participantId, t.sessionDate),
    index("clinical_notes_author_idx").on(t.authorId, t.status),
    index("clinical_notes_unsigned_idx").on(t.siteId, t.endsAt).where(sql`${t.status} <> 'signed'`),
    index("clinical_notes_cosigner_idx").on(t.cosignerUserId).where(sql`${t.status} = 'awaiting_cosign'`),
    check("clinical_notes_kind_check", sql`${t.kind} in ('group', 'individual', 'family')`),
    check(
      "clinical_notes_subject_check",
      sql`(${t.kind} = 'group' and ${t.trackId} is not null and ${t.occurrenceKey} is not null
            and ${t.participantId} is null and ${t.episodeId} is null and ${t.appointmentId} is null and ${t.format} is null)
        or (${t.kind} in ('individual', 'family') and ${t.participantId} is not null and ${t.episodeId} is not null
            and ${t.trackId} is null and ${t.occurrenceKey} is null and ${t.format} in ('DAP', 'BIRP', 'SOAP'))`,
    ),
    check("clinical_notes_status_check", sql`${t.status} in ('draft', 'awaiting_cosign', 'signed')`),
    check("clinical_notes_times_check", sql`${t.endsAt} > ${t.startsAt}`),
    check(
      "clinical_notes_frozen_check",
      sql`(${t.status} = 'draft') = (${t.contentSha256} is null) and (${t.status} = 'draft') = (${t.signedAt} is null)`,
    ),
    check(
      "clinical_notes_cosign_check",
      sql`(${t.status} <> 'awaiting_cosign' or (${t.cosignerUserId} is not null and ${t.cosignedAt} is null))
        and (${t.cosignedAt} is null or (${t.status} = 'signed' and ${t.cosignerUserId} is not null))`,
    ),
  ],
);

/**
 * One participant's individualized entry in a group note. In the participant's chart it is shown
 * with the note's shared part only — never another participant's name or entry.
 */
export const groupNoteEntries = pgTable(
  "group_note_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => clinicalNotes.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    content: jsonb("content").notNull(),
    revision: integer("revision").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("group_note_entries_participant_key").on(t.noteId, t.participantId),
    index("group_note_entries_participant_idx").on(t.participantId),
  ],
);

/**
 * A signature on a clinical note: the author's or the co-signing supervisor's, how they proved it was
 * them (password or authenticator code), the hash of exactly what they signed, when and from where.
 */
export const clinicalNoteSignatures = pgTable(
  "clinical_note_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => clinicalNotes.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    signerUserId: uuid("signer_user_id")
      .notNull()
      .references(() => users.id),
    method: text("method").notNull(),
    contentSha256: text("content_sha256").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
  },
  (t) => [
    uniqueIndex("clinical_note_signatures_role_key").on(t.noteId, t.role),
    check("clinical_note_signatures_role_check", sql`${t.role} in ('author', 'supervisor')`),
    check("clinical_note_signatures_method_check", sql`${t.method} in ('password', 'totp')`),
  ],
);

/**
 * An addendum to a signed clinical note: a correction or later information, with its reason, author
 * and time, signed on writing (re-authenticated, hashed). On a group note it concerns either the
 * shared part (shown in every participant's chart) or one participant's entry (shown in theirs only).
 */
export const clinicalNoteAddenda = pgTable(
  "clinical_note_addenda",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => clinicalNotes.id, { onDelete: "cascade" }),
    /** Group notes: the participant whose entry it concerns; null for the shared part or a whole note. */
    entryParticipantId: uuid("entry_participant_id").references(() => participants.id),
    reason: text("reason").notNull(),
    body: text("body").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    method: text("method").notNull(),
    contentSha256: text("content_sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("clinical_note_addenda_note_idx").on(t.noteId, t.createdAt),
    check("clinical_note_addenda_method_check", sql`${t.method} in ('password', 'totp')`),
  ],
);

/**
 * SUD counseling notes (42 CFR Part 2 as amended in 2024, §2.11): a counselor's notes analysing the
 * conversation in a session, kept apart from the rest of the record — never in the chart's notes
 * list, exports, family views or routine disclosures; read only by their author and the roles the
 * program's policy allows (permission `counseling_notes.view`), each read audited.
 */
export const counselingNotes = pgTable(
  "counseling_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    /** The session it concerns, when it was a booked appointment. */
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    sessionDate: date("session_date").notNull(),
    status: text("status").notNull().default("draft"),
    content: jsonb("content").notNull(),
    revision: integer("revision").notNull().default(1),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    contentSha256: text("content_sha256"),
    signMethod: text("sign_method"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp("signed_at", { withTimezone: true }),
  },
  (t) => [
    index("counseling_notes_participant_idx").on(t.participantId, t.sessionDate),
    index("counseling_notes_author_idx").on(t.authorId, t.status),
    check("counseling_notes_status_check", sql`${t.status} in ('draft', 'signed')`),
    check(
      "counseling_notes_signed_check",
      sql`((${t.status} = 'signed') = (${t.signedAt} is not null))
        and ((${t.status} = 'signed') = (${t.contentSha256} is not null))
        and ((${t.status} = 'signed') = (${t.signMethod} in ('password', 'totp')))`,
    ),
  ],
);

/** An addendum to a signed SUD counseling note (same rules as clinical-note addenda, kept apart too). */
export const counselingNoteAddenda = pgTable(
  "counseling_note_addenda",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => counselingNotes.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    body: text("body").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    method: text("method").notNull(),
    contentSha256: text("content_sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("counseling_note_addenda_note_idx").on(t.noteId, t.createdAt),
    check("counseling_note_addenda_method_check", sql`${t.method} in ('password', 'totp')`),
  ],
);

/**
 * A participant's recovery plan (relapse prevention) or safety plan, co-edited by the participant and
 * the care team (issue 9). Every save is a new row in `personal_plan_versions` (optimistic locking on
 * `current_version`); each side's last-seen version lets the other's changes be shown as new.
 */
export const personalPlans = pgTable(
  "personal_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    currentVersion: integer("current_version").notNull(),
    participantSeenVersion: integer("participant_seen_version").notNull().default(0),
    staffSeenVersion: integer("staff_seen_version").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("personal_plans_participant_kind_key").on(t.participantId, t.kind),
    check("personal_plans_kind_check", sql`${t.kind} in ('recovery', 'safety')`),
    check("personal_plans_version_check", sql`${t.currentVersion} >= 1`),
  ],
);

export const personalPlanVersions = pgTable(
  "personal_plan_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => personalPlans.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").notNull(),
    editedBy: uuid("edited_by").references(() => users.id),
    /** Who edited: the participant themself or staff. */
    editorKind: text("editor_kind").notNull(),
    /** The sections this save changed (keys of the plan's content), for "what changed" at a glance. */
    changedSections: jsonb("changed_sections").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("personal_plan_versions_key").on(t.planId, t.version),
    check("personal_plan_versions_editor_check", sql`${t.editorKind} in ('participant', 'staff')`),
  ],
);

/**
 * A participant's practice after a group (issue 9): the curriculum module of a session they attended,
 * marked done with a short reflection the facilitator reads before the next session.
 */
export const practiceCompletions = pgTable(
  "practice_completions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id),
    occurrenceKey: text("occurrence_key").notNull(),
    moduleKey: text("module_key").notNull(),
    reflection: text("reflection").notNull().default(""),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
    /** When a facilitator marked the reflection read (null until then). */
    readAt: timestamp("read_at", { withTimezone: true }),
    readBy: uuid("read_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("practice_completions_key").on(t.participantId, t.trackId, t.occurrenceKey),
    index("practice_completions_track_idx").on(t.trackId, t.completedAt),
  ],
);

/**
 * Secure asynchronous messages between a participant and their care team (issue 9; not for
 * emergencies). A thread belongs to one participant; each person's read position is kept per thread.
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    subject: text("subject").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /**
     * Family threads (issue 10): a conversation between this family member and the care team about
     * the participant, under the participant's consent. Null for the participant's own threads; the
     * participant never sees a family thread and the family member never sees the participant's.
     */
    familyUserId: uuid("family_user_id").references(() => users.id, { onDelete: "cascade" }),
    /**
     * Alumni (issue 11): `alumni` threads are between a discharged participant and the program's
     * alumni coordinators (staff with `alumni.manage` at the site), not the care team.
     */
    audience: text("audience").notNull().default("care_team"),
    createdAt: createdAt(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("message_threads_participant_idx").on(t.participantId, t.lastMessageAt),
    index("message_threads_family_idx").on(t.familyUserId, t.lastMessageAt),
    index("message_threads_site_idx").on(t.siteId, t.lastMessageAt),
    check("message_threads_audience_check", sql`${t.audience} in ('care_team', 'alumni')`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    authorKind: text("author_kind").notNull(),
    body: text("body").notNull(),
    idempotencyKey: uuid("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("messages_thread_idx").on(t.threadId, t.createdAt),
    uniqueIndex("messages_idempotency_key").on(t.authorId, t.idempotencyKey),
    check("messages_author_kind_check", sql`${t.authorKind} in ('participant', 'staff', 'family')`),
    check("messages_body_check", sql`char_length(${t.body}) between 1 and 4000`),
  ],
);

export const messageReads = pgTable(
  "message_reads",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("message_reads_user_idx").on(t.userId)],
);

/**
 * A participant's request, made in advance, to be excused from a group session or an appointment
 * (issue 9). It goes to the primary counselor, who approves or declines it; an approved request makes
 * the session's attendance default to excused.
 */
export const absenceRequests = pgTable(
  "absence_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    trackId: uuid("track_id").references(() => tracks.id),
    occurrenceKey: text("occurrence_key"),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    occursOn: date("occurs_on").notNull(),
    reason: text("reason").notNull(),
    note: text("note").notNull().default(""),
    status: text("status").notNull().default("pending"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note").notNull().default(""),
  },
  (t) => [
    index("absence_requests_participant_idx").on(t.participantId, t.occursOn),
    index("absence_requests_site_status_idx").on(t.siteId, t.status),
    uniqueIndex("absence_requests_occurrence_key")
      .on(t.participantId, t.trackId, t.occurrenceKey)
      .where(sql`${t.trackId} is not null and ${t.status} in ('pending', 'approved')`),
    uniqueIndex("absence_requests_appointment_key")
      .on(t.participantId, t.appointmentId)
      .where(sql`${t.appointmentId} is not null and ${t.status} in ('pending', 'approved')`),
    check(
      "absence_requests_target_check",
      sql`(${t.trackId} is not null and ${t.occurrenceKey} is not null and ${t.appointmentId} is null)
        or (${t.trackId} is null and ${t.occurrenceKey} is null and ${t.appointmentId} is not null)`,
    ),
    check(
      "absence_requests_status_check",
      sql`${t.status} in ('pending', 'approved', 'declined', 'withdrawn')`,
    ),
    check(
      "absence_requests_decision_check",
      sql`(${t.status} in ('approved', 'declined')) = (${t.decidedAt} is not null and ${t.decidedBy} is not null)`,
    ),
    check(
      "absence_requests_reason_check",
      sql`${t.reason} in ('illness', 'work', 'family', 'transport', 'appointment', 'other')`,
    ),
  ],
);

/**
 * 42 CFR Part 2 consents (issue 10): every §2.31(a) element is a column or a child row, so a consent
 * missing one cannot be signed and the rules can name what is missing. Revocation and expiry are not
 * a status: they are facts (`consent_revocations`, `expires_on` / `expiry_event`) checked at the
 * moment of every disclosure (§2.31(c)).
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    /** tpo, named_recipient, counseling_notes, research, legal_proceedings, criminal_justice. */
    kind: text("kind").notNull(),
    /** (a)(1) the patient's name as printed on the consent. */
    patientName: text("patient_name").notNull(),
    /** (a)(2) who may use or disclose: `[{ type: 'program' | 'named' | 'class', name }]`. */
    disclosers: jsonb("disclosers").$type<{ type: string; name: string }[]>().notNull().default([]),
    /** (a)(3) what information, from the controlled list; free text alone is never enough. */
    informationScope: text("information_scope").array().notNull(),
    informationDetail: text("information_detail").notNull().default(""),
    /** (a)(5) each purpose, coded; `purpose_detail` says more in words. */
    purposes: text("purposes").array().notNull(),
    purposeDetail: text("purpose_detail").notNull().default(""),
    /** (a)(7) an expiry date or an expiry event (none / end_of_treatment only for TPO). */
    expiresOn: date("expires_on"),
    expiryEvent: text("expiry_event"),
    /** (a)(10)(ii) TPO: the consequences to the patient of refusing to sign. */
    refusalConsequences: text("refusal_consequences").notNull().default(""),
    /** §2.35 criminal-justice referral: revocable only after this date (no later than final disposition). */
    revocableAfter: date("revocable_after"),
    /** The program's state rule for minors at drafting time: who must sign (`['patient','parent_guardian']`). */
    requiredSigners: text("required_signers").array().notNull(),
    /** The rendered consent as signed (the copy that goes with each disclosure, §2.32(b)). */
    documentText: text("document_text").notNull().default(""),
    /** draft → signed; void = discarded draft. Revoked and expired are derived, never stored here. */
    status: text("status").notNull().default("draft"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** An oral revocation request: disclosures stop at once until a written revocation or a release. */
    holdAt: timestamp("hold_at", { withTimezone: true }),
    holdNote: text("hold_note").notNull().default(""),
    holdBy: uuid("hold_by").references(() => users.id),
    /** §2.31(c)(4): known (or knowable) to be materially false — never used again. */
    materiallyFalseAt: timestamp("materially_false_at", { withTimezone: true }),
    materiallyFalseNote: text("materially_false_note").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("consents_participant_idx").on(t.participantId, t.createdAt),
    check(
      "consents_kind_check",
      sql`${t.kind} in ('tpo', 'named_recipient', 'counseling_notes', 'research', 'legal_proceedings', 'criminal_justice')`,
    ),
    check("consents_status_check", sql`${t.status} in ('draft', 'signed', 'void')`),
    check("consents_signed_check", sql`(${t.status} = 'signed') = (${t.signedAt} is not null)`),
  ],
);

/** (a)(4) each recipient, named or by class; revoked one by one (partial revocation, SAMHSA FAQ). */
export const consentRecipients = pgTable(
  "consent_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id, { onDelete: "cascade" }),
    /** person, organisation, class, intermediary. */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** For a person: spouse, parent, sibling, friend… (family portal). */
    relationship: text("relationship").notNull().default(""),
    email: text("email").notNull().default(""),
    /** A HIPAA covered entity or business associate receiving for TPO ((a)(4)(iii) statement). */
    coveredEntity: boolean("covered_entity").notNull().default(false),
    /** (a)(4)(ii) intermediaries: the member participants named, or a general designation. */
    intermediaryParticipants: text("intermediary_participants").notNull().default(""),
    generalDesignationTreatingOnly: boolean("general_designation_treating_only").notNull().default(false),
    /** The family account that receives under this consent, once the invitation is accepted. */
    familyUserId: uuid("family_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The safety screen before family access: 'safe' | 'concern' | null (not asked yet). */
    safetyScreen: text("safety_screen"),
    safetyScreenedAt: timestamp("safety_screened_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("consent_recipients_consent_idx").on(t.consentId),
    index("consent_recipients_family_idx").on(t.familyUserId),
    check(
      "consent_recipients_kind_check",
      sql`${t.kind} in ('person', 'organisation', 'class', 'intermediary')`,
    ),
    check(
      "consent_recipients_screen_check",
      sql`${t.safetyScreen} is null or ${t.safetyScreen} in ('safe', 'concern')`,
    ),
  ],
);

/** (a)(8)–(9) signatures: the patient's, and the parent's or guardian's where the state rule requires it. */
export const consentSignatures = pgTable(
  "consent_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id, { onDelete: "cascade" }),
    /** patient, parent_guardian, representative (§2.15). */
    role: text("role").notNull(),
    signerName: text("signer_name").notNull(),
    /** electronic (typed name, signed in) or paper_on_file (staff attest the signed paper is kept). */
    method: text("method").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("consent_signatures_role_key").on(t.consentId, t.role),
    check(
      "consent_signatures_role_check",
      sql`${t.role} in ('patient', 'parent_guardian', 'representative')`,
    ),
    check("consent_signatures_method_check", sql`${t.method} in ('electronic', 'paper_on_file')`),
  ],
);

/** Written revocations (§2.31(a)(6)): of the whole consent, or of one recipient. Effective on the next request. */
export const consentRevocations = pgTable(
  "consent_revocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id, { onDelete: "cascade" }),
    /** Null: the whole consent. */
    recipientId: uuid("recipient_id").references(() => consentRecipients.id, { onDelete: "cascade" }),
    /** The patient's own written words (typed in the app, or transcribed from their signed paper). */
    writtenStatement: text("written_statement").notNull(),
    /** participant_app or paper_recorded_by_staff. */
    method: text("method").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("consent_revocations_consent_idx").on(t.consentId),
    check(
      "consent_revocations_method_check",
      sql`${t.method} in ('participant_app', 'paper_recorded_by_staff')`,
    ),
  ],
);

/**
 * The disclosure log: one row per disclosure, on every path (family portal view, record release,
 * FHIR, referral packet, print, and disclosures without consent). Immutable; the participant reads
 * their own. `consent_check` keeps the §2.31(c) result at the moment of disclosure.
 */
export const disclosures = pgTable(
  "disclosures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    /** consent, medical_emergency, audit_evaluation, qsoa, child_abuse_report, court_order. */
    basis: text("basis").notNull(),
    consentId: uuid("consent_id").references(() => consents.id),
    recipientId: uuid("recipient_id").references(() => consentRecipients.id),
    recipientName: text("recipient_name").notNull(),
    recipientUserId: uuid("recipient_user_id").references(() => users.id, { onDelete: "set null" }),
    /** family_portal, record_release, fhir, referral_packet, print, no_consent. */
    channel: text("channel").notNull(),
    purpose: text("purpose").notNull(),
    /** What was disclosed, from the information-scope list. */
    information: text("information").array().notNull(),
    /** statement_1 (full) or statement_2 (abbreviated); none only for disclosures without consent. */
    statement: text("statement").notNull(),
    /** The scope explanation attached (§2.32(b)) when no consent copy was. */
    scopeSummary: text("scope_summary").notNull().default(""),
    payloadHash: text("payload_hash").notNull().default(""),
    /** Who made it (staff), or the family member who viewed it (family portal). */
    disclosedBy: uuid("disclosed_by").references(() => users.id),
    exceptionId: uuid("exception_id"),
    disclosedAt: timestamp("disclosed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("disclosures_participant_idx").on(t.participantId, t.disclosedAt),
    index("disclosures_consent_idx").on(t.consentId),
    check(
      "disclosures_basis_check",
      sql`${t.basis} in ('consent', 'medical_emergency', 'audit_evaluation', 'qsoa', 'child_abuse_report', 'court_order')`,
    ),
    check(
      "disclosures_channel_check",
      sql`${t.channel} in ('family_portal', 'record_release', 'fhir', 'referral_packet', 'print', 'no_consent')`,
    ),
    check("disclosures_statement_check", sql`${t.statement} in ('statement_1', 'statement_2', 'none')`),
    check("disclosures_consent_check", sql`(${t.basis} = 'consent') = (${t.consentId} is not null)`),
  ],
);

/**
 * Disclosures the rule allows without consent (§2.51 medical emergency, §2.53 audit/evaluation, QSO
 * agreement, child-abuse report, court order): staff only, each with the record its section requires,
 * director-approved where required. `details` holds the kind's fields (validated by its zod schema).
 */
export const disclosureExceptions = pgTable(
  "disclosure_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    kind: text("kind").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    information: text("information").array().notNull(),
    /** pending_approval, approved, refused, recorded (no approval needed, e.g. an emergency after the fact). */
    status: text("status").notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note").notNull().default(""),
  },
  (t) => [
    index("disclosure_exceptions_participant_idx").on(t.participantId, t.requestedAt),
    index("disclosure_exceptions_site_status_idx").on(t.siteId, t.status),
    check(
      "disclosure_exceptions_kind_check",
      sql`${t.kind} in ('medical_emergency', 'audit_evaluation', 'qsoa', 'child_abuse_report', 'court_order')`,
    ),
    check(
      "disclosure_exceptions_status_check",
      sql`${t.status} in ('pending_approval', 'approved', 'refused', 'recorded')`,
    ),
  ],
);

/** §2.26 restrictions the participant asks for; the health-plan restriction for self-paid services must be agreed. */
export const consentRestrictions = pgTable(
  "consent_restrictions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    /** health_plan_self_paid, category, recipient. */
    kind: text("kind").notNull(),
    /** Categories withheld (from the information-scope list). */
    informationScope: text("information_scope").array().notNull(),
    /** Whom it concerns, in words (a recipient, a health plan). */
    recipientText: text("recipient_text").notNull().default(""),
    description: text("description").notNull().default(""),
    /** requested, agreed, refused, terminated. */
    status: text("status").notNull(),
    requestedVia: text("requested_via").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note").notNull().default(""),
    terminatedAt: timestamp("terminated_at", { withTimezone: true }),
    /**
     * How it ended: participant_written, participant_oral_documented or program_notice. A restriction
     * the program ended by notice still protects what was created before (§2.26); the disclosure
     * check cannot date each record, so it keeps applying it.
     */
    terminatedBy: text("terminated_by"),
    terminationNote: text("termination_note").notNull().default(""),
  },
  (t) => [
    index("consent_restrictions_participant_idx").on(t.participantId),
    check(
      "consent_restrictions_terminated_by_check",
      sql`(${t.status} = 'terminated') = (${t.terminatedBy} is not null)
        and (${t.terminatedBy} is null or ${t.terminatedBy} in ('participant_written', 'participant_oral_documented', 'program_notice'))`,
    ),
    check(
      "consent_restrictions_kind_check",
      sql`${t.kind} in ('health_plan_self_paid', 'category', 'recipient')`,
    ),
    check(
      "consent_restrictions_status_check",
      sql`${t.status} in ('requested', 'agreed', 'refused', 'terminated')`,
    ),
    check(
      "consent_restrictions_self_paid_check",
      sql`${t.kind} <> 'health_plan_self_paid' or ${t.status} in ('agreed', 'terminated')`,
    ),
  ],
);

/** §2.22 Patient Notice: which version each participant was given, how, and their acknowledgement. */
export const patientNoticeDeliveries = pgTable(
  "patient_notice_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    episodeId: uuid("episode_id").references(() => episodes.id, { onDelete: "set null" }),
    noticeVersion: text("notice_version").notNull(),
    /** paper, electronic (the participant app), email. */
    method: text("method").notNull(),
    deliveredBy: uuid("delivered_by").references(() => users.id),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    /** signed, declined (the participant would not sign: staff note it, as with a HIPAA NPP). */
    acknowledgement: text("acknowledgement"),
  },
  (t) => [
    index("patient_notice_deliveries_participant_idx").on(t.participantId, t.deliveredAt),
    check("patient_notice_deliveries_method_check", sql`${t.method} in ('paper', 'electronic', 'email')`),
    check(
      "patient_notice_deliveries_ack_check",
      sql`${t.acknowledgement} is null or ${t.acknowledgement} in ('signed', 'declined')`,
    ),
  ],
);

/**
 * The state rule for minors at a site (§2.14 defers to state law): counsel fills it in; there is no
 * national default. Each change is a new row (the newest is in force) so earlier consents keep the
 * rule they were drafted under.
 */
export const minorConsentRules = pgTable(
  "minor_consent_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    stateCode: text("state_code").notNull(),
    ageOfMajority: smallint("age_of_majority").notNull(),
    /** The age from which a minor may consent to SUD treatment alone; null when state law sets none. */
    minorMayConsentFrom: smallint("minor_may_consent_from"),
    /** Whether state law requires a parent or guardian to consent to a minor's treatment. */
    parentalConsentRequired: boolean("parental_consent_required").notNull(),
    notes: text("notes").notNull().default(""),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("minor_consent_rules_site_idx").on(t.siteId, t.updatedAt)],
);

/** People the participant asked us never to contact or disclose to; an invitation to one is refused and alerts the team. */
export const disclosureBlocks = pgTable(
  "disclosure_blocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull().default(""),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("disclosure_blocks_participant_idx").on(t.participantId)],
);

/** What the participant writes for the people they share with ("general progress they choose to share"). */
export const sharedUpdates = pgTable(
  "shared_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [
    index("shared_updates_participant_idx").on(t.participantId, t.createdAt),
    check("shared_updates_body_check", sql`char_length(${t.body}) between 1 and 1000`),
  ],
);

/** A family member's own progress through the education modules (their data, not the participant's record). */
export const familyModuleProgress = pgTable(
  "family_module_progress",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleKey: text("module_key").notNull(),
    /** Their private answer to the module's practice exercise. */
    exerciseAnswer: text("exercise_answer").notNull().default(""),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleKey] })],
);

/** A family member's optional check-in on their own stress and wellbeing (their data). One a day, editable. */
export const familyCheckIns = pgTable(
  "family_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recordedOn: date("recorded_on").notNull(),
    stress: smallint("stress").notNull(),
    wellbeing: smallint("wellbeing").notNull(),
    sleepQuality: smallint("sleep_quality"),
    /** Something they did for themselves (CRAFT self-care). */
    selfCare: text("self_care").notNull().default(""),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("family_check_ins_day_key").on(t.userId, t.recordedOn),
    check("family_check_ins_stress_check", sql`${t.stress} between 0 and 10`),
    check("family_check_ins_wellbeing_check", sql`${t.wellbeing} between 0 and 10`),
    check(
      "family_check_ins_sleep_check",
      sql`${t.sleepQuality} is null or ${t.sleepQuality} between 1 and 5`,
    ),
  ],
);

/**
 * Discharge summaries (issue 11): one per episode, generated as a draft from the record, edited by the
 * clinician and signed. `facts` is the snapshot the draft was generated from (attendance, measures at
 * start and end with reliable-change status, plan progress, medications, risks); `sections` is the
 * text per section as edited. A signed summary is never changed.
 */
export const dischargeSummaries = pgTable(
  "discharge_summaries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    status: text("status").notNull().default("draft"),
    facts: jsonb("facts").notNull(),
    sections: jsonb("sections").$type<Record<string, string>>().notNull(),
    version: integer("version").notNull().default(1),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    signedBy: uuid("signed_by").references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("discharge_summaries_episode_key").on(t.episodeId),
    index("discharge_summaries_participant_idx").on(t.participantId),
    check("discharge_summaries_status_check", sql`${t.status} in ('draft', 'signed')`),
    check(
      "discharge_summaries_signed_check",
      sql`(${t.status} = 'signed') = (${t.signedAt} is not null and ${t.signedBy} is not null)`,
    ),
  ],
);

/**
 * Aftercare plans (issue 11): co-written with the participant before or at discharge — step-down
 * appointment, mutual-help meetings, housing, medication continuity, support people, crisis plan,
 * community resources (`content`, core/aftercare). Signed by the participant and by the clinician;
 * an edit after a signature clears the signatures and raises the version.
 */
export const aftercarePlans = pgTable(
  "aftercare_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    content: jsonb("content").notNull(),
    version: integer("version").notNull().default(1),
    status: text("status").notNull().default("draft"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    participantSignedAt: timestamp("participant_signed_at", { withTimezone: true }),
    /** The name the participant typed to sign. */
    participantSignature: text("participant_signature"),
    staffSignedBy: uuid("staff_signed_by").references(() => users.id),
    staffSignedAt: timestamp("staff_signed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("aftercare_plans_episode_key").on(t.episodeId),
    index("aftercare_plans_participant_idx").on(t.participantId),
    check("aftercare_plans_status_check", sql`${t.status} in ('draft', 'signed')`),
    check(
      "aftercare_plans_signed_check",
      sql`${t.status} = 'draft' or (${t.participantSignedAt} is not null and ${t.staffSignedAt} is not null)`,
    ),
  ],
);

/**
 * Warm handoffs (issue 11): a referral packet (PDF and FHIR R4 bundle) sent to the next provider under
 * the participant's consent; each send is a logged disclosure (`disclosure_id`).
 */
export const aftercareHandoffs = pgTable(
  "aftercare_handoffs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => consentRecipients.id),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id),
    /** `referral_packet` (the PDF) or `fhir` (the R4 bundle). */
    channel: text("channel").notNull(),
    providerName: text("provider_name").notNull(),
    sentBy: uuid("sent_by")
      .notNull()
      .references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("aftercare_handoffs_episode_idx").on(t.episodeId, t.sentAt),
    check("aftercare_handoffs_channel_check", sql`${t.channel} in ('referral_packet', 'fhir')`),
  ],
);

/**
 * Aftercare follow-through tasks (issue 11): confirm that the first step-down appointment happened.
 * Open until a staff member records the outcome; a job raises an alert when one is overdue.
 */
export const aftercareTasks = pgTable(
  "aftercare_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    kind: text("kind").notNull().default("confirm_first_appointment"),
    /** The appointment's date: the task is due the day after. */
    appointmentOn: date("appointment_on").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").notNull().default("open"),
    /** attended, missed, rescheduled, unknown (could not reach anyone). */
    outcome: text("outcome"),
    note: text("note").notNull().default(""),
    completedBy: uuid("completed_by").references(() => users.id),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("aftercare_tasks_episode_kind_key").on(t.episodeId, t.kind),
    index("aftercare_tasks_open_idx").on(t.siteId, t.status, t.dueOn),
    check("aftercare_tasks_kind_check", sql`${t.kind} in ('confirm_first_appointment')`),
    check("aftercare_tasks_status_check", sql`${t.status} in ('open', 'done', 'cancelled')`),
    check(
      "aftercare_tasks_outcome_check",
      sql`${t.outcome} is null or ${t.outcome} in ('attended', 'missed', 'rescheduled', 'unknown')`,
    ),
  ],
);

/**
 * Alumni (issue 11): after discharge the participant keeps a lighter app. Opting out of the alumni
 * program ends alumni contact at once; opting out of follow-up surveys cancels the unsent ones.
 */
export const alumniMemberships = pgTable(
  "alumni_memberships",
  {
    participantId: uuid("participant_id")
      .primaryKey()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    /** The discharge that made them alumni (their latest). */
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    joinedOn: date("joined_on").notNull(),
    status: text("status").notNull().default("active"),
    optedOutAt: timestamp("opted_out_at", { withTimezone: true }),
    /** Where the opt-out came from: the app, an email link, or staff at the person's request. */
    optOutSource: text("opt_out_source"),
    followUpsOptedOutAt: timestamp("follow_ups_opted_out_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("alumni_memberships_site_idx").on(t.siteId, t.status),
    check("alumni_memberships_status_check", sql`${t.status} in ('active', 'opted_out', 'readmitted')`),
    check(
      "alumni_memberships_source_check",
      sql`${t.optOutSource} is null or ${t.optOutSource} in ('app', 'email_link', 'staff')`,
    ),
  ],
);

/** An alumnus's weekly check-in (issue 11): one per week (Monday), editable within the week. */
export const alumniCheckIns = pgTable(
  "alumni_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    weekOf: date("week_of").notNull(),
    /** Any alcohol or drug use since the last check-in. */
    usedSinceLast: boolean("used_since_last").notNull(),
    craving: smallint("craving").notNull(),
    mood: smallint("mood").notNull(),
    meetingsAttended: smallint("meetings_attended").notNull().default(0),
    wantsContact: boolean("wants_contact").notNull().default(false),
    note: text("note").notNull().default(""),
    idempotencyKey: uuid("idempotency_key").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("alumni_check_ins_week_key").on(t.participantId, t.weekOf),
    uniqueIndex("alumni_check_ins_idempotency_key").on(t.participantId, t.idempotencyKey),
    check("alumni_check_ins_craving_check", sql`${t.craving} between 0 and 10`),
    check("alumni_check_ins_mood_check", sql`${t.mood} between 1 and 5`),
    check("alumni_check_ins_meetings_check", sql`${t.meetingsAttended} between 0 and 99`),
  ],
);

/** Alumni events and groups the program runs (issue 11). */
export const alumniEvents = pgTable(
  "alumni_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    location: text("location").notNull().default(""),
    onlineUrl: text("online_url"),
    capacity: integer("capacity"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("alumni_events_site_idx").on(t.siteId, t.startsAt),
    check("alumni_events_kind_check", sql`${t.kind} in ('group', 'event')`),
    check("alumni_events_time_check", sql`${t.endsAt} > ${t.startsAt}`),
    check("alumni_events_capacity_check", sql`${t.capacity} is null or ${t.capacity} >= 1`),
  ],
);

export const alumniEventRsvps = pgTable(
  "alumni_event_rsvps",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => alumniEvents.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.participantId] }),
    check("alumni_event_rsvps_status_check", sql`${t.status} in ('going', 'not_going')`),
  ],
);

/**
 * Follow-up outcome surveys (issue 11) at 30, 90 and 180 days after discharge, sent by email link with
 * reminders. Only an HMAC of the link's token is stored; the link works once. Scores are stored as
 * assessment responses (PHQ-9, GAD-7) on the record; the use and life questions in `answers`.
 */
export const followUpSurveys = pgTable(
  "follow_up_surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    /** Days after discharge: 30, 90 or 180. */
    wave: smallint("wave").notNull(),
    dueOn: date("due_on").notNull(),
    /** The last day the link is accepted. */
    closesOn: date("closes_on").notNull(),
    status: text("status").notNull().default("scheduled"),
    tokenHash: text("token_hash"),
    language: text("language").notNull().default("en"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    remindersSent: smallint("reminders_sent").notNull().default(0),
    lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    answers: jsonb("answers"),
    phq9ResponseId: uuid("phq9_response_id").references(() => assessmentResponses.id),
    gad7ResponseId: uuid("gad7_response_id").references(() => assessmentResponses.id),
    /** The re-engagement findings the answers raised (core/follow-ups), for the chart. */
    findings: jsonb("findings").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Why it will not be sent or was withdrawn: opted_out, readmitted, died, no_email. */
    cancelledReason: text("cancelled_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("follow_up_surveys_episode_wave_key").on(t.episodeId, t.wave),
    uniqueIndex("follow_up_surveys_token_key").on(t.tokenHash),
    index("follow_up_surveys_due_idx").on(t.status, t.dueOn),
    index("follow_up_surveys_participant_idx").on(t.participantId),
    check("follow_up_surveys_wave_check", sql`${t.wave} in (30, 90, 180)`),
    check(
      "follow_up_surveys_status_check",
      sql`${t.status} in ('scheduled', 'sent', 'completed', 'expired', 'cancelled')`,
    ),
    check(
      "follow_up_surveys_cancelled_check",
      sql`${t.cancelledReason} is null or ${t.cancelledReason} in ('opted_out', 'readmitted', 'died', 'no_email')`,
    ),
    check("follow_up_surveys_window_check", sql`${t.closesOn} >= ${t.dueOn}`),
  ],
);

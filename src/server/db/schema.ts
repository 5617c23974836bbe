import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
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
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    check("users_kind_check", sql`${t.kind} in ('staff', 'participant', 'family')`),
    check("users_locale_check", sql`${t.locale} in ('en', 'es')`),
  ],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
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
  },
  (t) => [
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

/** Daily participant check-ins (the participant-app issue adds triggers, skills and more). */
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
  },
  (t) => [
    uniqueIndex("check_ins_participant_day_key").on(t.participantId, t.checkedInOn),
    check("check_ins_mood_check", sql`${t.mood} between 0 and 10`),
    check("check_ins_craving_check", sql`${t.craving} between 0 and 10`),
    check("check_ins_sleep_check", sql`${t.sleepHours} is null or ${t.sleepHours} between 0 and 24`),
  ],
);

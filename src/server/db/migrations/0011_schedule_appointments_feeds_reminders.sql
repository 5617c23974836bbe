CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"episode_id" uuid,
	"kind" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"room_id" uuid,
	"location" text DEFAULT '' NOT NULL,
	"telehealth" boolean DEFAULT false NOT NULL,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"series_id" uuid,
	"family_attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"attendance_status" text,
	"minutes_attended" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_kind_check" CHECK ("appointments"."kind" in ('individual', 'family')),
	CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "appointments_times_check" CHECK ("appointments"."ends_at" > "appointments"."starts_at"),
	CONSTRAINT "appointments_cancel_check" CHECK (("appointments"."status" = 'cancelled') = ("appointments"."cancel_reason" is not null)),
	CONSTRAINT "appointments_attendance_check" CHECK (("appointments"."attendance_status" is null and "appointments"."minutes_attended" is null)
        or ("appointments"."attendance_status" in ('present', 'late', 'left_early', 'absent_excused', 'absent_unexcused', 'cancelled_by_program')
            and "appointments"."minutes_attended" >= 0
            and "appointments"."minutes_attended" * interval '1 minute' <= "appointments"."ends_at" - "appointments"."starts_at"))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"staff_user_id" uuid,
	"participant_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_owner_check" CHECK (("calendar_feeds"."staff_user_id" is null) <> ("calendar_feeds"."participant_id" is null))
);
--> statement-breakpoint
CREATE TABLE "participant_unavailability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participant_unavailability_weekday_check" CHECK ("participant_unavailability"."weekday" between 1 and 7),
	CONSTRAINT "participant_unavailability_times_check" CHECK ("participant_unavailability"."end_time" > "participant_unavailability"."start_time"),
	CONSTRAINT "participant_unavailability_reason_check" CHECK ("participant_unavailability"."reason" in ('work', 'school', 'childcare', 'caregiving', 'transport', 'other'))
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_key" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"moment" text NOT NULL,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminder_deliveries_moment_check" CHECK ("reminder_deliveries"."moment" in ('day_before', 'same_day')),
	CONSTRAINT "reminder_deliveries_channel_check" CHECK ("reminder_deliveries"."channel" in ('email', 'sms'))
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_unavailability" ADD CONSTRAINT "participant_unavailability_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_unavailability" ADD CONSTRAINT "participant_unavailability_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_participant_idx" ON "appointments" USING btree ("participant_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_staff_idx" ON "appointments" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_room_idx" ON "appointments" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_site_idx" ON "appointments" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_series_idx" ON "appointments" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_open_staff_key" ON "calendar_feeds" USING btree ("staff_user_id") WHERE "calendar_feeds"."revoked_at" is null and "calendar_feeds"."staff_user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_open_participant_key" ON "calendar_feeds" USING btree ("participant_id") WHERE "calendar_feeds"."revoked_at" is null and "calendar_feeds"."participant_id" is not null;--> statement-breakpoint
CREATE INDEX "participant_unavailability_participant_idx" ON "participant_unavailability" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_once_key" ON "reminder_deliveries" USING btree ("session_key","participant_id","moment","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_site_name_key" ON "rooms" USING btree ("site_id",lower("name"));--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Booking appointments and placing participants in tracks: a new permission for the roles that do it.
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'schedule.manage'),
  ('counselor', 'schedule.manage'),
  ('intake_coordinator', 'schedule.manage'),
  ('front_desk', 'schedule.manage')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A track's room in words becomes a room at its site, so its sessions are conflict-checked.
INSERT INTO "rooms" ("site_id", "name")
SELECT DISTINCT ON (t."site_id", lower(t."location")) t."site_id", t."location"
FROM "tracks" t WHERE t."telehealth" = false AND btrim(t."location") <> '' AND t."location" !~* '^https?://'
ORDER BY t."site_id", lower(t."location"), t."location";
--> statement-breakpoint
UPDATE "tracks" t SET "room_id" = r."id" FROM "rooms" r
WHERE r."site_id" = t."site_id" AND lower(r."name") = lower(t."location") AND t."telehealth" = false;

CREATE TABLE "aftercare_handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"disclosure_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"provider_name" text NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aftercare_handoffs_channel_check" CHECK ("aftercare_handoffs"."channel" in ('referral_packet', 'fhir'))
);
--> statement-breakpoint
CREATE TABLE "aftercare_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"participant_signed_at" timestamp with time zone,
	"participant_signature" text,
	"staff_signed_by" uuid,
	"staff_signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aftercare_plans_status_check" CHECK ("aftercare_plans"."status" in ('draft', 'signed')),
	CONSTRAINT "aftercare_plans_signed_check" CHECK ("aftercare_plans"."status" = 'draft' or ("aftercare_plans"."participant_signed_at" is not null and "aftercare_plans"."staff_signed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "aftercare_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text DEFAULT 'confirm_first_appointment' NOT NULL,
	"appointment_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"note" text DEFAULT '' NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aftercare_tasks_kind_check" CHECK ("aftercare_tasks"."kind" in ('confirm_first_appointment')),
	CONSTRAINT "aftercare_tasks_status_check" CHECK ("aftercare_tasks"."status" in ('open', 'done', 'cancelled')),
	CONSTRAINT "aftercare_tasks_outcome_check" CHECK ("aftercare_tasks"."outcome" is null or "aftercare_tasks"."outcome" in ('attended', 'missed', 'rescheduled', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "alumni_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"used_since_last" boolean NOT NULL,
	"craving" smallint NOT NULL,
	"mood" smallint NOT NULL,
	"meetings_attended" smallint DEFAULT 0 NOT NULL,
	"wants_contact" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alumni_check_ins_craving_check" CHECK ("alumni_check_ins"."craving" between 0 and 10),
	CONSTRAINT "alumni_check_ins_mood_check" CHECK ("alumni_check_ins"."mood" between 1 and 5),
	CONSTRAINT "alumni_check_ins_meetings_check" CHECK ("alumni_check_ins"."meetings_attended" between 0 and 99)
);
--> statement-breakpoint
CREATE TABLE "alumni_event_rsvps" (
	"event_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"responded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alumni_event_rsvps_event_id_participant_id_pk" PRIMARY KEY("event_id","participant_id"),
	CONSTRAINT "alumni_event_rsvps_status_check" CHECK ("alumni_event_rsvps"."status" in ('going', 'not_going'))
);
--> statement-breakpoint
CREATE TABLE "alumni_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"capacity" integer,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alumni_events_kind_check" CHECK ("alumni_events"."kind" in ('group', 'event')),
	CONSTRAINT "alumni_events_time_check" CHECK ("alumni_events"."ends_at" > "alumni_events"."starts_at"),
	CONSTRAINT "alumni_events_capacity_check" CHECK ("alumni_events"."capacity" is null or "alumni_events"."capacity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "alumni_memberships" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"opted_out_at" timestamp with time zone,
	"opt_out_source" text,
	"follow_ups_opted_out_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alumni_memberships_status_check" CHECK ("alumni_memberships"."status" in ('active', 'opted_out', 'readmitted')),
	CONSTRAINT "alumni_memberships_source_check" CHECK ("alumni_memberships"."opt_out_source" is null or "alumni_memberships"."opt_out_source" in ('app', 'email_link', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "discharge_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"facts" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discharge_summaries_status_check" CHECK ("discharge_summaries"."status" in ('draft', 'signed')),
	CONSTRAINT "discharge_summaries_signed_check" CHECK (("discharge_summaries"."status" = 'signed') = ("discharge_summaries"."signed_at" is not null and "discharge_summaries"."signed_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "follow_up_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"wave" smallint NOT NULL,
	"due_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"token_hash" text,
	"language" text DEFAULT 'en' NOT NULL,
	"sent_at" timestamp with time zone,
	"reminders_sent" smallint DEFAULT 0 NOT NULL,
	"last_reminder_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"answers" jsonb,
	"phq9_response_id" uuid,
	"gad7_response_id" uuid,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancelled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_surveys_wave_check" CHECK ("follow_up_surveys"."wave" in (30, 90, 180)),
	CONSTRAINT "follow_up_surveys_status_check" CHECK ("follow_up_surveys"."status" in ('scheduled', 'sent', 'completed', 'expired', 'cancelled')),
	CONSTRAINT "follow_up_surveys_cancelled_check" CHECK ("follow_up_surveys"."cancelled_reason" is null or "follow_up_surveys"."cancelled_reason" in ('opted_out', 'readmitted', 'died', 'no_email')),
	CONSTRAINT "follow_up_surveys_window_check" CHECK ("follow_up_surveys"."closes_on" >= "follow_up_surveys"."due_on")
);
--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "previous_episode_id" uuid;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "discharge_level_of_care" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "referred_level_of_care" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "discharge_note" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "discharged_by" uuid;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "discharge_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "message_threads" ADD COLUMN "audience" text DEFAULT 'care_team' NOT NULL;--> statement-breakpoint
ALTER TABLE "aftercare_handoffs" ADD CONSTRAINT "aftercare_handoffs_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_handoffs" ADD CONSTRAINT "aftercare_handoffs_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_handoffs" ADD CONSTRAINT "aftercare_handoffs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_handoffs" ADD CONSTRAINT "aftercare_handoffs_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_handoffs" ADD CONSTRAINT "aftercare_handoffs_recipient_id_consent_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."consent_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_handoffs" ADD CONSTRAINT "aftercare_handoffs_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_handoffs" ADD CONSTRAINT "aftercare_handoffs_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_plans" ADD CONSTRAINT "aftercare_plans_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_plans" ADD CONSTRAINT "aftercare_plans_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_plans" ADD CONSTRAINT "aftercare_plans_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_plans" ADD CONSTRAINT "aftercare_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_plans" ADD CONSTRAINT "aftercare_plans_staff_signed_by_users_id_fk" FOREIGN KEY ("staff_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_tasks" ADD CONSTRAINT "aftercare_tasks_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_tasks" ADD CONSTRAINT "aftercare_tasks_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_tasks" ADD CONSTRAINT "aftercare_tasks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_tasks" ADD CONSTRAINT "aftercare_tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_check_ins" ADD CONSTRAINT "alumni_check_ins_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_check_ins" ADD CONSTRAINT "alumni_check_ins_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_event_rsvps" ADD CONSTRAINT "alumni_event_rsvps_event_id_alumni_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."alumni_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_event_rsvps" ADD CONSTRAINT "alumni_event_rsvps_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_events" ADD CONSTRAINT "alumni_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_events" ADD CONSTRAINT "alumni_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_memberships" ADD CONSTRAINT "alumni_memberships_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_memberships" ADD CONSTRAINT "alumni_memberships_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_memberships" ADD CONSTRAINT "alumni_memberships_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_summaries" ADD CONSTRAINT "discharge_summaries_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_summaries" ADD CONSTRAINT "discharge_summaries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_summaries" ADD CONSTRAINT "discharge_summaries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_summaries" ADD CONSTRAINT "discharge_summaries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_summaries" ADD CONSTRAINT "discharge_summaries_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_surveys" ADD CONSTRAINT "follow_up_surveys_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_surveys" ADD CONSTRAINT "follow_up_surveys_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_surveys" ADD CONSTRAINT "follow_up_surveys_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_surveys" ADD CONSTRAINT "follow_up_surveys_phq9_response_id_assessment_responses_id_fk" FOREIGN KEY ("phq9_response_id") REFERENCES "public"."assessment_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_surveys" ADD CONSTRAINT "follow_up_surveys_gad7_response_id_assessment_responses_id_fk" FOREIGN KEY ("gad7_response_id") REFERENCES "public"."assessment_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aftercare_handoffs_episode_idx" ON "aftercare_handoffs" USING btree ("episode_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "aftercare_plans_episode_key" ON "aftercare_plans" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "aftercare_plans_participant_idx" ON "aftercare_plans" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aftercare_tasks_episode_kind_key" ON "aftercare_tasks" USING btree ("episode_id","kind");--> statement-breakpoint
CREATE INDEX "aftercare_tasks_open_idx" ON "aftercare_tasks" USING btree ("site_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "alumni_check_ins_week_key" ON "alumni_check_ins" USING btree ("participant_id","week_of");--> statement-breakpoint
CREATE UNIQUE INDEX "alumni_check_ins_idempotency_key" ON "alumni_check_ins" USING btree ("participant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "alumni_events_site_idx" ON "alumni_events" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "alumni_memberships_site_idx" ON "alumni_memberships" USING btree ("site_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "discharge_summaries_episode_key" ON "discharge_summaries" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "discharge_summaries_participant_idx" ON "discharge_summaries" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_surveys_episode_wave_key" ON "follow_up_surveys" USING btree ("episode_id","wave");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_surveys_token_key" ON "follow_up_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "follow_up_surveys_due_idx" ON "follow_up_surveys" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "follow_up_surveys_participant_idx" ON "follow_up_surveys" USING btree ("participant_id");--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_previous_episode_id_episodes_id_fk" FOREIGN KEY ("previous_episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_discharged_by_users_id_fk" FOREIGN KEY ("discharged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_audience_check" CHECK ("message_threads"."audience" in ('care_team', 'alumni'));
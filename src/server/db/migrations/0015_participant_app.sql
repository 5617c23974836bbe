CREATE TABLE "absence_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"track_id" uuid,
	"occurrence_key" text,
	"appointment_id" uuid,
	"occurs_on" date NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "absence_requests_target_check" CHECK (("absence_requests"."track_id" is not null and "absence_requests"."occurrence_key" is not null and "absence_requests"."appointment_id" is null)
        or ("absence_requests"."track_id" is null and "absence_requests"."occurrence_key" is null and "absence_requests"."appointment_id" is not null)),
	CONSTRAINT "absence_requests_status_check" CHECK ("absence_requests"."status" in ('pending', 'approved', 'declined', 'withdrawn')),
	CONSTRAINT "absence_requests_decision_check" CHECK (("absence_requests"."status" in ('approved', 'declined')) = ("absence_requests"."decided_at" is not null and "absence_requests"."decided_by" is not null)),
	CONSTRAINT "absence_requests_reason_check" CHECK ("absence_requests"."reason" in ('illness', 'work', 'family', 'transport', 'appointment', 'other'))
);
--> statement-breakpoint
CREATE TABLE "message_reads" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_reads_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "message_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"body" text NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messages_author_kind_check" CHECK ("messages"."author_kind" in ('participant', 'staff')),
	CONSTRAINT "messages_body_check" CHECK (char_length("messages"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "personal_plan_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "personal_plan_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" uuid,
	"editor_kind" text NOT NULL,
	"changed_sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"edited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "personal_plan_versions_editor_check" CHECK ("personal_plan_versions"."editor_kind" in ('participant', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "personal_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"current_version" integer NOT NULL,
	"participant_seen_version" integer DEFAULT 0 NOT NULL,
	"staff_seen_version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_plans_kind_check" CHECK ("personal_plans"."kind" in ('recovery', 'safety')),
	CONSTRAINT "personal_plans_version_check" CHECK ("personal_plans"."current_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "practice_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"track_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"module_key" text NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid
);
--> statement-breakpoint
DROP INDEX "check_ins_participant_day_key";--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "idempotency_key" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "sleep_quality" text;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "substances" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "use_detail" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "triggers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "went_well" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "wants_to_talk" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "self_harm_thoughts" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "overdose" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "queued_offline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "sobriety_date_changes" ADD COLUMN "restart" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sobriety_date_changes" ADD COLUMN "message" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "absence_requests" ADD CONSTRAINT "absence_requests_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_requests" ADD CONSTRAINT "absence_requests_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_requests" ADD CONSTRAINT "absence_requests_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_requests" ADD CONSTRAINT "absence_requests_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_requests" ADD CONSTRAINT "absence_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_plan_versions" ADD CONSTRAINT "personal_plan_versions_plan_id_personal_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."personal_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_plan_versions" ADD CONSTRAINT "personal_plan_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_plans" ADD CONSTRAINT "personal_plans_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_completions" ADD CONSTRAINT "practice_completions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_completions" ADD CONSTRAINT "practice_completions_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_completions" ADD CONSTRAINT "practice_completions_read_by_users_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_requests_participant_idx" ON "absence_requests" USING btree ("participant_id","occurs_on");--> statement-breakpoint
CREATE INDEX "absence_requests_site_status_idx" ON "absence_requests" USING btree ("site_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "absence_requests_occurrence_key" ON "absence_requests" USING btree ("participant_id","track_id","occurrence_key") WHERE "absence_requests"."track_id" is not null and "absence_requests"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "absence_requests_appointment_key" ON "absence_requests" USING btree ("participant_id","appointment_id") WHERE "absence_requests"."appointment_id" is not null and "absence_requests"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "message_reads_user_idx" ON "message_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "message_threads_participant_idx" ON "message_threads" USING btree ("participant_id","last_message_at");--> statement-breakpoint
CREATE INDEX "message_threads_site_idx" ON "message_threads" USING btree ("site_id","last_message_at");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency_key" ON "messages" USING btree ("author_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "personal_plan_versions_key" ON "personal_plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "personal_plans_participant_kind_key" ON "personal_plans" USING btree ("participant_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_completions_key" ON "practice_completions" USING btree ("participant_id","track_id","occurrence_key");--> statement-breakpoint
CREATE INDEX "practice_completions_track_idx" ON "practice_completions" USING btree ("track_id","completed_at");--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_participant_day_idx" ON "check_ins" USING btree ("participant_id","checked_in_on");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_idempotency_key" ON "check_ins" USING btree ("participant_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_sleep_quality_check" CHECK ("check_ins"."sleep_quality" is null or "check_ins"."sleep_quality" in ('poor', 'ok', 'good'));--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_use_check" CHECK ("check_ins"."any_use" or jsonb_array_length("check_ins"."substances") = 0);--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_language_check" CHECK ("check_ins"."language" in ('en', 'es'));
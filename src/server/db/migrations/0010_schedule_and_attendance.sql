CREATE TABLE "attendance_mark_edits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mark_id" uuid NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"status" text NOT NULL,
	"minutes_attended" integer NOT NULL,
	"session_minutes" integer NOT NULL,
	"telehealth" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_marks_status_check" CHECK ("attendance_marks"."status" in ('present', 'late', 'left_early', 'absent_excused', 'absent_unexcused', 'cancelled_by_program')),
	CONSTRAINT "attendance_marks_minutes_check" CHECK ("attendance_marks"."minutes_attended" >= 0 and "attendance_marks"."minutes_attended" <= "attendance_marks"."session_minutes")
);
--> statement-breakpoint
CREATE TABLE "track_enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"joined_on" date,
	"exited_on" date,
	"exit_reason" text,
	"waitlisted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "track_enrollments_status_check" CHECK ("track_enrollments"."status" in ('enrolled', 'waitlisted', 'exited')),
	CONSTRAINT "track_enrollments_dates_check" CHECK (("track_enrollments"."status" = 'waitlisted' and "track_enrollments"."joined_on" is null and "track_enrollments"."waitlisted_at" is not null)
        or ("track_enrollments"."status" = 'enrolled' and "track_enrollments"."joined_on" is not null and "track_enrollments"."exited_on" is null)
        or ("track_enrollments"."status" = 'exited' and "track_enrollments"."exited_on" is not null and ("track_enrollments"."joined_on" is null or "track_enrollments"."exited_on" >= "track_enrollments"."joined_on")))
);
--> statement-breakpoint
CREATE TABLE "track_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"moved_on" date,
	"moved_start" text,
	"moved_end" text,
	"facilitator_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "track_exceptions_kind_check" CHECK ("track_exceptions"."kind" in ('cancelled', 'moved', 'substitute')),
	CONSTRAINT "track_exceptions_moved_check" CHECK (("track_exceptions"."kind" = 'moved') = ("track_exceptions"."moved_on" is not null and "track_exceptions"."moved_start" is not null and "track_exceptions"."moved_end" is not null))
);
--> statement-breakpoint
CREATE TABLE "track_facilitators" (
	"track_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "track_facilitators_track_id_user_id_pk" PRIMARY KEY("track_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "pattern" jsonb DEFAULT '{"slots":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "location" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "telehealth" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attendance_mark_edits" ADD CONSTRAINT "attendance_mark_edits_mark_id_attendance_marks_id_fk" FOREIGN KEY ("mark_id") REFERENCES "public"."attendance_marks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_mark_edits" ADD CONSTRAINT "attendance_mark_edits_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_enrollments" ADD CONSTRAINT "track_enrollments_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_enrollments" ADD CONSTRAINT "track_enrollments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_enrollments" ADD CONSTRAINT "track_enrollments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_enrollments" ADD CONSTRAINT "track_enrollments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_exceptions" ADD CONSTRAINT "track_exceptions_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_exceptions" ADD CONSTRAINT "track_exceptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_facilitators" ADD CONSTRAINT "track_facilitators_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_facilitators" ADD CONSTRAINT "track_facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_mark_edits_mark_idx" ON "attendance_mark_edits" USING btree ("mark_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_marks_occurrence_key" ON "attendance_marks" USING btree ("track_id","occurrence_key","participant_id");--> statement-breakpoint
CREATE INDEX "attendance_marks_participant_idx" ON "attendance_marks" USING btree ("participant_id","occurred_on");--> statement-breakpoint
CREATE INDEX "track_enrollments_track_idx" ON "track_enrollments" USING btree ("track_id","status");--> statement-breakpoint
CREATE INDEX "track_enrollments_participant_idx" ON "track_enrollments" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "track_enrollments_open_key" ON "track_enrollments" USING btree ("episode_id") WHERE "track_enrollments"."status" in ('enrolled', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "track_exceptions_occurrence_key" ON "track_exceptions" USING btree ("track_id","occurrence_key");--> statement-breakpoint
-- Every episode already placed in a track becomes its enrollment: joined at admission, exited at discharge.
INSERT INTO "track_enrollments" ("track_id", "participant_id", "episode_id", "status", "joined_on", "exited_on", "exit_reason")
SELECT e."track_id", e."participant_id", e."id",
       CASE WHEN e."discharged_on" IS NULL THEN 'enrolled' ELSE 'exited' END,
       e."admitted_on", e."discharged_on",
       CASE WHEN e."discharged_on" IS NULL THEN NULL ELSE 'discharged' END
FROM "episodes" e WHERE e."track_id" IS NOT NULL;

CREATE TABLE "clinical_note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"entry_participant_id" uuid,
	"reason" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"method" text NOT NULL,
	"content_sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinical_note_addenda_method_check" CHECK ("clinical_note_addenda"."method" in ('password', 'totp'))
);
--> statement-breakpoint
CREATE TABLE "clinical_note_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_user_id" uuid NOT NULL,
	"method" text NOT NULL,
	"content_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip_address" text,
	CONSTRAINT "clinical_note_signatures_role_check" CHECK ("clinical_note_signatures"."role" in ('author', 'supervisor')),
	CONSTRAINT "clinical_note_signatures_method_check" CHECK ("clinical_note_signatures"."method" in ('password', 'totp'))
);
--> statement-breakpoint
CREATE TABLE "clinical_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"site_id" uuid NOT NULL,
	"track_id" uuid,
	"occurrence_key" text,
	"participant_id" uuid,
	"episode_id" uuid,
	"appointment_id" uuid,
	"format" text,
	"session_date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"author_id" uuid NOT NULL,
	"cosigner_user_id" uuid,
	"content_sha256" text,
	"late_entry" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	"cosigned_at" timestamp with time zone,
	CONSTRAINT "clinical_notes_kind_check" CHECK ("clinical_notes"."kind" in ('group', 'individual', 'family')),
	CONSTRAINT "clinical_notes_subject_check" CHECK (("clinical_notes"."kind" = 'group' and "clinical_notes"."track_id" is not null and "clinical_notes"."occurrence_key" is not null
            and "clinical_notes"."participant_id" is null and "clinical_notes"."episode_id" is null and "clinical_notes"."appointment_id" is null and "clinical_notes"."format" is null)
        or ("clinical_notes"."kind" in ('individual', 'family') and "clinical_notes"."participant_id" is not null and "clinical_notes"."episode_id" is not null
            and "clinical_notes"."track_id" is null and "clinical_notes"."occurrence_key" is null and "clinical_notes"."format" in ('DAP', 'BIRP', 'SOAP'))),
	CONSTRAINT "clinical_notes_status_check" CHECK ("clinical_notes"."status" in ('draft', 'awaiting_cosign', 'signed')),
	CONSTRAINT "clinical_notes_times_check" CHECK ("clinical_notes"."ends_at" > "clinical_notes"."starts_at"),
	CONSTRAINT "clinical_notes_frozen_check" CHECK (("clinical_notes"."status" = 'draft') = ("clinical_notes"."content_sha256" is null) and ("clinical_notes"."status" = 'draft') = ("clinical_notes"."signed_at" is null)),
	CONSTRAINT "clinical_notes_cosign_check" CHECK (("clinical_notes"."status" <> 'awaiting_cosign' or ("clinical_notes"."cosigner_user_id" is not null and "clinical_notes"."cosigned_at" is null))
        and ("clinical_notes"."cosigned_at" is null or ("clinical_notes"."status" = 'signed' and "clinical_notes"."cosigner_user_id" is not null)))
);
--> statement-breakpoint
CREATE TABLE "counseling_note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"method" text NOT NULL,
	"content_sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "counseling_note_addenda_method_check" CHECK ("counseling_note_addenda"."method" in ('password', 'totp'))
);
--> statement-breakpoint
CREATE TABLE "counseling_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"appointment_id" uuid,
	"session_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"author_id" uuid NOT NULL,
	"content_sha256" text,
	"sign_method" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	CONSTRAINT "counseling_notes_status_check" CHECK ("counseling_notes"."status" in ('draft', 'signed')),
	CONSTRAINT "counseling_notes_signed_check" CHECK ((("counseling_notes"."status" = 'signed') = ("counseling_notes"."signed_at" is not null))
        and (("counseling_notes"."status" = 'signed') = ("counseling_notes"."content_sha256" is not null))
        and (("counseling_notes"."status" = 'signed') = ("counseling_notes"."sign_method" in ('password', 'totp'))))
);
--> statement-breakpoint
CREATE TABLE "group_note_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinical_note_addenda" ADD CONSTRAINT "clinical_note_addenda_note_id_clinical_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."clinical_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_note_addenda" ADD CONSTRAINT "clinical_note_addenda_entry_participant_id_participants_id_fk" FOREIGN KEY ("entry_participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_note_addenda" ADD CONSTRAINT "clinical_note_addenda_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_note_signatures" ADD CONSTRAINT "clinical_note_signatures_note_id_clinical_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."clinical_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_note_signatures" ADD CONSTRAINT "clinical_note_signatures_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_cosigner_user_id_users_id_fk" FOREIGN KEY ("cosigner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_note_addenda" ADD CONSTRAINT "counseling_note_addenda_note_id_counseling_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."counseling_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_note_addenda" ADD CONSTRAINT "counseling_note_addenda_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_notes" ADD CONSTRAINT "counseling_notes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_notes" ADD CONSTRAINT "counseling_notes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_notes" ADD CONSTRAINT "counseling_notes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_notes" ADD CONSTRAINT "counseling_notes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_notes" ADD CONSTRAINT "counseling_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_note_entries" ADD CONSTRAINT "group_note_entries_note_id_clinical_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."clinical_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_note_entries" ADD CONSTRAINT "group_note_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_note_entries" ADD CONSTRAINT "group_note_entries_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_note_entries" ADD CONSTRAINT "group_note_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinical_note_addenda_note_idx" ON "clinical_note_addenda" USING btree ("note_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clinical_note_signatures_role_key" ON "clinical_note_signatures" USING btree ("note_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "clinical_notes_group_session_key" ON "clinical_notes" USING btree ("track_id","occurrence_key") WHERE "clinical_notes"."kind" = 'group';--> statement-breakpoint
CREATE UNIQUE INDEX "clinical_notes_appointment_key" ON "clinical_notes" USING btree ("appointment_id") WHERE "clinical_notes"."appointment_id" is not null;--> statement-breakpoint
CREATE INDEX "clinical_notes_participant_idx" ON "clinical_notes" USING btree ("participant_id","session_date");--> statement-breakpoint
CREATE INDEX "clinical_notes_author_idx" ON "clinical_notes" USING btree ("author_id","status");--> statement-breakpoint
CREATE INDEX "clinical_notes_unsigned_idx" ON "clinical_notes" USING btree ("site_id","ends_at") WHERE "clinical_notes"."status" <> 'signed';--> statement-breakpoint
CREATE INDEX "clinical_notes_cosigner_idx" ON "clinical_notes" USING btree ("cosigner_user_id") WHERE "clinical_notes"."status" = 'awaiting_cosign';--> statement-breakpoint
CREATE INDEX "counseling_note_addenda_note_idx" ON "counseling_note_addenda" USING btree ("note_id","created_at");--> statement-breakpoint
CREATE INDEX "counseling_notes_participant_idx" ON "counseling_notes" USING btree ("participant_id","session_date");--> statement-breakpoint
CREATE INDEX "counseling_notes_author_idx" ON "counseling_notes" USING btree ("author_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "group_note_entries_participant_key" ON "group_note_entries" USING btree ("note_id","participant_id");--> statement-breakpoint
CREATE INDEX "group_note_entries_participant_idx" ON "group_note_entries" USING btree ("participant_id");--> statement-breakpoint
-- Co-signing supervisees' clinical notes, and reading other authors' SUD counseling notes where the
-- program's policy allows it: both for the clinical director by default.
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'notes.cosign'),
  ('clinical_director', 'counseling_notes.view')
ON CONFLICT DO NOTHING;

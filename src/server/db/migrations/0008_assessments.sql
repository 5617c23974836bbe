CREATE TABLE "assessment_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"instrument_key" text NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"response_id" uuid,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"episode_id" uuid,
	"instrument_key" text NOT NULL,
	"questionnaire_url" text NOT NULL,
	"questionnaire_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"language" text NOT NULL,
	"mode" text NOT NULL,
	"entered_by" uuid,
	"assignment_id" uuid,
	"idempotency_key" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"scored" boolean NOT NULL,
	"total" integer,
	"band" text,
	"subscales" jsonb NOT NULL,
	"flags" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	"critical" jsonb NOT NULL,
	CONSTRAINT "assessment_responses_mode_check" CHECK ("assessment_responses"."mode" in ('staff', 'self')),
	CONSTRAINT "assessment_responses_language_check" CHECK ("assessment_responses"."language" in ('en', 'es')),
	CONSTRAINT "assessment_responses_scored_check" CHECK (("assessment_responses"."scored" and jsonb_array_length("assessment_responses"."missing") = 0) or (not "assessment_responses"."scored" and "assessment_responses"."total" is null and "assessment_responses"."band" is null))
);
--> statement-breakpoint
ALTER TABLE "assessment_assignments" ADD CONSTRAINT "assessment_assignments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_assignments" ADD CONSTRAINT "assessment_assignments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_assignments" ADD CONSTRAINT "assessment_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_assignments" ADD CONSTRAINT "assessment_assignments_response_id_assessment_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."assessment_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_assignments_participant_idx" ON "assessment_assignments" USING btree ("participant_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_assignments_open_key" ON "assessment_assignments" USING btree ("participant_id","instrument_key") WHERE "assessment_assignments"."response_id" is null and "assessment_assignments"."cancelled_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_responses_idempotency_key" ON "assessment_responses" USING btree ("participant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "assessment_responses_participant_idx" ON "assessment_responses" USING btree ("participant_id","instrument_key","completed_on");--> statement-breakpoint
-- Recording completed questionnaires (src/core/access/permissions.ts): the roles that write clinical content.
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'assessments.respond'),
  ('counselor', 'assessments.respond'),
  ('prescriber', 'assessments.respond')
  ON CONFLICT DO NOTHING;

CREATE TABLE "treatment_plan_review_triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"source_id" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"satisfied_by_review_id" uuid,
	CONSTRAINT "treatment_plan_review_triggers_reason_check" CHECK ("treatment_plan_review_triggers"."reason" in ('level_of_care_change', 'critical_alert', 'discharge_planning'))
);
--> statement-breakpoint
CREATE TABLE "treatment_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reason" text NOT NULL,
	"due_on" date NOT NULL,
	"held_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"cosigner_user_id" uuid,
	"content_sha256" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	CONSTRAINT "treatment_plan_reviews_status_check" CHECK ("treatment_plan_reviews"."status" in ('draft', 'awaiting_signatures', 'signed')),
	CONSTRAINT "treatment_plan_reviews_reason_check" CHECK ("treatment_plan_reviews"."reason" in ('scheduled', 'level_of_care_change', 'critical_alert', 'discharge_planning')),
	CONSTRAINT "treatment_plan_reviews_frozen_check" CHECK (("treatment_plan_reviews"."status" = 'draft') = ("treatment_plan_reviews"."content_sha256" is null)),
	CONSTRAINT "treatment_plan_reviews_signed_check" CHECK (("treatment_plan_reviews"."status" = 'signed') = ("treatment_plan_reviews"."signed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "treatment_plan_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid,
	"review_id" uuid,
	"role" text NOT NULL,
	"signer_user_id" uuid NOT NULL,
	"method" text NOT NULL,
	"typed_name" text,
	"content_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip_address" text,
	CONSTRAINT "treatment_plan_signatures_target_check" CHECK (("treatment_plan_signatures"."version_id" is null) <> ("treatment_plan_signatures"."review_id" is null)),
	CONSTRAINT "treatment_plan_signatures_role_check" CHECK ("treatment_plan_signatures"."role" in ('clinician', 'participant', 'supervisor')),
	CONSTRAINT "treatment_plan_signatures_method_check" CHECK ("treatment_plan_signatures"."method" in ('password', 'totp', 'typed_name') and (("treatment_plan_signatures"."method" = 'typed_name') = ("treatment_plan_signatures"."typed_name" is not null)))
);
--> statement-breakpoint
CREATE TABLE "treatment_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"language" text NOT NULL,
	"starts_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"cosigner_user_id" uuid,
	"based_on_version_id" uuid,
	"content_sha256" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "treatment_plan_versions_status_check" CHECK ("treatment_plan_versions"."status" in ('draft', 'awaiting_signatures', 'signed', 'superseded')),
	CONSTRAINT "treatment_plan_versions_language_check" CHECK ("treatment_plan_versions"."language" in ('en', 'es')),
	CONSTRAINT "treatment_plan_versions_frozen_check" CHECK (("treatment_plan_versions"."status" = 'draft') = ("treatment_plan_versions"."content_sha256" is null)),
	CONSTRAINT "treatment_plan_versions_signed_check" CHECK (("treatment_plan_versions"."status" in ('signed', 'superseded')) = ("treatment_plan_versions"."signed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "treatment_plan_review_triggers" ADD CONSTRAINT "treatment_plan_review_triggers_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_review_triggers" ADD CONSTRAINT "treatment_plan_review_triggers_satisfied_by_review_id_treatment_plan_reviews_id_fk" FOREIGN KEY ("satisfied_by_review_id") REFERENCES "public"."treatment_plan_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_reviews" ADD CONSTRAINT "treatment_plan_reviews_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_reviews" ADD CONSTRAINT "treatment_plan_reviews_version_id_treatment_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."treatment_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_reviews" ADD CONSTRAINT "treatment_plan_reviews_cosigner_user_id_users_id_fk" FOREIGN KEY ("cosigner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_reviews" ADD CONSTRAINT "treatment_plan_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_reviews" ADD CONSTRAINT "treatment_plan_reviews_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_signatures" ADD CONSTRAINT "treatment_plan_signatures_version_id_treatment_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."treatment_plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_signatures" ADD CONSTRAINT "treatment_plan_signatures_review_id_treatment_plan_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."treatment_plan_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_signatures" ADD CONSTRAINT "treatment_plan_signatures_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_versions" ADD CONSTRAINT "treatment_plan_versions_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_versions" ADD CONSTRAINT "treatment_plan_versions_cosigner_user_id_users_id_fk" FOREIGN KEY ("cosigner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_versions" ADD CONSTRAINT "treatment_plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_versions" ADD CONSTRAINT "treatment_plan_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_review_triggers_source_key" ON "treatment_plan_review_triggers" USING btree ("plan_id","reason","source_id");--> statement-breakpoint
CREATE INDEX "treatment_plan_review_triggers_open_idx" ON "treatment_plan_review_triggers" USING btree ("plan_id") WHERE "treatment_plan_review_triggers"."satisfied_by_review_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_reviews_number_key" ON "treatment_plan_reviews" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_reviews_open_key" ON "treatment_plan_reviews" USING btree ("plan_id") WHERE "treatment_plan_reviews"."status" in ('draft', 'awaiting_signatures');--> statement-breakpoint
CREATE INDEX "treatment_plan_reviews_signed_idx" ON "treatment_plan_reviews" USING btree ("plan_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_signatures_version_role_key" ON "treatment_plan_signatures" USING btree ("version_id","role") WHERE "treatment_plan_signatures"."version_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_signatures_review_role_key" ON "treatment_plan_signatures" USING btree ("review_id","role") WHERE "treatment_plan_signatures"."review_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_versions_number_key" ON "treatment_plan_versions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_versions_open_key" ON "treatment_plan_versions" USING btree ("plan_id") WHERE "treatment_plan_versions"."status" in ('draft', 'awaiting_signatures');--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plan_versions_current_key" ON "treatment_plan_versions" USING btree ("plan_id") WHERE "treatment_plan_versions"."status" = 'signed';--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plans_episode_key" ON "treatment_plans" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_participant_idx" ON "treatment_plans" USING btree ("participant_id");--> statement-breakpoint
-- Co-signing treatment plans and reviews as the supervisor: a new permission for the clinical director.
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'plans.cosign')
ON CONFLICT DO NOTHING;

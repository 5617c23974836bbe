CREATE TABLE "admission_lead_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admission_lead_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"lead_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stage" text DEFAULT 'new' NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"for_whom" text DEFAULT 'self' NOT NULL,
	"person_name" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_method" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"best_time" text DEFAULT 'any' NOT NULL,
	"looking_for" text DEFAULT '' NOT NULL,
	"self_check_outcome" text,
	"referral_source" text,
	"referring_organisation" text,
	"referring_contact" text,
	"last_level_of_care" text,
	"last_discharged_on" date,
	"handoff_summary" text,
	"owner_user_id" uuid,
	"next_action" text,
	"next_action_due_on" date,
	"not_admitted_reason" text,
	"referred_to" text,
	"participant_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "admission_leads_kind_check" CHECK ("admission_leads"."kind" in ('inquiry', 'referral')),
	CONSTRAINT "admission_leads_stage_check" CHECK ("admission_leads"."stage" in ('new', 'contacted', 'screening_scheduled', 'screened', 'admitted', 'referred_elsewhere', 'not_admitted', 'lost_to_contact'))
);
--> statement-breakpoint
ALTER TABLE "admission_lead_events" ADD CONSTRAINT "admission_lead_events_lead_id_admission_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."admission_leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_lead_events" ADD CONSTRAINT "admission_lead_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_leads" ADD CONSTRAINT "admission_leads_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_leads" ADD CONSTRAINT "admission_leads_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_leads" ADD CONSTRAINT "admission_leads_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_leads" ADD CONSTRAINT "admission_leads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admission_lead_events_lead_idx" ON "admission_lead_events" USING btree ("lead_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "admission_leads_reference_key" ON "admission_leads" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "admission_leads_site_stage_idx" ON "admission_leads" USING btree ("site_id","stage");--> statement-breakpoint
-- The new permission for the admissions pipeline (src/core/access/permissions.ts).
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'admissions.manage'),
  ('intake_coordinator', 'admissions.manage')
  ON CONFLICT DO NOTHING;

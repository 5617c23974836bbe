CREATE TABLE "consent_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consent_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"relationship" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"covered_entity" boolean DEFAULT false NOT NULL,
	"intermediary_participants" text DEFAULT '' NOT NULL,
	"general_designation_treating_only" boolean DEFAULT false NOT NULL,
	"family_user_id" uuid,
	"safety_screen" text,
	"safety_screened_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "consent_recipients_kind_check" CHECK ("consent_recipients"."kind" in ('person', 'organisation', 'class', 'intermediary')),
	CONSTRAINT "consent_recipients_screen_check" CHECK ("consent_recipients"."safety_screen" is null or "consent_recipients"."safety_screen" in ('safe', 'concern'))
);
--> statement-breakpoint
CREATE TABLE "consent_restrictions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"information_scope" text[] NOT NULL,
	"recipient_text" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"requested_via" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"terminated_at" timestamp with time zone,
	"termination_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "consent_restrictions_kind_check" CHECK ("consent_restrictions"."kind" in ('health_plan_self_paid', 'category', 'recipient')),
	CONSTRAINT "consent_restrictions_status_check" CHECK ("consent_restrictions"."status" in ('requested', 'agreed', 'refused', 'terminated')),
	CONSTRAINT "consent_restrictions_self_paid_check" CHECK ("consent_restrictions"."kind" <> 'health_plan_self_paid' or "consent_restrictions"."status" in ('agreed', 'terminated'))
);
--> statement-breakpoint
CREATE TABLE "consent_revocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consent_id" uuid NOT NULL,
	"recipient_id" uuid,
	"written_statement" text NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consent_revocations_method_check" CHECK ("consent_revocations"."method" in ('participant_app', 'paper_recorded_by_staff'))
);
--> statement-breakpoint
CREATE TABLE "consent_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consent_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_name" text NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consent_signatures_role_check" CHECK ("consent_signatures"."role" in ('patient', 'parent_guardian', 'representative')),
	CONSTRAINT "consent_signatures_method_check" CHECK ("consent_signatures"."method" in ('electronic', 'paper_on_file'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"patient_name" text NOT NULL,
	"disclosers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"information_scope" text[] NOT NULL,
	"information_detail" text DEFAULT '' NOT NULL,
	"purposes" text[] NOT NULL,
	"purpose_detail" text DEFAULT '' NOT NULL,
	"expires_on" date,
	"expiry_event" text,
	"refusal_consequences" text DEFAULT '' NOT NULL,
	"revocable_after" date,
	"required_signers" text[] NOT NULL,
	"document_text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signed_at" timestamp with time zone,
	"hold_at" timestamp with time zone,
	"hold_note" text DEFAULT '' NOT NULL,
	"hold_by" uuid,
	"materially_false_at" timestamp with time zone,
	"materially_false_note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consents_kind_check" CHECK ("consents"."kind" in ('tpo', 'named_recipient', 'counseling_notes', 'research', 'legal_proceedings', 'criminal_justice')),
	CONSTRAINT "consents_status_check" CHECK ("consents"."status" in ('draft', 'signed', 'void')),
	CONSTRAINT "consents_signed_check" CHECK (("consents"."status" = 'signed') = ("consents"."signed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "disclosure_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "disclosure_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb NOT NULL,
	"information" text[] NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "disclosure_exceptions_kind_check" CHECK ("disclosure_exceptions"."kind" in ('medical_emergency', 'audit_evaluation', 'qsoa', 'child_abuse_report', 'court_order')),
	CONSTRAINT "disclosure_exceptions_status_check" CHECK ("disclosure_exceptions"."status" in ('pending_approval', 'approved', 'refused', 'recorded'))
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"consent_id" uuid,
	"recipient_id" uuid,
	"recipient_name" text NOT NULL,
	"recipient_user_id" uuid,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"information" text[] NOT NULL,
	"statement" text NOT NULL,
	"scope_summary" text DEFAULT '' NOT NULL,
	"payload_hash" text DEFAULT '' NOT NULL,
	"disclosed_by" uuid,
	"exception_id" uuid,
	"disclosed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disclosures_basis_check" CHECK ("disclosures"."basis" in ('consent', 'medical_emergency', 'audit_evaluation', 'qsoa', 'child_abuse_report', 'court_order')),
	CONSTRAINT "disclosures_channel_check" CHECK ("disclosures"."channel" in ('family_portal', 'record_release', 'fhir', 'referral_packet', 'print', 'no_consent')),
	CONSTRAINT "disclosures_statement_check" CHECK ("disclosures"."statement" in ('statement_1', 'statement_2', 'none')),
	CONSTRAINT "disclosures_consent_check" CHECK (("disclosures"."basis" = 'consent') = ("disclosures"."consent_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "family_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"stress" smallint NOT NULL,
	"wellbeing" smallint NOT NULL,
	"sleep_quality" smallint,
	"self_care" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_check_ins_stress_check" CHECK ("family_check_ins"."stress" between 0 and 10),
	CONSTRAINT "family_check_ins_wellbeing_check" CHECK ("family_check_ins"."wellbeing" between 0 and 10),
	CONSTRAINT "family_check_ins_sleep_check" CHECK ("family_check_ins"."sleep_quality" is null or "family_check_ins"."sleep_quality" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "family_module_progress" (
	"user_id" uuid NOT NULL,
	"module_key" text NOT NULL,
	"exercise_answer" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_module_progress_user_id_module_key_pk" PRIMARY KEY("user_id","module_key")
);
--> statement-breakpoint
CREATE TABLE "minor_consent_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"age_of_majority" smallint NOT NULL,
	"minor_may_consent_from" smallint,
	"parental_consent_required" boolean NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_notice_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"episode_id" uuid,
	"notice_version" text NOT NULL,
	"method" text NOT NULL,
	"delivered_by" uuid,
	"delivered_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledgement" text,
	CONSTRAINT "patient_notice_deliveries_method_check" CHECK ("patient_notice_deliveries"."method" in ('paper', 'electronic', 'email')),
	CONSTRAINT "patient_notice_deliveries_ack_check" CHECK ("patient_notice_deliveries"."acknowledgement" is null or "patient_notice_deliveries"."acknowledgement" in ('signed', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "shared_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "shared_updates_body_check" CHECK (char_length("shared_updates"."body") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_author_kind_check";--> statement-breakpoint
ALTER TABLE "family_links" ADD COLUMN "consent_recipient_id" uuid;--> statement-breakpoint
ALTER TABLE "message_threads" ADD COLUMN "family_user_id" uuid;--> statement-breakpoint
ALTER TABLE "consent_recipients" ADD CONSTRAINT "consent_recipients_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_recipients" ADD CONSTRAINT "consent_recipients_family_user_id_users_id_fk" FOREIGN KEY ("family_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_restrictions" ADD CONSTRAINT "consent_restrictions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_restrictions" ADD CONSTRAINT "consent_restrictions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_restrictions" ADD CONSTRAINT "consent_restrictions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_recipient_id_consent_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."consent_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_hold_by_users_id_fk" FOREIGN KEY ("hold_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_blocks" ADD CONSTRAINT "disclosure_blocks_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_blocks" ADD CONSTRAINT "disclosure_blocks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_exceptions" ADD CONSTRAINT "disclosure_exceptions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_exceptions" ADD CONSTRAINT "disclosure_exceptions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_exceptions" ADD CONSTRAINT "disclosure_exceptions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_exceptions" ADD CONSTRAINT "disclosure_exceptions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_recipient_id_consent_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."consent_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_disclosed_by_users_id_fk" FOREIGN KEY ("disclosed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_check_ins" ADD CONSTRAINT "family_check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_module_progress" ADD CONSTRAINT "family_module_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minor_consent_rules" ADD CONSTRAINT "minor_consent_rules_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minor_consent_rules" ADD CONSTRAINT "minor_consent_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_notice_deliveries" ADD CONSTRAINT "patient_notice_deliveries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_notice_deliveries" ADD CONSTRAINT "patient_notice_deliveries_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_notice_deliveries" ADD CONSTRAINT "patient_notice_deliveries_delivered_by_users_id_fk" FOREIGN KEY ("delivered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_updates" ADD CONSTRAINT "shared_updates_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_recipients_consent_idx" ON "consent_recipients" USING btree ("consent_id");--> statement-breakpoint
CREATE INDEX "consent_recipients_family_idx" ON "consent_recipients" USING btree ("family_user_id");--> statement-breakpoint
CREATE INDEX "consent_restrictions_participant_idx" ON "consent_restrictions" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "consent_revocations_consent_idx" ON "consent_revocations" USING btree ("consent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_signatures_role_key" ON "consent_signatures" USING btree ("consent_id","role");--> statement-breakpoint
CREATE INDEX "consents_participant_idx" ON "consents" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "disclosure_blocks_participant_idx" ON "disclosure_blocks" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "disclosure_exceptions_participant_idx" ON "disclosure_exceptions" USING btree ("participant_id","requested_at");--> statement-breakpoint
CREATE INDEX "disclosure_exceptions_site_status_idx" ON "disclosure_exceptions" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "disclosures_participant_idx" ON "disclosures" USING btree ("participant_id","disclosed_at");--> statement-breakpoint
CREATE INDEX "disclosures_consent_idx" ON "disclosures" USING btree ("consent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_check_ins_day_key" ON "family_check_ins" USING btree ("user_id","recorded_on");--> statement-breakpoint
CREATE INDEX "minor_consent_rules_site_idx" ON "minor_consent_rules" USING btree ("site_id","updated_at");--> statement-breakpoint
CREATE INDEX "patient_notice_deliveries_participant_idx" ON "patient_notice_deliveries" USING btree ("participant_id","delivered_at");--> statement-breakpoint
CREATE INDEX "shared_updates_participant_idx" ON "shared_updates" USING btree ("participant_id","created_at");--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_consent_recipient_id_consent_recipients_id_fk" FOREIGN KEY ("consent_recipient_id") REFERENCES "public"."consent_recipients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_family_user_id_users_id_fk" FOREIGN KEY ("family_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_threads_family_idx" ON "message_threads" USING btree ("family_user_id","last_message_at");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_kind_check" CHECK ("messages"."author_kind" in ('participant', 'staff', 'family'));
-- The alerts domain (src/core/alerts): severity, state (open → acknowledged → resolved with a note),
-- reason in plain words, evidence, audience, escalation. Existing rows are break-the-glass alerts;
-- they are filled in from their grant before the new columns become NOT NULL.
CREATE TABLE "alert_recipients" (
	"alert_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_for" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_recipients_alert_id_user_id_pk" PRIMARY KEY("alert_id","user_id"),
	CONSTRAINT "alert_recipients_added_for_check" CHECK ("alert_recipients"."added_for" in ('raised', 'escalated'))
);
--> statement-breakpoint
DROP INDEX "alerts_site_open_idx";--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "severity" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "state" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "evidence_kind" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "evidence_id" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "evidence_item" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "audience" text[];--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
-- Backfill: break-the-glass alerts take their participant, reason and evidence from the grant.
UPDATE "alerts" AS a SET
  "participant_id" = coalesce(a."participant_id", g."participant_id"),
  "severity" = 'warning',
  "audience" = ARRAY['clinical_director'],
  "reason" = u."display_name" || ' opened this record outside the care team. Reason given: ' || g."reason",
  "evidence_kind" = 'break_glass_grant',
  "evidence_id" = g."id"::text
FROM "break_glass_grants" AS g JOIN "users" AS u ON u."id" = g."user_id"
WHERE g."id" = a."break_glass_grant_id";--> statement-breakpoint
-- Any other row (none are written by earlier versions) gets neutral values rather than blocking the upgrade.
UPDATE "alerts" SET
  "severity" = coalesce("severity", 'warning'),
  "audience" = coalesce("audience", ARRAY['clinical_director']),
  "reason" = coalesce("reason", 'Alert recorded before alerts carried a reason.'),
  "evidence_kind" = coalesce("evidence_kind", 'participant_record'),
  "evidence_id" = coalesce("evidence_id", "participant_id"::text)
WHERE "severity" IS NULL OR "audience" IS NULL OR "reason" IS NULL OR "evidence_kind" IS NULL OR "evidence_id" IS NULL;--> statement-breakpoint
UPDATE "alerts" SET "state" = 'acknowledged' WHERE "acknowledged_at" IS NOT NULL;--> statement-breakpoint
-- An alert about nobody cannot be shown or routed; earlier versions never wrote one.
DELETE FROM "alerts" WHERE "participant_id" IS NULL;--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "participant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "severity" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "reason" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "evidence_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "evidence_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "audience" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_recipients" ADD CONSTRAINT "alert_recipients_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_recipients" ADD CONSTRAINT "alert_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_recipients_user_idx" ON "alert_recipients" USING btree ("user_id");--> statement-breakpoint
-- Existing (break-the-glass) alerts are for the active clinical directors of their site.
INSERT INTO "alert_recipients" ("alert_id", "user_id", "added_for", "added_at")
SELECT a."id", ur."user_id", 'raised', a."created_at"
FROM "alerts" AS a
JOIN "staff_sites" AS ss ON ss."site_id" = a."site_id"
JOIN "user_roles" AS ur ON ur."user_id" = ss."user_id" AND ur."role" = 'clinical_director'
JOIN "users" AS u ON u."id" = ur."user_id" AND u."disabled_at" IS NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_site_state_idx" ON "alerts" USING btree ("site_id","state","created_at");--> statement-breakpoint
CREATE INDEX "alerts_participant_state_idx" ON "alerts" USING btree ("participant_id","state");--> statement-breakpoint
CREATE INDEX "alerts_escalation_idx" ON "alerts" USING btree ("created_at") WHERE "alerts"."state" = 'open' and "alerts"."escalated_at" is null and "alerts"."severity" in ('urgent', 'emergency');--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_unresolved_finding_key" ON "alerts" USING btree ("kind","participant_id","evidence_kind","evidence_id",coalesce("evidence_item", '')) WHERE "alerts"."state" <> 'resolved';--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_severity_check" CHECK ("alerts"."severity" in ('info', 'warning', 'urgent', 'emergency'));--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_state_check" CHECK (("alerts"."state" = 'open' and "alerts"."acknowledged_at" is null and "alerts"."resolved_at" is null)
        or ("alerts"."state" = 'acknowledged' and "alerts"."acknowledged_at" is not null and "alerts"."resolved_at" is null)
        or ("alerts"."state" = 'resolved' and "alerts"."acknowledged_at" is not null and "alerts"."resolved_at" is not null and "alerts"."resolution_note" is not null));--> statement-breakpoint
-- The new permissions for the alert inbox (src/core/access/permissions.ts).
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'alerts.view'),
  ('clinical_director', 'alerts.manage'),
  ('counselor', 'alerts.view'),
  ('counselor', 'alerts.manage'),
  ('prescriber', 'alerts.view'),
  ('prescriber', 'alerts.manage')
  ON CONFLICT DO NOTHING;

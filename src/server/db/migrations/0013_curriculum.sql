CREATE TABLE "curriculum_module_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_key" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curriculum_module_versions_version_check" CHECK ("curriculum_module_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "track_occurrence_modules" (
	"track_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"module_key" text NOT NULL,
	"planned_by" uuid,
	"planned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "track_occurrence_modules_track_id_occurrence_key_pk" PRIMARY KEY("track_id","occurrence_key")
);
--> statement-breakpoint
ALTER TABLE "curriculum_module_versions" ADD CONSTRAINT "curriculum_module_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_occurrence_modules" ADD CONSTRAINT "track_occurrence_modules_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_occurrence_modules" ADD CONSTRAINT "track_occurrence_modules_planned_by_users_id_fk" FOREIGN KEY ("planned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "curriculum_module_versions_key" ON "curriculum_module_versions" USING btree ("module_key","version");
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"edition" smallint NOT NULL,
	"eligibility" text NOT NULL,
	"ratings" smallint[] NOT NULL,
	"justifications" text[] NOT NULL,
	"suggested_level" text NOT NULL,
	"suggestion_driven_by" smallint[] NOT NULL,
	"recommended_level" text NOT NULL,
	"provided_level" text NOT NULL,
	"difference_reason" text,
	"difference_note" text DEFAULT '' NOT NULL,
	"screened_by" uuid,
	"screened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screenings_edition_check" CHECK ("screenings"."edition" in (3, 4)),
	CONSTRAINT "screenings_ratings_check" CHECK (array_length("screenings"."ratings", 1) = 6 and 0 <= all("screenings"."ratings") and 4 >= all("screenings"."ratings"))
);
--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_lead_id_admission_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."admission_leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screenings_lead_idx" ON "screenings" USING btree ("lead_id","screened_at");
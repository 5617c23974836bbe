import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** What a printed plan or review says besides its content: the program, the site and its zone, and who it is for. */

export interface PlanPrintFactsRow {
  program_name: string;
  site_name: string;
  site_time_zone: string;
  given_name: string;
  family_name: string;
  preferred_name: string;
  born_on: string;
}

export async function findPlanPrintFacts(
  q: Queryable,
  planId: string,
): Promise<PlanPrintFactsRow | undefined> {
  const rows = await queryRows<PlanPrintFactsRow>(
    q,
    sql`select o.name as program_name, s.name as site_name, s.time_zone as site_time_zone,
          p.given_name, p.family_name, p.preferred_name, p.born_on::text as born_on
        from treatment_plans tp
          join participants p on p.id = tp.participant_id
          join sites s on s.id = tp.site_id
          join organisations o on o.id = s.organisation_id
        where tp.id = ${planId}`,
  );
  return rows[0];
}

import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./connection";

/**
 * Keep the query planner's statistics current. A PostgreSQL server does this by itself
 * (autovacuum); embedded PGlite runs no background workers, so without this its statistics stay as
 * they were when the tables were small and it picks plans for a clinic of ten (measured: the
 * caseload query over 130,000 participants went from 90 ms to 9 ms after one ANALYZE).
 * `vacuum` also reclaims the space of deleted rows (expired sessions, replaced rows).
 */
export async function refreshPlannerStatistics(
  database: Pick<DatabaseHandle, "db">,
  options: { vacuum: boolean },
): Promise<void> {
  await database.db.execute(options.vacuum ? sql`vacuum (analyze)` : sql`analyze`);
}

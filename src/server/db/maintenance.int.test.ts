import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenSite } from "../../../tests/support/given";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "./connection";
import { refreshPlannerStatistics } from "./maintenance";

describeEachEngine("database maintenance: planner statistics", (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it("brings the planner's row counts up to date, with and without vacuum", async () => {
    for (let i = 0; i < 30; i++) await givenSite(database.db);
    const estimate = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select reltuples::int as n from pg_class where relname = 'sites'`,
        )
      )[0]!.n;
    await refreshPlannerStatistics(database, { vacuum: false });
    expect(await estimate()).toBe(30);
    await database.db.execute(sql`delete from sites where id in (select id from sites limit 10)`);
    await refreshPlannerStatistics(database, { vacuum: true });
    expect(await estimate()).toBe(20);
  });
});

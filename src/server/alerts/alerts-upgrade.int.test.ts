import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, expect, inject, it } from "vitest";
import { withDatabase } from "../../../tests/support/database-templates";
import { describeEachEngine, testAdminUrl } from "../../../tests/support/test-database";
import { type DatabaseHandle, type Engine, openDatabase, queryRows } from "../db/connection";
import { migrate, shippedMigrations } from "../db/migrate";

/**
 * Upgrading to the alerts domain (migration 0007) keeps the break-the-glass alerts an installation
 * already has: each gets its participant, a reason from its grant, its evidence, a severity, a state
 * matching its acknowledgement, and the site's clinical directors as the people it is for.
 */

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** An empty database (no migrations applied) on the engine, dropped by `close`. */
async function openEmptyDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    return openDatabase({ command: "test", dataDir: "", databaseUrl: undefined, inMemory: true });
  }
  const templateUrl = inject("postgresTemplateUrl")!;
  // The run's prefix, so the run's teardown drops this database even if the test does not.
  const name = `${new URL(templateUrl).pathname.slice(1).replace(/_template$/, "")}_upgrade_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testAdminUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template template0`);
  await admin.end();
  const handle = await openDatabase({
    command: "test",
    dataDir: "",
    databaseUrl: withDatabase(templateUrl, name),
  });
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: testAdminUrl() });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

describeEachEngine("alerts: upgrading an installation with break-the-glass alerts", (engine) => {
  let database: DatabaseHandle | undefined;
  afterEach(async () => {
    await database?.close();
  });

  it("fills in the new alert columns from the grants and keeps acknowledgements", async () => {
    database = await openEmptyDatabase(engine);
    const db = database.db;
    const known = shippedMigrations();
    const before = known.filter((m) => m.version < "0007");
    await migrate(db, before);
    for (const statement of [
      sql`insert into organisations (id, name) values (${ID(1)}, 'Upgrade Org')`,
      sql`insert into sites (id, organisation_id, name, time_zone) values (${ID(2)}, ${ID(1)}, 'Upgrade Site', 'UTC')`,
      sql`insert into users (id, email, display_name, kind) values
            (${ID(3)}, 'casey@upgrade.example', 'Casey Counselor', 'staff'),
            (${ID(4)}, 'dana@upgrade.example', 'Dana Director', 'staff')`,
      sql`insert into user_roles (user_id, role) values (${ID(4)}, 'clinical_director')`,
      sql`insert into staff_sites (user_id, site_id) values (${ID(4)}, ${ID(2)})`,
      sql`insert into participants (id, site_id, given_name, family_name, born_on) values (${ID(5)}, ${ID(2)}, 'Pat', 'Upgrade', '1990-01-01')`,
      sql`insert into break_glass_grants (id, user_id, participant_id, reason, granted_at, expires_at) values
            (${ID(6)}, ${ID(3)}, ${ID(5)}, 'Crisis call tonight', now(), now()),
            (${ID(7)}, ${ID(3)}, ${ID(5)}, 'Covering the evening group', now(), now())`,
      // One alert written before the participant column was filled in, one already acknowledged.
      sql`insert into alerts (id, kind, site_id, participant_id, break_glass_grant_id, created_at) values
            (${ID(8)}, 'break_the_glass', ${ID(2)}, null, ${ID(6)}, now())`,
      sql`insert into alerts (id, kind, site_id, participant_id, break_glass_grant_id, created_at, acknowledged_at, acknowledged_by) values
            (${ID(9)}, 'break_the_glass', ${ID(2)}, ${ID(5)}, ${ID(7)}, now(), now(), ${ID(4)})`,
    ]) {
      await db.execute(statement);
    }

    expect(await migrate(db, known)).toEqual(known.filter((m) => m.version >= "0007").map((m) => m.version));

    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select id, participant_id, severity, state, reason, evidence_kind, evidence_id, audience
          from alerts order by id`,
    );
    expect(rows).toEqual([
      {
        id: ID(8),
        participant_id: ID(5),
        severity: "warning",
        state: "open",
        reason: "Casey Counselor opened this record outside the care team. Reason given: Crisis call tonight",
        evidence_kind: "break_glass_grant",
        evidence_id: ID(6),
        audience: ["clinical_director"],
      },
      {
        id: ID(9),
        participant_id: ID(5),
        severity: "warning",
        state: "acknowledged",
        reason:
          "Casey Counselor opened this record outside the care team. Reason given: Covering the evening group",
        evidence_kind: "break_glass_grant",
        evidence_id: ID(7),
        audience: ["clinical_director"],
      },
    ]);
    const recipients = await queryRows<{ alert_id: string; user_id: string }>(
      db,
      sql`select alert_id, user_id from alert_recipients order by alert_id`,
    );
    expect(recipients).toEqual([
      { alert_id: ID(8), user_id: ID(4) },
      { alert_id: ID(9), user_id: ID(4) },
    ]);
  });
});

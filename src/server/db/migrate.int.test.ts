import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, openDatabase, queryRows } from "./connection";
import { loadMigrations, MigrationError, migrate, migrationStatus, shippedMigrations } from "./migrate";

const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function writeMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-migrations-"));
  madeDirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describeEachEngine("migrations", (engine) => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it("leaves a migrated database current and applies nothing twice", async () => {
    expect(await migrate(database.db)).toEqual([]);
    const status = await migrationStatus(database.db);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(shippedMigrations().map((m) => m.version));
  });

  it("applies a new migration once, in one transaction, and records its checksum", async () => {
    const dir = writeMigrations({
      "9001_add_probe.sql":
        "create table probe (id int primary key);\n--> statement-breakpoint\ninsert into probe values (1);",
    });
    const known = [...shippedMigrations(), ...loadMigrations(dir)];
    expect(await migrate(database.db, known)).toEqual(["9001"]);
    expect(await migrate(database.db, known)).toEqual([]);
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from probe`);
    expect(rows[0]!.n).toBe(1);
  });

  it("rolls back every statement of a failing migration", async () => {
    const dir = writeMigrations({
      "9002_half.sql":
        "create table half_done (id int);\n--> statement-breakpoint\nselect no_such_function();",
    });
    await expect(migrate(database.db, [...shippedMigrations(), ...loadMigrations(dir)])).rejects.toThrow();
    const rows = await queryRows<{ t: string | null }>(
      database.db,
      sql`select to_regclass('public.half_done')::text as t`,
    );
    expect(rows[0]!.t).toBeNull();
  });

  it("refuses a migration that was edited after it was applied, changing nothing", async () => {
    const edited = shippedMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(database.db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(database.db, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("refuses a database migrated by a newer Bridgeway", async () => {
    const dir = writeMigrations({ "9003_future.sql": "select 1;" });
    await migrate(database.db, [...shippedMigrations(), ...loadMigrations(dir)]);
    await expect(migrate(database.db)).rejects.toThrow(
      /migrated by a newer Bridgeway \(it has schema migration 9003_future/,
    );
  });

  if (engine === "postgres") {
    it("applies migrations exactly once when two app processes start at the same moment", async () => {
      const dir = writeMigrations({
        "9004_counted.sql":
          "create table counted (id serial primary key);\n--> statement-breakpoint\ninsert into counted default values;",
      });
      const known = [...shippedMigrations(), ...loadMigrations(dir)];
      const second = await openDatabase({ command: "test", dataDir: "", databaseUrl: serverUrlOf(database) });
      try {
        const results = await Promise.all([migrate(database.db, known), migrate(second.db, known)]);
        expect(results.flat()).toEqual(["9004"]);
        const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from counted`);
        expect(rows[0]!.n).toBe(1);
      } finally {
        await second.close();
      }
    });
  }
});

function serverUrlOf(database: DatabaseHandle): string {
  const client = (database.db as unknown as { $client: { options: { connectionString: string } } }).$client;
  return client.options.connectionString;
}

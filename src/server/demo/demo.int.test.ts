import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { givenUser } from "../../../tests/support/given";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { DemoRefusedError, ensureDemoProgram, generateDemo } from "./demo.service";

const NOW = new Date("2026-11-23T15:00:00Z");

describeEachEngine("demo program", (engine) => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  const snapshot = () =>
    queryRows<{
      name: string;
      admitted_on: string;
      discharged_on: string | null;
      check_ins: number;
      mood_sum: number;
    }>(
      database.db,
      sql`select p.given_name || ' ' || p.family_name as name, e.admitted_on::text, e.discharged_on::text,
            (select count(*)::int from check_ins c where c.participant_id = p.id) as check_ins,
            (select coalesce(sum(mood), 0)::int from check_ins c where c.participant_id = p.id) as mood_sum
          from participants p join episodes e on e.participant_id = p.id
          order by e.admitted_on, name, check_ins`,
    );

  it("generates a believable small program, deterministically from the seed", async () => {
    const summary = await generateDemo(database, { seed: 7, scale: "small", now: NOW });
    expect(summary.participants).toBe(28);
    const counts = await queryRows<{
      current: number;
      past: number;
      future: number;
      outside: number;
      reasons: number;
    }>(
      database.db,
      sql`select
            (select count(*)::int from episodes where discharged_on is null) as current,
            (select count(*)::int from episodes where discharged_on is not null) as past,
            (select count(*)::int from check_ins where checked_in_on > '2026-11-23') as future,
            (select count(*)::int from check_ins c where not exists (
               select 1 from episodes e where e.participant_id = c.participant_id and c.checked_in_on >= e.admitted_on)) as outside,
            (select count(distinct discharge_reason)::int from episodes) as reasons`,
    );
    expect(counts[0]).toMatchObject({ current: 8, future: 0, outside: 0 });
    expect(counts[0]!.past).toBeGreaterThanOrEqual(20);
    expect(counts[0]!.reasons).toBeGreaterThanOrEqual(2);
    const first = await snapshot();

    await generateDemo(database, { seed: 7, scale: "small", now: NOW });
    expect(await snapshot()).toEqual(first);
  });

  it("links the demo participant account to a current participant", async () => {
    await generateDemo(database, { seed: 1, scale: "small", now: NOW });
    const rows = await queryRows<{ name: string; open: boolean }>(
      database.db,
      sql`select p.given_name || ' ' || p.family_name as name,
            exists (select 1 from episodes e where e.participant_id = p.id and e.discharged_on is null) as open
          from participants p join users u on u.id = p.user_id where u.email = 'participant@demo.bridgeway.example'`,
    );
    expect(rows).toEqual([{ name: "Casey Morgan", open: true }]);
  });

  it("is generated once at start-up and never into a database with real accounts", async () => {
    const print = () => {};
    expect(await ensureDemoProgram(database, { now: NOW, print })).toEqual({
      generated: true,
      present: true,
    });
    expect(await ensureDemoProgram(database, { now: NOW, print })).toEqual({
      generated: false,
      present: true,
    });

    const other = await openTestDatabase(engine);
    try {
      await givenUser(other.db);
      expect(await ensureDemoProgram(other, { now: NOW, print })).toEqual({
        generated: false,
        present: false,
      });
      await expect(generateDemo(other, { seed: 1, scale: "small", now: NOW })).rejects.toThrow(
        DemoRefusedError,
      );
    } finally {
      await other.close();
    }
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { isoWeekStart } from "../../src/core/attendance/weekly-hours.rules";
import { createAlertsService } from "../../src/server/alerts/alerts.service";
import { createAttendanceService } from "../../src/server/attendance/attendance.service";
import { createAttendanceAlertsService } from "../../src/server/attendance/attendance-alerts.service";
import { todayIn } from "../../src/server/attendance/week-sessions";
import { type DatabaseHandle, openDatabase, queryRows } from "../../src/server/db/connection";
import { migrate } from "../../src/server/db/migrate";
import { generateDemo } from "../../src/server/demo/demo.service";
import { findDemoSetting } from "../../src/server/demo/demo.sql";
import { type BenchCase, type TimingFigure, timeFunctions } from "../harness";

/**
 * The weekly-hours computation for one site of about 200 active participants in the large demo
 * program (4,000 current and 126,000 past participants; the adolescent site, Northgate, has about
 * 200 current ones, with attendance and individual sessions this week), through the real services
 * and storage: one participant's week as GET /participants/:id/weekly-hours computes it, the whole
 * site one participant after another, and the hourly attendance-alerts sweep of that site (its
 * first run, which raises this week's alerts, then the steady state). Rows read are the engine's own
 * count (heap rows read by sequential and index scans, pg_stat_user_tables).
 *
 * Generating the large program takes many minutes; set BENCH_LARGE_DATA_DIR to keep it between runs.
 * Times are printed, never asserted.
 */
const TARGET = 200;
const ITERATIONS = 20;

/** Heap rows read so far by sequential and index scans of the user tables. */
async function rowsRead(database: DatabaseHandle): Promise<number> {
  await database.db.execute(sql`select pg_stat_force_next_flush()`);
  const [row] = await queryRows<{ n: string }>(
    database.db,
    sql`select coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)::text as n from pg_stat_user_tables`,
  );
  return Number(row!.n);
}

async function measureRows(database: DatabaseHandle, run: () => Promise<unknown>): Promise<number> {
  const before = await rowsRead(database);
  await run();
  return (await rowsRead(database)) - before;
}

const count = (n: number) => Math.round(n).toLocaleString("en-US");

const weeklyHoursSite: BenchCase = {
  name: "weekly hours of a site (large)",
  async run() {
    const keep = process.env.BENCH_LARGE_DATA_DIR;
    const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-bench-large-"));
    const database = await openDatabase({ command: "bench", dataDir, databaseUrl: undefined });
    try {
      await migrate(database.db);
      let marker = await findDemoSetting(database.db);
      let generated = "reused";
      if (!marker?.includes('"scale":"large"')) {
        const started = performance.now();
        await generateDemo(database, { seed: 1, scale: "large", now: new Date() });
        generated = `generated in ${((performance.now() - started) / 1000).toFixed(0)} s`;
        marker = await findDemoSetting(database.db);
      }
      // The demo's "now": its attendance runs up to it, and this week's alerts were raised then.
      const now = new Date((JSON.parse(marker!) as { generatedAt: string }).generatedAt);
      const clock = () => now;

      // The site whose number of active participants is nearest 200.
      const sites = await queryRows<{ id: string; name: string; time_zone: string; active: number }>(
        database.db,
        sql`select s.id, s.name, s.time_zone, count(distinct e.participant_id)::int as active
            from sites s join tracks t on t.site_id = s.id
              join track_enrollments e on e.track_id = t.id and e.status = 'enrolled'
                and e.joined_on <= ${now.toISOString()}::timestamptz::date
            group by s.id order by abs(count(distinct e.participant_id) - ${TARGET}), s.name`,
      );
      const site = sites[0]!;
      const today = todayIn(site.time_zone, now);
      const participants = (
        await queryRows<{ participant_id: string }>(
          database.db,
          sql`select distinct e.participant_id from track_enrollments e join tracks t on t.id = e.track_id
              where t.site_id = ${site.id} and e.status = 'enrolled' and e.joined_on <= ${today}::date
              order by 1`,
        )
      ).map((r) => r.participant_id);
      const [marks] = await queryRows<{ week: number; total: number; appointments: number }>(
        database.db,
        sql`select count(*) filter (where m.occurred_on >= ${isoWeekStart(today)}::date)::int as week,
              count(*)::int as total,
              (select count(*)::int from appointments a where a.participant_id = any(${`{${participants.join(",")}}`}::uuid[])) as appointments
            from attendance_marks m where m.participant_id = any(${`{${participants.join(",")}}`}::uuid[])`,
      );

      const attendance = createAttendanceService({ db: database.db, now: clock });
      const alerts = createAlertsService({ db: database.db, now: clock, baseUrl: "http://localhost" });
      const sweep = createAttendanceAlertsService({
        db: database.db,
        now: clock,
        raiseAlert: alerts.raiseAlert,
        resolveFindings: alerts.resolveFindings,
      });

      // One pass of each, for what it finds and the rows it reads.
      const verdicts = new Map<string, number>();
      const sitePassRows = await measureRows(database, async () => {
        for (const id of participants) {
          const week = await attendance.weeklyHours(id, {});
          verdicts.set(week.verdict, (verdicts.get(week.verdict) ?? 0) + 1);
        }
      });
      // The demo leaves the large scale's attendance alerts to the hourly sweep: its first run raises
      // this week's, every later run finds nothing new (the steady state timed below).
      let first = { participants: 0, raised: 0, resolved: 0 };
      const firstStarted = performance.now();
      const firstRows = await measureRows(database, async () => {
        first = await sweep.sweep(now, { siteId: site.id });
      });
      const firstMs = performance.now() - firstStarted;
      const steadyRows = await measureRows(database, () => sweep.sweep(now, { siteId: site.id }));

      let next = 0;
      const one = await timeFunctions(
        {
          "weekly hours, one participant (the service behind GET /participants/:id/weekly-hours)": () =>
            attendance.weeklyHours(participants[next++ % participants.length]!, {}),
        },
        participants.length,
      );
      const whole = await timeFunctions(
        {
          [`weekly hours of the site's ${participants.length} participants, one after another`]: async () => {
            for (const id of participants) await attendance.weeklyHours(id, {});
          },
          [`attendance-alerts sweep of the site (${participants.length} participants, steady state)`]: () =>
            sweep.sweep(now, { siteId: site.id }),
        },
        ITERATIONS,
      );
      const firstFigure: TimingFigure = {
        kind: "timing",
        name: `attendance-alerts sweep of the site, first run (raises ${first.raised} alerts)`,
        meanMs: firstMs,
        p50Ms: firstMs,
        p99Ms: firstMs,
        samples: 1,
      };
      const figures: TimingFigure[] = [...one, ...whole, firstFigure];
      const found = [...verdicts]
        .sort()
        .map(([verdict, n]) => `${n} ${verdict}`)
        .join(", ");
      return {
        figures,
        note:
          `Weekly hours of a site: PGlite on disk with the large demo (${generated}), ${site.name} with ` +
          `${participants.length} active participants, the week of ${isoWeekStart(today)} as of ${now.toISOString()} ` +
          `(${count(marks!.week)} marks this week, ${count(marks!.total)} in all, ${count(marks!.appointments)} individual ` +
          `and family sessions). Verdicts: ${found}. Rows read: ${count(sitePassRows / participants.length)} per ` +
          `participant's week, ${count(sitePassRows)} for the site; the sweep of the site ${count(firstRows)} on ` +
          `its first run, ${count(steadyRows)} in the steady state.`,
      };
    } finally {
      await database.close();
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default weeklyHoursSite;

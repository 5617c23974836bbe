import { sql } from "drizzle-orm";
import { addDays } from "../../src/core/platform/dates";
import { expandSeries } from "../../src/core/schedule/recurrence.rules";
import type { IsoWeekday } from "../../src/core/schedule/track-pattern.schema";
import { openDatabase, queryRows } from "../../src/server/db/connection";
import { refreshPlannerStatistics } from "../../src/server/db/maintenance";
import { migrate } from "../../src/server/db/migrate";
import { attendanceMarks, trackEnrollments, tracks } from "../../src/server/db/schema";
import { givenParticipant, givenSite } from "../../tests/support/given";
import { buildBenchApp } from "../bench-app";
import { type BenchCase, type TimingFigure, timeFunctions } from "../harness";

/**
 * The hourly attendance-alerts sweep over a site of 300 active participants on three tracks, with
 * three weeks of attendance (most attend, some drift into absences): the first run, which raises the
 * alerts, and a steady-state run, which finds nothing new — the cost of every hour after.
 */
const PARTICIPANTS = 300;
const NOW = new Date("2026-03-11T16:00:00Z");
const TODAY = "2026-03-11";
const FROM = addDays(TODAY, -20);

const TRACKS = [
  { name: "Adult evening", audience: "adult", weekdays: [1, 2, 4], start: "18:00", end: "21:00" },
  { name: "Morning", audience: "adult", weekdays: [1, 2, 3, 4], start: "09:00", end: "12:00" },
  { name: "After school", audience: "adolescent", weekdays: [1, 2, 3, 4], start: "16:00", end: "18:00" },
] as const;

const sweepBench: BenchCase = {
  name: "attendance alerts sweep",
  async run() {
    const database = await openDatabase({
      command: "bench",
      dataDir: "",
      databaseUrl: undefined,
      inMemory: true,
    });
    try {
      await migrate(database.db);
      const db = database.db;
      const site = await givenSite(db);
      const trackRows = await db
        .insert(tracks)
        .values(
          TRACKS.map((t) => ({
            siteId: site.id,
            name: t.name,
            audience: t.audience,
            capacity: 200,
            timeZone: "America/New_York",
            startsOn: "2026-01-05",
            pattern: { slots: t.weekdays.map((weekday) => ({ weekday, start: t.start, end: t.end })) },
          })),
        )
        .returning({ id: tracks.id });

      let seed = 7;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const marks: (typeof attendanceMarks.$inferInsert)[] = [];
      for (let i = 0; i < PARTICIPANTS; i += 1) {
        const t = i % TRACKS.length;
        const track = TRACKS[t]!;
        const { id } = await givenParticipant(db, { siteId: site.id, admittedOn: "2026-01-20" });
        const [episode] = await queryRows<{ id: string }>(
          db,
          sql`select id from episodes where participant_id = ${id}`,
        );
        await db.insert(trackEnrollments).values({
          trackId: trackRows[t]!.id,
          participantId: id,
          episodeId: episode!.id,
          status: "enrolled",
          joinedOn: "2026-02-02",
        });
        // One in eight drifts: half their sessions missed without an excuse.
        const drifting = i % 8 === 0;
        const series = {
          timeZone: "America/New_York",
          startsOn: "2026-01-05",
          endsOn: null,
          pattern: {
            slots: track.weekdays.map((weekday) => ({
              weekday: weekday as IsoWeekday,
              start: track.start,
              end: track.end,
            })),
          },
        };
        for (const o of expandSeries(series, [], FROM, addDays(TODAY, -1))) {
          const r = next();
          const status = drifting
            ? r < 0.5
              ? "absent_unexcused"
              : "present"
            : r < 0.82
              ? "present"
              : r < 0.88
                ? "late"
                : r < 0.95
                  ? "absent_excused"
                  : "absent_unexcused";
          const minutes = o.durationMinutes!;
          marks.push({
            trackId: trackRows[t]!.id,
            occurrenceKey: o.key,
            participantId: id,
            occurredOn: o.date,
            status,
            minutesAttended: status === "present" ? minutes : status === "late" ? minutes - 20 : 0,
            sessionMinutes: minutes,
            recordedAt: NOW,
          });
        }
      }
      for (let i = 0; i < marks.length; i += 1000)
        await db.insert(attendanceMarks).values(marks.slice(i, i + 1000));
      await refreshPlannerStatistics(database, { vacuum: false });

      const app = await buildBenchApp(database);
      try {
        const started = performance.now();
        const first = await app.attendanceAlerts.sweep(NOW);
        const firstMs = performance.now() - started;
        const firstFigure: TimingFigure = {
          kind: "timing",
          name: `sweep, first run (${PARTICIPANTS} participants, raises ${first.raised} alerts)`,
          meanMs: firstMs,
          p50Ms: firstMs,
          p99Ms: firstMs,
          samples: 1,
        };
        const steady = await timeFunctions(
          {
            [`sweep, steady state (${PARTICIPANTS} participants, nothing new)`]: () =>
              app.attendanceAlerts.sweep(NOW),
          },
          20,
        );
        const kinds = await queryRows<{ kind: string; n: number }>(
          db,
          sql`select kind, count(*)::int as n from alerts group by kind order by kind`,
        );
        return {
          figures: [firstFigure, ...steady],
          note:
            `Attendance alerts sweep: ${PARTICIPANTS} participants at one site on three tracks, ${marks.length} marks over ` +
            `three weeks, embedded PGlite in memory, mid-week (${TODAY}). Alerts raised: ` +
            `${kinds.map((k) => `${k.n} ${k.kind}`).join(", ")}.`,
        };
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  },
};

export default sweepBench;

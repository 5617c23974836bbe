import { randomUUID } from "node:crypto";
import pg from "pg";
import type { CheckInInput } from "../../src/core/check-ins/check-in.schema";
import { checkInInputSchema } from "../../src/core/check-ins/check-in.schema";
import { addDays } from "../../src/core/platform/dates";
import { createAlertsService } from "../../src/server/alerts/alerts.service";
import { SYSTEM_CONTEXT } from "../../src/server/audit/audit.service";
import { createCheckInsService } from "../../src/server/check-ins/check-ins.service";
import { createCurriculumService } from "../../src/server/curriculum/curriculum.service";
import { loadShippedCurriculum } from "../../src/server/curriculum/curriculum-library";
import { type DatabaseHandle, openDatabase } from "../../src/server/db/connection";
import { migrate } from "../../src/server/db/migrate";
import type { Actor } from "../../src/server/identity/auth.service";
import { createTracksService } from "../../src/server/schedule/tracks.service";
import { DEFAULT_TEST_DATABASE_URL, withDatabase } from "../../tests/support/database-templates";
import { givenParticipant, givenSite, givenUser } from "../../tests/support/given";
import type { BenchCase, BenchResult, TimingFigure } from "../harness";

/**
 * Check-in submission (issue 9) at the large program's daily volume: 500 active participants on one
 * site, each sending the day's check-in through the check-ins service (the whole use case: the
 * idempotency look-up, the transaction with its alerts and audit event, the response from the plans
 * and the skills catalog, the streak), on embedded PGlite and on PostgreSQL (BENCH_DATABASE_URL, else
 * the test server at 127.0.0.1:5432, in a database of its own that is dropped afterwards). Every
 * eighth check-in reports use and every tenth a high craving, so alerts are raised as in a real day.
 * Figures: the latency of one submission (p50/p99 over every submission of a day) and the day's
 * throughput with 10 submissions in flight.
 */
const PARTICIPANTS = 500;
const DAYS = 3;
const IN_FLIGHT = 10;
const NOW = new Date("2026-11-23T22:00:00Z");
const TODAY = "2026-11-23";

function checkIn(i: number, day: string): CheckInInput {
  const use = i % 8 === 0;
  return checkInInputSchema.parse({
    idempotencyKey: randomUUID(),
    checkedInOn: day,
    recordedAt: `${day}T21:30:00Z`,
    mood: 3 + (i % 6),
    craving: i % 10 === 0 ? 9 : i % 5,
    anyUse: use,
    substances: use ? ["alcohol"] : [],
    triggers: i % 3 === 0 ? ["Payday"] : [],
    wentWell: i % 4 === 0 ? "Went to group" : "",
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(engine: string, database: DatabaseHandle): Promise<TimingFigure[]> {
  const db = database.db;
  await migrate(db);
  let clock = NOW;
  const now = () => clock;
  const alerts = createAlertsService({ db, now, baseUrl: "http://127.0.0.1" });
  const curriculum = createCurriculumService({
    db,
    now,
    shipped: loadShippedCurriculum(),
    tracks: createTracksService({ db, now }),
  });
  const service = createCheckInsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
    skillsCatalog: (language) => curriculum.skillsCatalog(language),
  });
  const site = await givenSite(db, "Bench check-in site");
  const counselors = await Promise.all(
    [0, 1, 2].map(() => givenUser(db, { roles: ["counselor"], siteNames: [site.name] })),
  );
  const actors: Actor[] = [];
  for (let i = 0; i < PARTICIPANTS; i += 1) {
    const { id } = await givenParticipant(db, {
      siteId: site.id,
      admittedOn: "2026-10-01",
      careTeam: [{ userId: counselors[i % 3]!.id, role: "primary_counselor" }],
    });
    // The service reads only who is asking: a participant and their own record.
    actors.push({
      user: { id: randomUUID(), kind: "participant" },
      access: { userId: "", kind: "participant", grants: {}, siteIds: [], participantId: id },
    } as unknown as Actor);
  }

  const latencies: number[] = [];
  let elapsed = 0;
  for (let d = DAYS - 1; d >= 0; d -= 1) {
    const day = addDays(TODAY, -d);
    clock = new Date(`${day}T22:00:00Z`);
    const started = performance.now();
    for (let i = 0; i < PARTICIPANTS; i += IN_FLIGHT) {
      await Promise.all(
        actors.slice(i, i + IN_FLIGHT).map(async (actor, k) => {
          const t0 = performance.now();
          await service.submit(actor, checkIn(i + k, day), SYSTEM_CONTEXT);
          latencies.push(performance.now() - t0);
        }),
      );
    }
    elapsed += performance.now() - started;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  return [
    {
      kind: "timing",
      name: `${engine}: one check-in submitted (${IN_FLIGHT} in flight; ${((latencies.length / elapsed) * 1000).toFixed(0)} check-ins/s)`,
      meanMs: mean,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      samples: latencies.length,
    },
  ];
}

const checkInsBench: BenchCase = {
  name: "check-in submission",
  async run(): Promise<BenchResult> {
    const figures: TimingFigure[] = [];
    const embedded = await openDatabase({
      command: "bench",
      dataDir: "",
      databaseUrl: undefined,
      inMemory: true,
    });
    try {
      figures.push(...(await measure("PGlite", embedded)));
    } finally {
      await embedded.close();
    }
    const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
    const name = `bridgeway_bench_checkins_${process.pid}`;
    let postgres = "PostgreSQL: not reached";
    try {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const server = await openDatabase({
        command: "bench",
        dataDir: "",
        databaseUrl: withDatabase(serverUrl, name),
      });
      try {
        figures.push(...(await measure("PostgreSQL", server)));
        postgres = "PostgreSQL: a database of its own, dropped afterwards";
      } finally {
        await server.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      }
    } catch (error) {
      postgres = `PostgreSQL: skipped (${error instanceof Error ? error.message : String(error)})`;
    }
    return {
      figures,
      note:
        `Check-ins: ${PARTICIPANTS} active participants, ${DAYS} days of one check-in each through the service ` +
        `(every 8th with use, every 10th with a high craving: alerts raised), ${IN_FLIGHT} in flight. ` +
        `PGlite in memory; ${postgres}.`,
    };
  },
};
export default checkInsBench;

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../../src/server/db/connection";
import { refreshPlannerStatistics } from "../../src/server/db/maintenance";
import { migrate } from "../../src/server/db/migrate";
import { generateDemo } from "../../src/server/demo/demo.service";
import { findDemoSetting, findUserIdByEmail } from "../../src/server/demo/demo.sql";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { buildBenchApp, signInForBench } from "../bench-app";
import { type BenchCase, type HttpFigure, loadHttp } from "../harness";

/**
 * The caseload with key scores, for a counselor with 40 participants, in the large demo program
 * (4,000 current and 126,000 past participants over five years): GET /api/v1/participants with
 * the latest scores, reliable-change status and flags of each row, as the caseload page asks.
 *
 * Generating the large program takes minutes; set BENCH_LARGE_DATA_DIR to keep it between runs.
 */
const COUNSELOR = "counselor@demo.bridgeway.example";
const CASELOAD = 40;

const caseloadScores: BenchCase = {
  name: "caseload with key scores (large)",
  async run(options) {
    const keep = process.env.BENCH_LARGE_DATA_DIR;
    const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-bench-large-"));
    const database = await openDatabase({ command: "bench", dataDir, databaseUrl: undefined });
    try {
      await migrate(database.db);
      const marker = await findDemoSetting(database.db);
      let generated = "reused";
      if (!marker?.includes('"scale":"large"')) {
        const started = performance.now();
        await generateDemo(database, { seed: 1, scale: "large", now: new Date() });
        generated = `generated in ${((performance.now() - started) / 1000).toFixed(0)} s`;
      }
      const counselorId = await findUserIdByEmail(database.db, COUNSELOR);
      if (!counselorId) throw new Error(`${COUNSELOR} is missing from the demo`);
      // The demo counselor carries hundreds of participants at this scale: keep 40 current ones.
      await database.db.execute(sql`
        with kept as (
          select c.participant_id from care_team_members c
          join episodes e on e.participant_id = c.participant_id and e.discharged_on is null
          where c.user_id = ${counselorId}
          order by c.participant_id limit ${CASELOAD}
        )
        delete from care_team_members
        where user_id = ${counselorId} and participant_id not in (select participant_id from kept)`);
      // What the nightly maintenance job does on the embedded engine (no autovacuum there).
      await refreshPlannerStatistics(database, { vacuum: true });
      const [counts] = await queryRows<{ participants: number; responses: number; caseload: number }>(
        database.db,
        sql`select (select count(*)::int from participants) as participants,
                   (select count(*)::int from assessment_responses) as responses,
                   (select count(*)::int from care_team_members where user_id = ${counselorId}) as caseload`,
      );

      const app = await buildBenchApp(database);
      const figures: HttpFigure[] = [];
      try {
        const address = await app.listen({ port: 0, host: "127.0.0.1" });
        const cookie = await signInForBench(address, COUNSELOR, DEMO_PASSWORD);
        const url = `${address}/api/v1/participants?status=current&pageSize=${CASELOAD}`;
        const probe = await fetch(url, { headers: { cookie } });
        const body = (await probe.json()) as { participants: { clinical: { measures: unknown[] } | null }[] };
        if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}`);
        const withScores = body.participants.filter((p) => (p.clinical?.measures.length ?? 0) > 0).length;
        const name = `GET /api/v1/participants (caseload of ${body.participants.length}, ${withScores} with key scores)`;
        // One counselor opening the page (the latency they see), then the clinic's load.
        figures.push(
          await loadHttp(`${name}, 1 connection`, url, { ...options, connections: 1 }, { cookie }),
        );
        figures.push(await loadHttp(name, url, options, { cookie }));
      } finally {
        await app.close();
      }
      return {
        figures,
        note:
          `Caseload: PGlite on disk with the large demo (${generated}; ${counts?.participants.toLocaleString("en-US")} participants, ` +
          `${counts?.responses.toLocaleString("en-US")} questionnaire responses), ${COUNSELOR} with ${counts?.caseload} participants`,
      };
    } finally {
      await database.close();
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default caseloadScores;

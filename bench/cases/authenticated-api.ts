import { type DatabaseHandle, openDatabase } from "../../src/server/db/connection";
import { migrate } from "../../src/server/db/migrate";
import { generateDemo } from "../../src/server/demo/demo.service";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { buildBenchApp, signInForBench } from "../bench-app";
import { type BenchCase, type BenchOptions, type HttpFigure, loadHttp } from "../harness";

/**
 * Real Bridgeway endpoints behind a real session cookie: the app from buildApp on an in-memory,
 * migrated PGlite holding the clinic-scale demo program, with the clinical director (2 sites) signed in.
 */
const SIGNED_IN = "director@demo.bridgeway.example";

const ENDPOINTS = [
  ["GET /api/v1/sessions/current (session + user + grants)", "/api/v1/sessions/current"],
  ["GET /api/v1/overview (census of 2 sites)", "/api/v1/overview"],
  ["GET /api/v1/participants (scoped page of 25, audited)", "/api/v1/participants?status=current"],
  ["GET /api/v1/participants/:id (guard + record, audit event appended)", "/api/v1/participants/:id"],
] as const;

const authenticatedApi: BenchCase = {
  name: "authenticated API",
  async run(options) {
    const database = await openDatabase({
      command: "bench",
      dataDir: "",
      databaseUrl: undefined,
      inMemory: true,
    });
    try {
      await migrate(database.db);
      const demo = await generateDemo(database, { seed: 1, scale: "clinic", now: new Date() });
      return {
        figures: await loadEndpoints(database, options),
        note:
          `Bridgeway: in-memory PGlite with the clinic demo (${demo.participants} participants, ` +
          `${demo.checkIns.toLocaleString("en-US")} check-ins), signed in as ${SIGNED_IN}`,
      };
    } finally {
      await database.close();
    }
  },
};

async function loadEndpoints(database: DatabaseHandle, options: BenchOptions): Promise<HttpFigure[]> {
  const app = await buildBenchApp(database);
  try {
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const cookie = await signInForBench(address, SIGNED_IN, DEMO_PASSWORD);
    const list = await fetch(`${address}/api/v1/participants?pageSize=1`, { headers: { cookie } });
    const participantId = ((await list.json()) as { participants: { id: string }[] }).participants[0]!.id;
    const figures: HttpFigure[] = [];
    for (const [name, template] of ENDPOINTS) {
      const path = template.replace(":id", participantId);
      const probe = await fetch(`${address}${path}`, { headers: { cookie } });
      if (probe.status !== 200) throw new Error(`${path} answered ${probe.status}: ${await probe.text()}`);
      figures.push(await loadHttp(name, `${address}${path}`, options, { cookie }));
    }
    return figures;
  } finally {
    await app.close();
  }
}

export default authenticatedApi;

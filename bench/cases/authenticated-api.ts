import { buildApp } from "../../src/server/app";
import { openDatabase } from "../../src/server/db/connection";
import { migrate } from "../../src/server/db/migrate";
import { generateDemo } from "../../src/server/demo/demo.service";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { type BenchCase, httpFigure, load } from "../harness";

/**
 * Real Bridgeway endpoints behind a real session cookie, on embedded PGlite holding the clinic-scale
 * demo: the session lookup (`/sessions/current`) and the staff overview (`/overview`).
 */
export const authenticatedApi: BenchCase = {
  name: "authenticated API",
  async run(options) {
    const database = await openDatabase({
      command: "bench",
      dataDir: "",
      databaseUrl: undefined,
      inMemory: true,
    });
    await migrate(database.db);
    await generateDemo(database, { seed: 1, scale: "clinic", now: new Date() });
    const app = await buildApp({
      config: {
        baseUrl: "http://127.0.0.1",
        logLevel: "silent",
        trustProxy: false,
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
      },
      database,
      version: "bench",
      webDir: undefined,
      logger: false,
    });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const signIn = await fetch(`${address}/api/v1/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bridgeway-request": "1" },
        body: JSON.stringify({ email: "director@demo.bridgeway.example", password: DEMO_PASSWORD }),
      });
      if (signIn.status !== 200) throw new Error(`bench sign-in failed: ${signIn.status}`);
      const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
      return [
        httpFigure(
          "GET /api/v1/sessions/current (session + user)",
          await load(`${address}/api/v1/sessions/current`, options, { cookie }),
        ),
        httpFigure(
          "GET /api/v1/overview (census, 2 sites)",
          await load(`${address}/api/v1/overview`, options, { cookie }),
        ),
      ];
    } finally {
      await app.close();
      await database.close();
    }
  },
};

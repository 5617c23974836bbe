import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { Config } from "./config";
import { type DatabaseHandle, openDatabase } from "./db/connection";
import { migrate } from "./db/migrate";
import { ensureDemoProgram } from "./demo/demo.service";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo/demo-accounts";

/**
 * The only file that listens: parse config (done by the caller) → open db → migrate → demo on
 * first start → buildApp(deps) → listen. Failures become one readable line (StartupError).
 */

export class StartupError extends Error {
  override name = "StartupError";
}

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  /** The database holds the generated demo program. */
  demoPresent: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  version: string;
  webDir: string | undefined;
  /** Where start-up messages go (the terminal). */
  print: (line: string) => void;
}

export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const database = await openDatabase({
    command: "start",
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
  });
  let app: FastifyInstance | undefined;
  let demoPresent = false;
  try {
    const applied = await migrate(database.db);
    if (applied.length > 0) options.print(`Database schema updated (${applied.join(", ")}).`);
    if (config.demo) {
      const demo = await ensureDemoProgram(database, {
        now: new Date(),
        print: options.print,
        disabledInstruments: config.disabledInstruments,
      });
      if (demo.generated) options.print("Demo program generated (all people in it are fictional).");
      demoPresent = demo.present;
    }
    app = await buildApp({
      config,
      database,
      version: options.version,
      webDir: options.webDir,
      jobs: { alertSweepMinutes: config.alertSweepMinutes },
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") {
        throw new StartupError(
          `Port ${config.port} is already in use on ${config.host}. Stop the other program or set PORT.`,
        );
      }
      if (code === "EACCES")
        throw new StartupError(`Not allowed to listen on port ${config.port}. Use a port above 1024.`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
        throw new StartupError(`HOST ${config.host} is not an address of this machine.`);
      }
      throw error;
    }
  } catch (error) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.port === 0 ? config.baseUrl.replace(/:\d+$/, `:${port}`) : config.baseUrl;
  let closing: Promise<void> | undefined;
  const running: RunningServer = {
    app,
    database,
    url,
    demoPresent,
    close() {
      closing ??= (async () => {
        await app.close();
        await database.close();
      })();
      return closing;
    },
  };
  options.print(`Bridgeway is running at ${url} (${database.description}).`);
  return running;
}

/** Lines for the terminal listing the demo sign-in accounts. */
export function describeDemoAccounts(): string[] {
  return [
    `Demo sign-in accounts (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(38)} ${a.roles[0] ?? a.kind}`),
  ];
}

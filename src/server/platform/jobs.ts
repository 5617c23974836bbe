import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../db/connection";

/**
 * Background jobs: pg-boss keeps its queue in the same database as the data (schema `pgboss`), so any
 * process may run a job and a cron schedule fires once across all of them. In embedded mode it shares
 * the PGlite instance through a small adapter (PGlite runs one statement at a time and never inside
 * another caller's transaction); in server mode it shares the connection pool. See
 * docs/decisions/0006-background-jobs-with-pg-boss.md.
 */

type Handler = () => Promise<unknown>;

/** pg-boss's database interface over whichever engine the app opened. */
export function jobDatabase(database: DatabaseHandle): PgBoss.Db {
  const { pglite, pool } = database;
  if (pglite) {
    return {
      async executeSql(text, values) {
        if (values && values.length > 0) return pglite.query(text, values);
        // Without parameters pg-boss may send several statements at once (its own schema upgrades).
        const results = await pglite.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
    };
  }
  if (!pool) throw new Error("The job queue needs the embedded database or a PostgreSQL pool.");
  return { executeSql: (text, values) => pool.query(text, values) };
}

export function createJobs(options: { database: DatabaseHandle; log: FastifyBaseLogger }) {
  const { log } = options;
  const boss = new PgBoss({ db: jobDatabase(options.database), schedule: true, supervise: true });
  boss.on("error", (error) => log.error({ err: { message: error.message } }, "job queue error"));
  const recurring: { name: string; cron: string; handler: Handler }[] = [];
  let starting: Promise<void> | undefined;
  let started = false;

  async function startAll(): Promise<void> {
    await boss.start();
    started = true;
    for (const job of recurring) {
      await boss.createQueue(job.name, { name: job.name, policy: "singleton" });
      await boss.work(job.name, async () => {
        await job.handler();
      });
      await boss.schedule(job.name, job.cron, undefined, { tz: "UTC" });
    }
  }

  return {
    /** Run `handler` on a cron schedule (minute resolution), once per tick across all processes. */
    every(name: string, cron: string, handler: Handler): void {
      recurring.push({ name, cron, handler });
    },
    /** Start in the background; a failure is logged and the app keeps serving. */
    start(): Promise<void> {
      starting ??= startAll().catch((error: Error) => {
        log.error({ err: { message: error.message } }, "job queue did not start; background jobs are paused");
      });
      return starting;
    },
    async stop(): Promise<void> {
      if (!starting) return;
      await starting;
      if (!started) return;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
export type Jobs = ReturnType<typeof createJobs>;

/** Cron for "every n minutes" (1–60). */
export function everyMinutes(n: number): string {
  return n >= 60 ? "0 * * * *" : n <= 1 ? "* * * * *" : `*/${n} * * * *`;
}

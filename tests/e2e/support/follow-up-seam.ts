import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../../../src/server/app";
import { openDatabase, queryRows } from "../../../src/server/db/connection";

/**
 * The one place a browser journey reaches past the browser: 30 days cannot pass during a test, and
 * the server has no clock to move. The journey's server runs on a data directory the journey keeps
 * (its DATA_DIR overrides startBridgeway's throwaway one). While that server is stopped, the test
 * process opens the same embedded database, moves one survey's dates as if its 30 days had passed,
 * and runs the follow-up job's own sweep (`app.followUps.sweep`, as integration tests do) on the
 * real clock; the restarted server's mail sender then emails it like any other.
 */

/** A data directory the journey keeps across server restarts: a copy of the run's demo template. */
export function keptDataDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-e2e-kept-"));
  const template = process.env.E2E_DATA_TEMPLATE;
  if (template) fs.cpSync(template, dir, { recursive: true });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * With the server stopped: the participant's scheduled 30-day survey becomes due two days ago (its
 * window keeps its length), and the follow-up sweep runs. Returns what the sweep reported.
 */
export async function makeThirtyDayFollowUpDue(
  dataDir: string,
  participantId: string,
): Promise<{ moved: number; sent: number }> {
  const database = await openDatabase({ command: "e2e", dataDir, databaseUrl: undefined });
  try {
    const moved = await queryRows<{ id: string }>(
      database.db,
      sql`
      update follow_up_surveys
         set closes_on = closes_on - (due_on - (current_date - 2)), due_on = current_date - 2
       where participant_id = ${participantId} and wave = 30 and status = 'scheduled'
       returning id`,
    );
    const app = await buildApp({
      config: {
        baseUrl: "http://127.0.0.1",
        logLevel: "silent",
        trustProxy: false,
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        staffSessionIdleMinutes: 15,
        demo: false,
        smtpUrl: undefined,
        mailFrom: "Bridgeway <no-reply@localhost>",
      },
      database,
      version: "0.0.0-e2e",
      webDir: undefined,
      logger: false,
    });
    try {
      const report = await app.followUps.sweep();
      return { moved: moved.length, sent: report.sent };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../src/core/platform/http";
import { openDatabase, queryRows } from "../../src/server/db/connection";
import { refreshPlannerStatistics } from "../../src/server/db/maintenance";
import { migrate } from "../../src/server/db/migrate";
import { appSettings } from "../../src/server/db/schema";
import { generateDemo } from "../../src/server/demo/demo.service";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { buildBenchApp } from "../bench-app";
import { type BenchCase, timeFunctions } from "../harness";

/**
 * Clinical notes over the clinic-scale demo (a year of group and session notes): the group-note
 * screen of a busy session and its cloned-entry check, the chart's notes of the participant with the
 * most notes, the site-wide notes worklist of a clinical director, and the hourly unsigned-note
 * alert sweep.
 */
const DIRECTOR = "director@demo.bridgeway.example";
const ITERATIONS = 20;

async function getOk(app: FastifyInstance, url: string, cookie: string): Promise<void> {
  const response = await app.inject({ method: "GET", url, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}`);
}

const clinicalNotesBench: BenchCase = {
  name: "clinical notes",
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
      const started = performance.now();
      await generateDemo(database, { seed: 1, scale: "clinic", now: new Date() });
      const generatedSeconds = (performance.now() - started) / 1000;
      // The director signs in with a password alone (no authenticator in a bench).
      await db
        .insert(appSettings)
        .values({ name: "staff_mfa_required", value: "false" })
        .onConflictDoUpdate({ target: appSettings.name, set: { value: "false" } });
      await refreshPlannerStatistics(database, { vacuum: false });

      // The most recent signed group note among those with the most entries.
      const [groupNote] = await queryRows<{
        id: string;
        track_id: string;
        occurrence_key: string;
        entries: number;
      }>(
        db,
        sql`select n.id, n.track_id, n.occurrence_key, count(g.id)::int as entries
            from clinical_notes n join group_note_entries g on g.note_id = n.id
            where n.kind = 'group' and n.status = 'signed'
            group by n.id
            order by entries desc, n.starts_at desc
            limit 1`,
      );
      if (!groupNote) throw new Error("the demo wrote no signed group note with entries");
      // The participant whose chart lists the most notes (their session notes and group entries).
      const [participant] = await queryRows<{ participant_id: string; notes: number }>(
        db,
        sql`select participant_id, count(*)::int as notes from (
              select n.participant_id from clinical_notes n
              where n.kind in ('individual', 'family') and n.status in ('signed', 'awaiting_cosign')
              union all
              select g.participant_id from group_note_entries g join clinical_notes n on n.id = g.note_id
              where n.status in ('signed', 'awaiting_cosign')
            ) chart
            group by participant_id
            order by notes desc, participant_id
            limit 1`,
      );
      if (!participant) throw new Error("the demo wrote no chart notes");
      const [counts] = await queryRows<{
        notes: number;
        group_notes: number;
        entries: number;
        unsigned: number;
      }>(
        db,
        sql`select (select count(*)::int from clinical_notes) as notes,
                   (select count(*)::int from clinical_notes where kind = 'group') as group_notes,
                   (select count(*)::int from group_note_entries) as entries,
                   (select count(*)::int from clinical_notes where status <> 'signed') as unsigned`,
      );

      const app = await buildBenchApp(database);
      try {
        const signIn = await app.inject({
          method: "POST",
          url: "/api/v1/sessions",
          headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
          payload: { email: DIRECTOR, password: DEMO_PASSWORD },
        });
        if (signIn.statusCode !== 200) throw new Error(`director sign-in answered ${signIn.statusCode}`);
        const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");

        const screenUrl = `/api/v1/tracks/${groupNote.track_id}/occurrences/${encodeURIComponent(groupNote.occurrence_key)}/group-note`;
        const clonedUrl = `/api/v1/group-notes/${groupNote.id}/cloned-entries`;
        const chartUrl = `/api/v1/participants/${participant.participant_id}/notes?page=1&pageSize=25`;
        const worklistUrl = "/api/v1/notes/worklist?scope=site";
        // The first sweep (a warm-up call) raises the alerts; the timed ones find them already raised.
        let firstSweep: { raised: number; resolved: number } | undefined;

        const figures = await timeFunctions(
          {
            [`GET group-note screen (${groupNote.entries} entries)`]: () => getOk(app, screenUrl, cookie),
            [`GET cloned-entry check (${groupNote.entries} entries)`]: () => getOk(app, clonedUrl, cookie),
            [`GET chart notes, first page of 25 (${participant.notes} notes)`]: () =>
              getOk(app, chartUrl, cookie),
            "GET notes worklist, scope=site (clinical director)": () => getOk(app, worklistUrl, cookie),
            "unsigned-note alert sweep": async () => {
              const result = await app.noteAlerts.sweepNoteAlerts();
              firstSweep ??= result;
            },
          },
          ITERATIONS,
        );
        const [alerts] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from alerts where kind = 'clinical_note_unsigned' and state <> 'resolved'`,
        );
        return {
          figures,
          note:
            `Clinical notes: embedded PGlite in memory with the clinic-scale demo (generated in ${generatedSeconds.toFixed(0)} s; ` +
            `${counts?.notes.toLocaleString("en-US")} notes, ${counts?.group_notes.toLocaleString("en-US")} of them group notes ` +
            `with ${counts?.entries.toLocaleString("en-US")} entries, ${counts?.unsigned} unsigned). ` +
            `Group note ${groupNote.id}: ${groupNote.entries} entries. Chart: ${participant.notes} notes of one participant. ` +
            `Requests by ${DIRECTOR}, ${ITERATIONS} calls each. Open unsigned-note alerts after the sweeps: ${alerts?.n ?? 0} ` +
            `(the first sweep raised ${firstSweep?.raised ?? 0}, resolved ${firstSweep?.resolved ?? 0}).`,
        };
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  },
};

export default clinicalNotesBench;

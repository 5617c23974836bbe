import { DEMO_TRACKS } from "../../core/demo/demo-plan";
import { expandDemoSessions } from "../../core/demo/demo-sessions";
import { modulesForTrack, planSessionModules } from "../../core/demo/module-plan";
import { addDays } from "../../core/platform/dates";
import { loadShippedCurriculum } from "../curriculum/curriculum-library";
import type { Queryable } from "../db/connection";
import { trackOccurrenceModules } from "../db/schema";
import { insertRows } from "./demo.sql";
import { type ProgramRows, trackId } from "./demo-rows";

/** Sessions are planned with a module from four weeks back to two weeks ahead. */
const WEEKS_BACK = 4;
const WEEKS_AHEAD = 2;

/**
 * The demo's group sessions planned with the shipped curriculum: each track teaches the modules that
 * suit it in turn, planned by one of its facilitators a few days before the session. Returns the
 * number of sessions planned.
 */
export async function writeSessionModules(
  q: Queryable,
  options: { today: string; now: Date },
  program: ProgramRows,
): Promise<number> {
  const library = loadShippedCurriculum().list();
  const from = addDays(options.today, -7 * WEEKS_BACK);
  const to = addDays(options.today, 7 * WEEKS_AHEAD);
  const rows: (typeof trackOccurrenceModules.$inferInsert)[] = [];
  DEMO_TRACKS.forEach((track, i) => {
    const id = trackId(i);
    const facilitator = program.trackFacilitators.find((f) => f.trackId === id)?.userId ?? null;
    const modules = modulesForTrack(
      library.map((m) => ({ key: m.key, category: m.category, suits: m.suits })),
      track.audience,
      track.name.includes("dual-diagnosis"),
    );
    const sessions = expandDemoSessions(i, options.today, from, to);
    for (const { session, moduleKey } of planSessionModules(sessions, modules, i * 5)) {
      const plannedMs = Math.min(Date.parse(`${addDays(session.date, -3)}T15:00:00Z`), options.now.getTime());
      rows.push({
        trackId: id,
        occurrenceKey: session.key,
        moduleKey,
        plannedBy: facilitator,
        plannedAt: new Date(plannedMs),
      });
    }
  });
  await insertRows(q, trackOccurrenceModules, rows);
  return rows.length;
}

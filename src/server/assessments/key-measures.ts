import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { deriveKeyMeasureKeys, deriveKeyMeasures } from "../../core/assessments/key-measures.rules";
import type { ProgressResponse } from "../../core/assessments/measure-progress.rules";
import type { KeyMeasure } from "../../core/assessments/progress.schema";
import { parametersFor } from "../../core/assessments/reliable-change-settings.schema";
import type { Queryable } from "../db/connection";
import { alerts, assessmentResponses } from "../db/schema";
import type { InstrumentCatalog } from "./instrument-catalog";
import { readMeasurementSchedule } from "./measurement-schedule.repo";
import { readReliableChangeSettings } from "./reliable-change.repo";

export interface CaseloadClinical {
  measures: KeyMeasure[];
  /** Urgent or emergency alerts not yet resolved. */
  openUrgentAlerts: number;
}

/**
 * Key scores and flags for a page of the caseload, in three queries whatever the page size: the
 * program's settings, the scored responses of the key measures in each participant's latest episode,
 * and the unresolved urgent alerts. The caller decides whose clinical content the actor may see.
 */
export function createCaseloadClinicalReader(catalog: InstrumentCatalog) {
  const hasTotal = (key: string) => catalog.get(key)?.definition.totalRange != null;

  return async function readCaseloadClinical(
    q: Queryable,
    participants: readonly { id: string; episodeId: string | null }[],
  ): Promise<Map<string, CaseloadClinical>> {
    const result = new Map<string, CaseloadClinical>(
      participants.map((p) => [p.id, { measures: [], openUrgentAlerts: 0 }]),
    );
    if (participants.length === 0) return result;
    const [schedule, settings] = await Promise.all([
      readMeasurementSchedule(q, [...catalog.keys()]),
      readReliableChangeSettings(q),
    ]);
    const keys = deriveKeyMeasureKeys(schedule.entries, hasTotal);
    const episodeIds = participants.flatMap((p) => (p.episodeId ? [p.episodeId] : []));
    const ids = participants.map((p) => p.id);

    const [rows, urgent] = await Promise.all([
      keys.length === 0 || episodeIds.length === 0
        ? Promise.resolve([])
        : q
            .select({
              id: assessmentResponses.id,
              participantId: assessmentResponses.participantId,
              instrumentKey: assessmentResponses.instrumentKey,
              completedOn: assessmentResponses.completedOn,
              submittedAt: assessmentResponses.submittedAt,
              total: assessmentResponses.total,
              band: assessmentResponses.band,
              subscales: assessmentResponses.subscales,
            })
            .from(assessmentResponses)
            .where(
              and(
                // By participant first: the index the chart uses (participant, instrument, date).
                inArray(assessmentResponses.participantId, ids),
                inArray(assessmentResponses.episodeId, episodeIds),
                inArray(assessmentResponses.instrumentKey, keys),
                eq(assessmentResponses.scored, true),
              ),
            ),
      q
        .select({ participantId: alerts.participantId, n: sql<number>`count(*)::int` })
        .from(alerts)
        .where(
          and(
            inArray(alerts.participantId, ids),
            ne(alerts.state, "resolved"),
            inArray(alerts.severity, ["urgent", "emergency"]),
          ),
        )
        .groupBy(alerts.participantId),
    ]);

    const byParticipant = new Map<string, ProgressResponse[]>();
    for (const row of rows) {
      const list = byParticipant.get(row.participantId) ?? [];
      list.push({
        id: row.id,
        instrumentKey: row.instrumentKey,
        completedOn: row.completedOn,
        submittedAt: row.submittedAt.toISOString(),
        scored: true,
        total: row.total,
        band: row.band,
        subscales: row.subscales,
        flags: [],
        critical: false,
      });
      byParticipant.set(row.participantId, list);
    }
    const resolve = (key: string) => parametersFor(settings, key);
    for (const [id, entry] of result) {
      entry.measures = deriveKeyMeasures(keys, byParticipant.get(id) ?? [], resolve, settings.offTrack);
    }
    for (const u of urgent) {
      const entry = u.participantId ? result.get(u.participantId) : undefined;
      if (entry) entry.openUrgentAlerts = u.n;
    }
    return result;
  };
}
export type ReadCaseloadClinical = ReturnType<typeof createCaseloadClinicalReader>;

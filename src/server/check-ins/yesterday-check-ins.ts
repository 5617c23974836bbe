import { deriveYesterdayCheckIn } from "../../core/check-ins/check-in.rules";
import type { YesterdayCheckIn } from "../../core/check-ins/check-in-api.schema";
import type { Queryable } from "../db/connection";
import { readCheckInSettings } from "./check-in-settings.repo";
import { listYesterdayAnswers } from "./check-ins.sql";

/**
 * Yesterday's check-in state of each of a page of participants (the caseload list's column), on
 * their site's calendar. The caller passes only the participants whose clinical record the viewer
 * may read.
 */
export async function readYesterdayCheckIns(
  q: Queryable,
  participantIds: readonly string[],
  at: Date,
): Promise<Map<string, YesterdayCheckIn>> {
  if (participantIds.length === 0) return new Map();
  const [settings, rows] = await Promise.all([
    readCheckInSettings(q),
    listYesterdayAnswers(q, participantIds, at),
  ]);
  const byParticipant = new Map<string, { anyUse: boolean; craving: number }[]>();
  for (const row of rows) {
    const list = byParticipant.get(row.participant_id) ?? [];
    list.push({ anyUse: row.any_use, craving: row.craving });
    byParticipant.set(row.participant_id, list);
  }
  return new Map(
    participantIds.map((id) => [id, deriveYesterdayCheckIn(byParticipant.get(id) ?? [], settings)]),
  );
}

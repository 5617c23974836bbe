import { isCheckInMissing } from "../../core/check-ins/check-in.rules";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { readCheckInSettings } from "./check-in-settings.repo";
import { listActiveParticipants, listOpenMissingAlerts } from "./check-ins.sql";

const KIND = "check_in_missing" as const;

/**
 * Missing check-ins, from an hourly sweep: an active participant (an open episode) with no check-in
 * for the program's `missingDays` days on their site's calendar gets one info alert for their primary
 * counselor — at most one open at a time (its evidence is the participant's record). A check-in
 * resolves it at once (in the check-in's transaction); the sweep resolves those of participants no
 * longer active or no longer missing (e.g. a check-in queued offline for an earlier day).
 */
export function createCheckInAlertsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, raiseAlert, resolveFindings } = deps;
  return {
    async sweepMissingCheckIns(at: Date = now()): Promise<{ raised: number; resolved: number }> {
      const settings = await readCheckInSettings(db);
      const active = await listActiveParticipants(db);
      const open = new Set(await listOpenMissingAlerts(db));
      const missing = new Set<string>();
      let raised = 0;
      let resolved = 0;
      for (const p of active) {
        const today = localDateIn(at, p.time_zone);
        if (!isCheckInMissing(p.last_check_in_on, p.admitted_on, today, settings)) continue;
        missing.add(p.participant_id);
        if (open.has(p.participant_id)) continue;
        const since = p.last_check_in_on
          ? `since ${p.last_check_in_on}`
          : `since admission on ${p.admitted_on}`;
        await db.transaction(async (tx) => {
          const result = await raiseAlert(
            tx,
            {
              kind: KIND,
              severity: "info",
              participantId: p.participant_id,
              reason: `No check-in ${since} (the program looks after ${settings.missingDays} days without one).`,
              evidence: { kind: "participant_record", id: p.participant_id },
              context: SYSTEM_CONTEXT,
            },
            at,
          );
          if (result.raised) raised += 1;
        });
      }
      for (const participantId of open) {
        if (missing.has(participantId)) continue;
        await db.transaction(async (tx) => {
          resolved += await resolveFindings(
            tx,
            {
              kind: KIND,
              participantId,
              evidenceId: participantId,
              note: "No longer applies: a check-in arrived, or the episode ended.",
              userId: null,
              context: SYSTEM_CONTEXT,
            },
            at,
          );
        });
      }
      return { raised, resolved };
    },
  };
}
export type CheckInAlertsService = ReturnType<typeof createCheckInAlertsService>;

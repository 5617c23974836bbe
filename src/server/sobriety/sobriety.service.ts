import { DomainError } from "../../core/platform/errors";
import {
  checkRestart,
  computeDaysInRecovery,
  daysCountedBeforeRestart,
} from "../../core/sobriety/sobriety.rules";
import type { MySobriety, SobrietyRestartInput } from "../../core/sobriety/sobriety.schema";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import * as participantsStore from "../participants/participants.sql";
import * as store from "./sobriety.sql";

/**
 * The days-in-recovery counter in the participant's own area: read it with its history, and restart
 * it after a lapse. A restart keeps the old count in the history (never erased) with the person's
 * own words; the care team sees it on the chart's sobriety-date history.
 */
export function createSobrietyService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function read(participantId: string, at: Date): Promise<MySobriety> {
    const counter = await store.findCounter(db, participantId);
    if (!counter) throw new DomainError("NOT_FOUND", "No such participant.");
    const today = localDateIn(at, counter.time_zone);
    const changes = await store.listChanges(db, participantId);
    return {
      sobrietyOn: counter.sobriety_on,
      daysInRecovery: computeDaysInRecovery(counter.sobriety_on, today),
      today,
      history: changes.map((c) => ({
        kind: c.restart ? "restart" : "change",
        from: c.from_on,
        to: c.to_on,
        daysCounted: c.restart ? daysCountedBeforeRestart(c.from_on, c.to_on) : null,
        message: c.message,
        changedAt: c.changed_at,
        by: c.changed_by === null ? null : c.changed_by === counter.user_id ? "self" : "care_team",
      })),
    };
  }

  return {
    /** GET /me/sobriety: the counter (in the site's zone) and its history, newest first. Audited. */
    async mySobriety(actor: Actor, context: AuditContext): Promise<MySobriety> {
      const participantId = ownParticipantId(actor, "a recovery counter");
      const at = now();
      const view = await read(participantId, at);
      await recordAudit(
        db,
        context,
        {
          action: "sobriety.view",
          resourceType: "participant",
          resourceId: participantId,
          participantId,
          purpose: "self",
        },
        at,
      );
      return view;
    },

    /** POST /me/sobriety/restart: start counting again from `restartOn`; the old count stays in the history. */
    async restart(actor: Actor, input: SobrietyRestartInput, context: AuditContext): Promise<MySobriety> {
      const participantId = ownParticipantId(actor, "a recovery counter");
      const at = now();
      await db.transaction(async (tx) => {
        const counter = await store.findCounter(tx, participantId);
        if (!counter) throw new DomainError("NOT_FOUND", "No such participant.");
        const problems = checkRestart({
          restartOn: input.restartOn,
          currentOn: counter.sobriety_on,
          bornOn: counter.born_on,
          today: localDateIn(at, counter.time_zone),
        });
        if (problems.length > 0) {
          throw new DomainError("SOBRIETY_RESTART_INVALID", problems[0]!.message, problems);
        }
        await participantsStore.setSobrietyDate(
          tx,
          participantId,
          counter.sobriety_on,
          input.restartOn,
          actor.user.id,
          at,
          { message: input.message },
        );
        await appendAudit(
          tx,
          context,
          {
            action: "sobriety.restart",
            resourceType: "participant",
            resourceId: participantId,
            participantId,
            purpose: "self",
          },
          at,
        );
      });
      return read(participantId, at);
    },
  };
}
export type SobrietyService = ReturnType<typeof createSobrietyService>;

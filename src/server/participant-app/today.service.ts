import { pickNextSession, videoLinkNow } from "../../core/participant-app/today.rules";
import type { Today } from "../../core/participant-app/today.schema";
import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { computeDaysInRecovery } from "../../core/sobriety/sobriety.rules";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import { readSessions } from "../schedule/calendar-sessions";
import * as store from "./today.sql";

/** How far ahead Today looks for the next session. */
const LOOK_AHEAD_DAYS = 14;

/** The participant's Today: the next session, days in recovery, the on-call line. */
export function createTodayService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    /** GET /me/today. Audited once (purpose self). */
    async today(actor: Actor, context: AuditContext): Promise<Today> {
      const participantId = ownParticipantId(actor, "a Today page");
      const participant = await store.findTodayParticipant(db, participantId);
      if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
      const at = now();
      const today = localDateIn(at, participant.time_zone);
      const sessions = await readSessions(
        db,
        { kind: "participant", participantId },
        { from: today, to: addDays(today, LOOK_AHEAD_DAYS), includeCancelled: false },
        null,
      );
      const next = pickNextSession(sessions, at);
      await recordAudit(
        db,
        context,
        {
          action: "participant_app.today_view",
          resourceType: "participant",
          resourceId: participantId,
          participantId,
          purpose: "self",
        },
        at,
      );
      return {
        today,
        timeZone: participant.time_zone,
        nextSession: next
          ? {
              id: next.id,
              kind: next.kind,
              trackName: next.group?.trackName ?? null,
              date: next.date,
              start: next.start,
              end: next.end,
              timeZone: next.timeZone,
              startsAt: next.startsAt!,
              place: next.telehealth ? null : (next.room?.name ?? next.place ?? null),
              telehealth: next.telehealth,
              videoLink: videoLinkNow(next, at),
            }
          : null,
        daysInRecovery: computeDaysInRecovery(participant.sobriety_on, today),
        sobrietyOn: participant.sobriety_on,
        onCall:
          participant.on_call_phone === ""
            ? null
            : { site: participant.site_name, phone: participant.on_call_phone },
      };
    },
  };
}
export type TodayService = ReturnType<typeof createTodayService>;

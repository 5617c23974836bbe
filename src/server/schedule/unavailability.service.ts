import { can } from "../../core/access/access.rules";
import { DomainError } from "../../core/platform/errors";
import {
  MAX_UNAVAILABILITY_WINDOWS,
  type Unavailability,
  type UnavailabilityInput,
  type UnavailabilityReason,
} from "../../core/schedule/unavailability.schema";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import * as store from "./unavailability.sql";

function toWindow(row: store.UnavailabilityRow): Unavailability {
  return {
    id: row.id,
    weekday: row.weekday,
    start: row.start_time,
    end: row.end_time,
    reason: row.reason as UnavailabilityReason,
    note: row.note,
    createdAt: row.created_at,
  };
}

/**
 * A participant's declared unavailability. Reading needs schedule.view on the participant (the
 * route's guard); changing it needs schedule.manage, or being the participant: people declare their
 * own work shifts and school hours.
 */
export function createUnavailabilityService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /** Staff with schedule.manage on the participant, or the participant themselves; a refusal is audited. */
  async function assertMayChange(
    actor: Actor,
    access: ParticipantAccess,
    action: string,
    context: AuditContext,
  ) {
    const self = actor.user.kind === "participant" && actor.access.participantId === access.participantId;
    const decision = self ? null : can(actor.access, "schedule.manage", access.facts, now());
    if (self || decision?.allowed) return;
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "participant_unavailability",
        resourceId: access.participantId,
        participantId: access.participantId,
        purpose: access.purpose,
        outcome: "denied",
        details: decision && !decision.allowed ? { reason: decision.reason } : null,
      },
      now(),
    );
    throw new DomainError("AUTH_FORBIDDEN", "You may see these times but not change them.");
  }

  return {
    async list(participantId: string): Promise<{ windows: Unavailability[] }> {
      return { windows: (await store.listOfParticipant(db, participantId)).map(toWindow) };
    },

    async add(
      actor: Actor,
      access: ParticipantAccess,
      input: UnavailabilityInput,
      context: AuditContext,
    ): Promise<Unavailability> {
      const action = "schedule.unavailability_add";
      await assertMayChange(actor, access, action, context);
      const { participantId } = access;
      const at = now();
      const id = await db.transaction(async (tx) => {
        await store.lockOfParticipant(tx, participantId);
        if ((await store.countOfParticipant(tx, participantId)) >= MAX_UNAVAILABILITY_WINDOWS) {
          throw new DomainError(
            "VALIDATION_FAILED",
            `Declare at most ${MAX_UNAVAILABILITY_WINDOWS} times a week: remove one first.`,
            "weekday",
          );
        }
        const windowId = await store.insert(tx, {
          participantId,
          weekday: input.weekday,
          startTime: input.start,
          endTime: input.end,
          reason: input.reason,
          note: input.note,
          createdBy: actor.user.id,
          createdAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "participant_unavailability",
            resourceId: windowId,
            participantId,
            purpose: access.purpose,
            details: { weekday: input.weekday, start: input.start, end: input.end, reason: input.reason },
          },
          at,
        );
        return windowId;
      });
      const rows = await store.listOfParticipant(db, participantId);
      return toWindow(rows.find((r) => r.id === id)!);
    },

    async remove(actor: Actor, access: ParticipantAccess, id: string, context: AuditContext): Promise<void> {
      const action = "schedule.unavailability_remove";
      await assertMayChange(actor, access, action, context);
      const at = now();
      await db.transaction(async (tx) => {
        const removed = await store.remove(tx, access.participantId, id);
        if (!removed) throw new DomainError("NOT_FOUND", "No such time for this participant.");
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "participant_unavailability",
            resourceId: id,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { weekday: removed.weekday, reason: removed.reason },
          },
          at,
        );
      });
    },
  };
}
export type UnavailabilityService = ReturnType<typeof createUnavailabilityService>;

import { DomainError } from "../../core/platform/errors";
import type { SharedUpdate } from "../../core/sharing/sharing.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as store from "./sharing.sql";
import { auditedNotFound, mine } from "./sharing-acting";

/**
 * The participant's shared updates (issue 10): short notes they write for the people who may see the
 * progress they choose to share. Only the participant writes, deletes or restores them; every change is
 * audited. They are listed on the participant's sharing page (see the sharing service).
 */
export function createSharedUpdatesService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  return {
    /** POST /me/sharing/updates: a short update for the people who may see shared progress. */
    async addUpdate(actor: Actor, body: string, context: AuditContext): Promise<SharedUpdate> {
      const acting = mine(actor, context);
      const at = now();
      const id = await db.transaction(async (tx) => {
        const updateId = await store.insertSharedUpdate(tx, {
          participantId: acting.participantId,
          body,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "shared_update.create",
            resourceType: "shared_update",
            resourceId: updateId,
            participantId: acting.participantId,
            purpose: "self",
          },
          at,
        );
        return updateId;
      });
      return { id, body, createdAt: at.toISOString() };
    },

    /** DELETE /me/sharing/updates/:id (removed) and POST …/restore (undo). */
    async setUpdateRemoved(
      actor: Actor,
      updateId: string,
      removed: boolean,
      context: AuditContext,
    ): Promise<void> {
      const acting = mine(actor, context);
      return auditedNotFound(deps, acting, "shared_update.remove", async () => {
        const at = now();
        await db.transaction(async (tx) => {
          if (!(await store.setSharedUpdateRemoved(tx, acting.participantId, updateId, removed ? at : null)))
            throw new DomainError("NOT_FOUND", "No such update.");
          await appendAudit(
            tx,
            context,
            {
              action: removed ? "shared_update.remove" : "shared_update.restore",
              resourceType: "shared_update",
              resourceId: updateId,
              participantId: acting.participantId,
              purpose: "self",
            },
            at,
          );
        });
      });
    },
  };
}

export type SharedUpdatesService = ReturnType<typeof createSharedUpdatesService>;

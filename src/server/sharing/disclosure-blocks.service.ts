import { DomainError } from "../../core/platform/errors";
import { findBlockedMatch } from "../../core/sharing/sharing.rules";
import type { BlockedPerson, BlockInput } from "../../core/sharing/sharing.schema";
import type { RaiseAlert } from "../alerts/alerts.service";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { Mailer } from "../platform/mail";
import type { ParticipantAccess } from "../platform/route-access";
import * as store from "./sharing.sql";
import { type Acting, auditedNotFound, mine, staff } from "./sharing-acting";
import { blockView } from "./sharing-reads";

/**
 * Refuse to share with a person on the participant's do-not-disclose list; the refusal and its alert are
 * kept (their own transaction). Used by the sharing use cases before anything is signed or sent.
 */
export async function refuseIfBlocked(
  deps: { db: Database; raiseAlert: RaiseAlert; mailer: Pick<Mailer, "kick"> },
  acting: Acting,
  person: { name: string; email: string },
  at: Date,
) {
  const { db, raiseAlert, mailer } = deps;
  const match = findBlockedMatch(await store.listBlocks(db, acting.participantId), person);
  if (!match) return;
  await db.transaction(async (tx) => {
    await raiseAlert(
      tx,
      {
        kind: "blocked_person_invited",
        severity: "warning",
        participantId: acting.participantId,
        reason: `${acting.by === "participant" ? "The participant" : "A staff member"} tried to share with someone on the participant's do-not-disclose list (matched by ${match.by}). Nothing was sent.`,
        evidence: { kind: "participant_record", id: acting.participantId },
        context: acting.context,
      },
      at,
    );
    await appendAudit(
      tx,
      acting.context,
      {
        action: "sharing.blocked",
        resourceType: "disclosure_block",
        resourceId: match.block.id,
        participantId: acting.participantId,
        purpose: acting.purpose,
        outcome: "denied",
        details: { matchedBy: match.by },
      },
      at,
    );
  });
  mailer.kick();
  throw new DomainError("FAMILY_RECIPIENT_BLOCKED", undefined, match.by === "email" ? "email" : "name");
}

/**
 * The participant's do-not-disclose list (issue 10): people never to share with or contact. The
 * participant keeps it on their sharing page, staff on the chart's Family tab; sharing with a person
 * on it is refused (refuseIfBlocked above). Every change is audited.
 */
export function createDisclosureBlocksService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function addBlock(acting: Acting, input: BlockInput): Promise<BlockedPerson> {
    const at = now();
    const id = await db.transaction(async (tx) => {
      const blockId = await store.insertBlock(tx, {
        participantId: acting.participantId,
        name: input.name,
        email: input.email,
        note: input.note,
        createdBy: acting.userId,
        at,
      });
      await appendAudit(
        tx,
        acting.context,
        {
          action: "sharing.block_add",
          resourceType: "disclosure_block",
          resourceId: blockId,
          participantId: acting.participantId,
          purpose: acting.purpose,
        },
        at,
      );
      return blockId;
    });
    const row = (await store.listBlocks(db, acting.participantId)).find((b) => b.id === id)!;
    return blockView(row);
  }

  async function removeBlock(acting: Acting, blockId: string): Promise<void> {
    const at = now();
    await db.transaction(async (tx) => {
      if (!(await store.markBlockRemoved(tx, acting.participantId, blockId, at)))
        throw new DomainError("NOT_FOUND", "No such entry on the do-not-disclose list.");
      await appendAudit(
        tx,
        acting.context,
        {
          action: "sharing.block_remove",
          resourceType: "disclosure_block",
          resourceId: blockId,
          participantId: acting.participantId,
          purpose: acting.purpose,
        },
        at,
      );
    });
  }

  return {
    /** POST /me/sharing/blocks */
    async myAddBlock(actor: Actor, input: BlockInput, context: AuditContext): Promise<BlockedPerson> {
      return addBlock(mine(actor, context), input);
    },

    /** DELETE /me/sharing/blocks/:blockId */
    async myRemoveBlock(actor: Actor, blockId: string, context: AuditContext): Promise<void> {
      const acting = mine(actor, context);
      return auditedNotFound(deps, acting, "sharing.block_remove", () => removeBlock(acting, blockId));
    },

    /** POST /participants/:id/family/blocks */
    async staffAddBlock(
      actor: Actor,
      access: ParticipantAccess,
      input: BlockInput,
      context: AuditContext,
    ): Promise<BlockedPerson> {
      return addBlock(staff(actor, access, context), input);
    },

    /** DELETE /participants/:id/family/blocks/:blockId */
    async staffRemoveBlock(
      actor: Actor,
      access: ParticipantAccess,
      blockId: string,
      context: AuditContext,
    ): Promise<void> {
      const acting = staff(actor, access, context);
      return auditedNotFound(deps, acting, "sharing.block_remove", () => removeBlock(acting, blockId));
    },
  };
}

export type DisclosureBlocksService = ReturnType<typeof createDisclosureBlocksService>;

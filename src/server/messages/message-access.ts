import type { Permission } from "../../core/access/permissions";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import type { InboxQuery } from "../../core/messages/messages.schema";
import { DomainError } from "../../core/platform/errors";
import type { AuditContext } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { authorizeOnParticipant } from "../treatment-plans/plan-access";
import * as store from "./messages.sql";

/**
 * Who reaches which conversation: a participant only their own (another's answers "not found"); staff
 * through the conversation's participant by the one policy (a refusal audited); the inbox's reach.
 */

export const THREAD_RESOURCE = { type: "message_thread", notFound: "No such conversation." };

export function ownParticipantId(actor: Actor): string {
  const id = actor.user.kind === "participant" ? actor.access.participantId : null;
  if (!id) throw new DomainError("AUTH_FORBIDDEN", "Only a participant has messages of their own here.");
  return id;
}

export function assertStaff(actor: Actor): void {
  if (actor.user.kind !== "staff") {
    throw new DomainError("AUTH_FORBIDDEN", "Your messages are in your own area, under Messages.");
  }
}

/**
 * The participant's own thread, else "not found": another person's thread, and a family thread about
 * the participant (between a family member and the care team), are never confirmed.
 */
export async function ownThread(db: Database, actor: Actor, threadId: string): Promise<store.ThreadRow> {
  const participantId = ownParticipantId(actor);
  const thread = await store.findThread(db, threadId);
  if (!thread || thread.participantId !== participantId || thread.familyUserId !== null) {
    throw new DomainError("NOT_FOUND", THREAD_RESOURCE.notFound);
  }
  return thread;
}

/** A thread a staff member may act on with `permission`, and the purpose it is audited under. */
export async function staffThread(
  db: Database,
  now: () => Date,
  actor: Actor,
  threadId: string,
  permission: Permission,
  action: string,
  context: AuditContext,
): Promise<{ thread: store.ThreadRow; purpose: AuditPurpose }> {
  assertStaff(actor);
  const thread = await store.findThread(db, threadId);
  if (!thread) throw new DomainError("NOT_FOUND", THREAD_RESOURCE.notFound);
  const purpose = await authorizeOnParticipant(
    db,
    actor,
    thread.participantId,
    permission,
    { action, context },
    now(),
    THREAD_RESOURCE,
  );
  return { thread, purpose };
}

/** The staff member's inbox reach: their care team (and threads they wrote in, for site-wide readers), or the site. */
export function staffScope(actor: Actor, scope: InboxQuery["scope"]): store.ThreadScope {
  const grant = actor.access.grants["clinical.view"];
  if (!grant) throw new DomainError("AUTH_FORBIDDEN");
  if (scope === "site" && grant !== "site") {
    throw new DomainError(
      "AUTH_FORBIDDEN",
      "Only staff who read every record of their sites see the whole site's messages.",
      "scope",
    );
  }
  return {
    kind: "staff",
    siteIds: actor.access.siteIds,
    careTeamOf: scope === "site" ? null : actor.user.id,
    orWrittenBy: grant === "site",
  };
}

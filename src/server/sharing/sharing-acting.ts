import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError, isDomainError } from "../../core/platform/errors";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import type { ParticipantAccess } from "../platform/route-access";

/** Who is acting and how their audit events read. */
export interface Acting {
  participantId: string;
  userId: string;
  purpose: AuditPurpose;
  context: AuditContext;
  by: "participant" | "staff";
}

/** The signed-in participant, acting on their own sharing list. */
export function mine(actor: Actor, context: AuditContext): Acting {
  return {
    participantId: ownParticipantId(actor, "a sharing list"),
    userId: actor.user.id,
    purpose: "self",
    context,
    by: "participant",
  };
}

/** A staff member, acting on a participant's sharing list through the chart. */
export function staff(actor: Actor, access: ParticipantAccess, context: AuditContext): Acting {
  if (actor.user.kind !== "staff") throw new DomainError("AUTH_FORBIDDEN");
  return {
    participantId: access.participantId,
    userId: actor.user.id,
    purpose: access.purpose,
    context,
    by: "staff",
  };
}

/** A refusal for something that is not the participant's (another's id, a made-up one) leaves a denied audit event. */
export async function auditedNotFound<T>(
  deps: { db: Database; now: () => Date },
  acting: Acting,
  action: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND")
      await recordAudit(
        deps.db,
        acting.context,
        {
          action,
          resourceType: "consent",
          participantId: acting.participantId,
          purpose: acting.purpose,
          outcome: "denied",
          details: { reason: "not_found" },
        },
        deps.now(),
      );
    throw error;
  }
}

import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";

/**
 * How a document the participant and their care team write together (a recovery or safety plan, the
 * aftercare plan) is reached: by the participant in their own area, or by staff from the chart (the
 * route guard has already decided the chart access and its purpose).
 */
export type CoWrittenAccess =
  | { via: "self" }
  | { via: "chart"; participantId: string; purpose: AuditPurpose };

export interface CoWrittenReader {
  participantId: string;
  side: "participant" | "staff";
  purpose: AuditPurpose;
}

/**
 * Who reads, on which side. Staff on a participant's own route, or a participant on the chart's,
 * are refused: the refusal is audited as denied and answered as forbidden with the words given.
 */
export async function coWrittenReaderFor(
  deps: { db: Database; now: () => Date },
  request: { actor: Actor; access: CoWrittenAccess; action: string; context: AuditContext },
  refusal: { resourceType: string; staffOnOwnRoute: string; participantOnChart: string },
): Promise<CoWrittenReader> {
  const { actor, access, action, context } = request;
  if (access.via === "self") {
    const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
    if (participantId) return { participantId, side: "participant", purpose: "self" };
    await recordAudit(
      deps.db,
      context,
      {
        action,
        resourceType: refusal.resourceType,
        purpose: actor.user.kind === "staff" ? "treatment" : "self",
        outcome: "denied",
        details: { reason: "not_participant" },
      },
      deps.now(),
    );
    throw new DomainError("AUTH_FORBIDDEN", refusal.staffOnOwnRoute);
  }
  if (actor.user.kind === "staff") {
    return { participantId: access.participantId, side: "staff", purpose: access.purpose };
  }
  await recordAudit(
    deps.db,
    context,
    {
      action,
      resourceType: refusal.resourceType,
      participantId: access.participantId,
      purpose: "self",
      outcome: "denied",
      details: { reason: "staff_only" },
    },
    deps.now(),
  );
  throw new DomainError("AUTH_FORBIDDEN", refusal.participantOnChart);
}

import { DomainError } from "../../core/platform/errors";
import type { Actor } from "../identity/auth.service";

/** The signed-in participant's own record id; anyone else is refused (staff work from the chart). */
export function ownParticipantId(actor: Actor, what: string): string {
  const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
  if (!participantId) throw new DomainError("AUTH_FORBIDDEN", `Only a participant has ${what} here.`);
  return participantId;
}

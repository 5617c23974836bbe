import type { UserKind } from "../../../core/identity/identity.schema";
import type { CurrentSession } from "../../../core/identity/session.schema";

/** Each kind of user has its own area. */
export function homePathFor(kind: UserKind): string {
  return kind === "staff" ? "/staff" : kind === "participant" ? "/me" : "/family";
}

/** Where a session that still owes an MFA step must go first (then on to `next`); null when it is active. */
export function pendingStepPath(session: CurrentSession, next: string): string | null {
  const query = `?next=${encodeURIComponent(next)}`;
  if (session.stage === "mfa_required") return `/sign-in${query}`;
  if (session.stage === "mfa_enrolment_required") return `/mfa-setup${query}`;
  return null;
}

/** The account page inside each kind of user's area. */
export function accountPathFor(kind: UserKind): string {
  return `${homePathFor(kind)}/account`;
}

import type { SessionUser } from "../../core/identity/identity.schema";
import type { CurrentSession } from "../../core/identity/session.schema";

/** A signed-in user; staff unless told otherwise. */
export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  const kind = overrides.kind ?? "staff";
  return {
    id: "7f1c9d9e-2f7a-4d7e-9a55-0c2b6f1e9a11",
    email: "sam@example.org",
    displayName: "Sam Lee",
    kind,
    roles: kind === "staff" ? ["counselor"] : [],
    locale: "en",
    participantId: kind === "participant" ? "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40" : null,
    requiresCosign: false,
    ...overrides,
  };
}

/** An active session (15-minute idle timeout, no permissions, not demo) for `aUser(user)`. */
export function aSession(
  overrides: Partial<Omit<CurrentSession, "user">> & { user?: Partial<SessionUser> } = {},
): CurrentSession {
  const { user, ...rest } = overrides;
  return {
    user: aUser(user),
    stage: "active",
    idleTimeoutMinutes: 15,
    permissions: [],
    demo: false,
    ...rest,
  };
}

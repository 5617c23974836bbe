import { createHmac, randomBytes } from "node:crypto";
import type { SessionUser, SignInInput } from "../../core/identity/identity.schema";
import { computeSessionExpiry, deriveSessionState, shouldTouch } from "../../core/identity/session.rules";
import { DomainError } from "../../core/platform/errors";
import type { Database } from "../db/connection";
import { getOrCreateSecret } from "../platform/secrets";
import { verifyPassword } from "./passwords";
import * as sessions from "./sessions.sql";
import * as users from "./users.sql";

export interface Actor {
  user: SessionUser;
  sessionId: string;
}

export interface AuthServiceDeps {
  db: Database;
  now: () => Date;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export interface ClientInfo {
  userAgent: string | null;
  ipAddress: string | null;
}

function toSessionUser(record: users.UserRecord): SessionUser {
  return {
    id: record.id,
    email: record.email,
    displayName: record.displayName,
    kind: record.kind,
    roles: record.kind === "staff" ? record.roles : [],
    locale: record.locale,
  };
}

export type AuthService = Awaited<ReturnType<typeof createAuthService>>;

export async function createAuthService(deps: AuthServiceDeps) {
  const { db, now } = deps;
  const tokenKey = await getOrCreateSecret(db, "session_token_key");
  const hashToken = (token: string) => createHmac("sha256", tokenKey).update(token).digest("base64url");

  return {
    /** Verify the password and open a server-side session. The token goes only into the cookie. */
    async signIn(input: SignInInput, client: ClientInfo) {
      const record = await users.findActiveByEmail(db, input.email);
      const ok = await verifyPassword(record?.passwordHash, input.password);
      if (!record || !ok) throw new DomainError("AUTH_INVALID_CREDENTIALS");
      const token = randomBytes(32).toString("base64url");
      const at = now();
      const expiresAt = computeSessionExpiry(at, deps.sessionMaxHours);
      await sessions.insert(db, {
        tokenHash: hashToken(token),
        userId: record.id,
        expiresAt,
        now: at,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        ipAddress: client.ipAddress,
      });
      return { token, expiresAt, user: toSessionUser(record) };
    },

    /** The actor behind a session token, or undefined when it is unknown, ended or timed out. */
    async resolveSession(token: string): Promise<Actor | undefined> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const found = await sessions.findOpenWithUserByTokenHash(db, hashToken(token));
      if (!found) return undefined;
      const { session, user: record } = found;
      const at = now();
      if (found.userDisabled || deriveSessionState(session, at, deps.sessionIdleMinutes) !== "active") {
        await sessions.end(db, session.id, at);
        return undefined;
      }
      if (shouldTouch(session.lastSeenAt, at)) await sessions.updateLastSeen(db, session.id, at);
      return { user: toSessionUser(record), sessionId: session.id };
    },

    async signOut(actor: Actor): Promise<void> {
      await sessions.end(db, actor.sessionId, now());
    },
  };
}

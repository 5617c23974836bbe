import type { AccessActor } from "../../core/access/access.rules";
import { PERMISSIONS } from "../../core/access/permissions";
import type { SessionStage } from "../../core/identity/accounts.schema";
import type { SessionUser, SignInInput } from "../../core/identity/identity.schema";
import { computeSessionExpiry, deriveSessionState, shouldTouch } from "../../core/identity/session.rules";
import type { CurrentSession } from "../../core/identity/session.schema";
import {
  ACCOUNT_THROTTLE,
  IP_THROTTLE,
  isLocked,
  minutesLocked,
  recordFailure,
  type ThrottleState,
} from "../../core/identity/throttle.rules";
import { matchTotpStep } from "../../core/identity/totp.rules";
import { DomainError } from "../../core/platform/errors";
import { buildAccessActor, type PolicyStore } from "../access/access.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { DEMO_EMAIL_DOMAIN } from "../demo/demo-accounts";
import type { Keyring } from "./keyring";
import { newToken } from "./keyring";
import * as mfa from "./mfa.sql";
import { verifyPassword } from "./passwords";
import * as sessions from "./sessions.sql";
import { throttleKeysFor } from "./throttle-keys";
import * as throttles from "./throttles.sql";
import type * as users from "./users.sql";
import * as userStore from "./users.sql";

export interface Actor {
  user: SessionUser;
  sessionId: string;
  stage: SessionStage;
  /** What the policy needs: grants, sites, own participant record. */
  access: AccessActor;
  idleTimeoutMinutes: number;
}

export interface AuthServiceDeps {
  db: Database;
  now: () => Date;
  keyring: Keyring;
  policy: PolicyStore;
  sessionIdleMinutes: number;
  staffSessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Demo mode: the demo accounts need no MFA. */
  demo: boolean;
}

export interface ClientInfo {
  userAgent: string | null;
  ipAddress: string | null;
  requestId: string | null;
}

/** How long "remember this device" skips the MFA step. */
export const TRUSTED_DEVICE_HOURS = 12;

export function toSessionUser(record: users.SessionUserRecord): SessionUser {
  return {
    id: record.id,
    email: record.email,
    displayName: record.displayName,
    kind: record.kind,
    roles: record.kind === "staff" ? record.roles : [],
    locale: record.locale,
    participantId: record.kind === "participant" ? record.participantId : null,
    requiresCosign: record.requiresCosign,
  };
}

export type AuthService = Awaited<ReturnType<typeof createAuthService>>;

export async function createAuthService(deps: AuthServiceDeps) {
  const { db, now, keyring, policy } = deps;
  const idleMinutesFor = (kind: string) =>
    kind === "staff" ? deps.staffSessionIdleMinutes : deps.sessionIdleMinutes;
  const isDemoAccount = (email: string) => deps.demo && email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);

  const auditContext = (userId: string | null, kind: string | null, client: ClientInfo): AuditContext => ({
    actorUserId: userId,
    actorKind: kind,
    requestId: client.requestId,
    ipAddress: client.ipAddress,
    userAgent: client.userAgent,
  });

  const throttleKeys = (email: string, ip: string | null) => throttleKeysFor(keyring, email, ip);

  async function assertNotLocked(keys: { account: string; ip: string }, at: Date) {
    const states = await throttles.findMany(db, [keys.account, keys.ip]);
    for (const state of states.values()) {
      if (isLocked(state, at)) {
        throw new DomainError(
          "AUTH_LOCKED",
          `Too many failed attempts. Wait ${minutesLocked(state, at)} minutes, or reset your password, and try again.`,
        );
      }
    }
    return states;
  }

  /** Count a failure on both keys; true when this failure locked one of them. */
  async function countFailure(
    keys: { account: string; ip: string },
    states: Map<string, ThrottleState>,
    at: Date,
  ) {
    const account = recordFailure(states.get(keys.account), at, ACCOUNT_THROTTLE);
    const ip = recordFailure(states.get(keys.ip), at, IP_THROTTLE);
    await throttles.upsert(db, keys.account, account);
    await throttles.upsert(db, keys.ip, ip);
    return isLocked(account, at) || isLocked(ip, at);
  }

  async function describe(record: users.UserRecord, stage: SessionStage): Promise<CurrentSession> {
    const user = toSessionUser(record);
    const access = buildAccessActor({ ...user, siteIds: record.siteIds }, await policy.get());
    return {
      user,
      stage,
      idleTimeoutMinutes: idleMinutesFor(record.kind),
      permissions: PERMISSIONS.filter((p) => access.grants[p] !== undefined),
      demo: deps.demo,
    };
  }

  async function stageAfterPassword(record: users.UserRecord, deviceToken: string | undefined, at: Date) {
    if (record.mfaEnabled) {
      const trusted =
        deviceToken !== undefined &&
        (await mfa.isTrustedDevice(db, record.id, keyring.hash("device", deviceToken), at));
      return trusted ? "active" : "mfa_required";
    }
    if (record.kind === "staff" && (await policy.get()).staffMfaRequired && !isDemoAccount(record.email)) {
      return "mfa_enrolment_required";
    }
    return "active";
  }

  /** The session as the web app sees it, from a resolved actor (no query). */
  function describeActor(actor: Actor): CurrentSession {
    return {
      user: actor.user,
      stage: actor.stage,
      idleTimeoutMinutes: actor.idleTimeoutMinutes,
      permissions: PERMISSIONS.filter((p) => actor.access.grants[p] !== undefined),
      demo: deps.demo,
    };
  }

  return {
    keyring,
    describeActor,

    /**
     * Check the password and open a server-side session (perhaps owing an MFA step). Failures are
     * counted per account and per IP and audited; the answer is the same whether or not the
     * account exists.
     */
    async signIn(input: SignInInput, client: ClientInfo, deviceToken: string | undefined) {
      const at = now();
      const keys = throttleKeys(input.email, client.ipAddress);
      let states: Map<string, ThrottleState>;
      try {
        states = await assertNotLocked(keys, at);
      } catch (error) {
        await recordAudit(
          db,
          auditContext(null, null, client),
          {
            action: "auth.sign_in",
            resourceType: "session",
            purpose: "security",
            outcome: "denied",
            details: { reason: "locked" },
          },
          at,
        );
        throw error;
      }
      const record = await userStore.findActiveByEmail(db, input.email);
      const ok = await verifyPassword(record?.passwordHash, input.password);
      if (!record || !ok) {
        const locked = await countFailure(keys, states, at);
        await recordAudit(
          db,
          auditContext(record?.id ?? null, record?.kind ?? null, client),
          {
            action: "auth.sign_in",
            resourceType: "session",
            purpose: "security",
            outcome: "denied",
            details: { reason: "bad_credentials" },
          },
          at,
        );
        throw new DomainError(locked ? "AUTH_LOCKED" : "AUTH_INVALID_CREDENTIALS");
      }
      await throttles.remove(db, keys.account);
      const stage = await stageAfterPassword(record, deviceToken, at);
      const token = newToken();
      const expiresAt = computeSessionExpiry(at, deps.sessionMaxHours);
      await db.transaction(async (tx) => {
        const sessionId = await sessions.insert(tx, {
          tokenHash: keyring.hash("session", token),
          userId: record.id,
          expiresAt,
          now: at,
          userAgent: client.userAgent?.slice(0, 300) ?? null,
          ipAddress: client.ipAddress,
          stage,
        });
        if (stage === "active") await userStore.update(tx, record.id, { lastSignInAt: at });
        await appendAudit(
          tx,
          auditContext(record.id, record.kind, client),
          {
            action: "auth.sign_in",
            resourceType: "session",
            resourceId: sessionId,
            purpose: "security",
            details: { stage },
          },
          at,
        );
      });
      return { token, expiresAt, session: await describe(record, stage) };
    },

    /** The actor behind a session token, or undefined when it is unknown, ended or timed out. */
    async resolveSession(token: string): Promise<Actor | undefined> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const found = await sessions.findOpenWithUserByTokenHash(db, keyring.hash("session", token));
      if (!found) return undefined;
      const { session, user: record } = found;
      const at = now();
      const idleMinutes = idleMinutesFor(record.kind);
      if (found.userDisabled || deriveSessionState(session, at, idleMinutes) !== "active") {
        await sessions.end(db, session.id, at);
        return undefined;
      }
      if (shouldTouch(session.lastSeenAt, at)) await sessions.updateLastSeen(db, session.id, at);
      const user = toSessionUser(record);
      return {
        user,
        sessionId: session.id,
        stage: session.stage,
        access: buildAccessActor({ ...user, siteIds: record.siteIds }, await policy.get()),
        idleTimeoutMinutes: idleMinutes,
      };
    },

    /** The MFA step after the password: a TOTP code (each usable once) or a recovery code. */
    async completeMfa(
      actor: Actor,
      input: { code?: string; recoveryCode?: string; rememberDevice: boolean },
      client: ClientInfo,
    ) {
      if (actor.stage !== "mfa_required")
        throw new DomainError("MFA_NOT_STARTED", "There is no verification step to complete.");
      const at = now();
      const keys = throttleKeys(actor.user.email, client.ipAddress);
      const states = await assertNotLocked(keys, at);
      const context = auditContext(actor.user.id, actor.user.kind, client);
      const outcome = await db.transaction(async (tx) => {
        const enrolment = await mfa.findForUpdate(tx, actor.user.id);
        if (!enrolment?.confirmedAt)
          return { ok: false as const, code: "MFA_CODE_INVALID" as const, field: "code" };
        if (input.recoveryCode !== undefined) {
          const used = await mfa.markRecoveryCodeUsed(
            tx,
            actor.user.id,
            keyring.hash("recovery", input.recoveryCode),
            at,
          );
          return used
            ? { ok: true as const, method: "recovery_code" }
            : { ok: false as const, code: "MFA_RECOVERY_CODE_INVALID" as const, field: "recoveryCode" };
        }
        const match = matchTotpStep(
          keyring.decrypt(enrolment.totpSecret),
          input.code ?? "",
          at,
          enrolment.lastUsedStep,
        );
        if (!match.ok) {
          return {
            ok: false as const,
            code: match.reason === "reused" ? ("MFA_CODE_REUSED" as const) : ("MFA_CODE_INVALID" as const),
            field: "code",
          };
        }
        await mfa.setLastUsedStep(tx, actor.user.id, match.step);
        return { ok: true as const, method: "totp" };
      });
      if (!outcome.ok) {
        const locked = await countFailure(keys, states, at);
        await recordAudit(
          db,
          context,
          {
            action: "auth.mfa_verify",
            resourceType: "session",
            resourceId: actor.sessionId,
            purpose: "security",
            outcome: "denied",
            details: { reason: outcome.code },
          },
          at,
        );
        if (locked) {
          await sessions.end(db, actor.sessionId, at);
          throw new DomainError("AUTH_LOCKED");
        }
        throw new DomainError(outcome.code, undefined, outcome.field);
      }
      let device: { token: string; expiresAt: Date } | undefined;
      await db.transaction(async (tx) => {
        await sessions.setStage(tx, actor.sessionId, "active", at);
        await userStore.update(tx, actor.user.id, { lastSignInAt: at });
        if (input.rememberDevice) {
          device = {
            token: newToken(),
            expiresAt: new Date(at.getTime() + TRUSTED_DEVICE_HOURS * 3_600_000),
          };
          await mfa.insertTrustedDevice(
            tx,
            actor.user.id,
            keyring.hash("device", device.token),
            device.expiresAt,
          );
        }
        await appendAudit(
          tx,
          context,
          {
            action: "auth.mfa_verify",
            resourceType: "session",
            resourceId: actor.sessionId,
            purpose: "security",
            details: { method: outcome.method, rememberDevice: input.rememberDevice },
          },
          at,
        );
      });
      await throttles.remove(db, keys.account);
      const record = await userStore.findById(db, actor.user.id);
      return { session: await describe(record!, "active"), device };
    },

    /** Keep an idle session alive (the web app's "Stay signed in"). */
    async refresh(actor: Actor): Promise<CurrentSession> {
      await sessions.updateLastSeen(db, actor.sessionId, now());
      return describeActor(actor);
    },

    async signOut(actor: Actor, client: ClientInfo): Promise<void> {
      const at = now();
      await db.transaction(async (tx) => {
        await sessions.end(tx, actor.sessionId, at);
        await appendAudit(
          tx,
          auditContext(actor.user.id, actor.user.kind, client),
          {
            action: "auth.sign_out",
            resourceType: "session",
            resourceId: actor.sessionId,
            purpose: "security",
          },
          at,
        );
      });
    },

    /** Lift the account lock (after a successful password reset). */
    async clearAccountLock(email: string): Promise<void> {
      await throttles.remove(db, throttleKeys(email, null).account);
    },
  };
}

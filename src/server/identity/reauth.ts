import {
  ACCOUNT_THROTTLE,
  IP_THROTTLE,
  isLocked,
  minutesLocked,
  recordFailure,
} from "../../core/identity/throttle.rules";
import { matchTotpStep } from "../../core/identity/totp.rules";
import { DomainError, type ErrorCode } from "../../core/platform/errors";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "./auth.service";
import type { Keyring } from "./keyring";
import * as mfa from "./mfa.sql";
import { verifyPassword } from "./passwords";
import { throttleKeysFor } from "./throttle-keys";
import * as throttles from "./throttles.sql";
import * as userStore from "./users.sql";

/** What a signed-in staff member re-enters to prove it is them: their password, or a current authenticator code. */
export type IdentityProof = { password: string } | { code: string };

export interface ReauthDeps {
  keyring: Keyring;
  /** Who and from where, for the audit event of a failure and the throttle's per-IP key. */
  context: AuditContext;
  /** What is being confirmed, for the audit trail (e.g. "treatment_plan.sign"). */
  purposeAction: string;
}

/**
 * Re-authentication before a signature: the password checked against the user's hash, or a TOTP
 * code checked as at sign-in's MFA step (each code usable once: its step is remembered). A failure is
 * audited and counted towards the same account and IP lockout as a failed sign-in; success clears
 * the account's counter. Call it with the database itself, not inside the signing transaction: the
 * failure's audit event and counter must stay even though the signature is refused.
 */
export async function confirmIdentity(
  db: Database,
  actor: Actor,
  proof: IdentityProof,
  at: Date,
  deps: ReauthDeps,
): Promise<{ method: "password" | "totp" }> {
  const { keyring, context } = deps;
  const keys = throttleKeysFor(keyring, actor.user.email, context.ipAddress);
  const audit = (outcome: "allowed" | "denied", details: Record<string, string>) =>
    recordAudit(
      db,
      context,
      {
        action: "auth.reauthenticate",
        resourceType: "user",
        resourceId: actor.user.id,
        purpose: "security",
        outcome,
        details: { for: deps.purposeAction, ...details },
      },
      at,
    );

  const states = await throttles.findMany(db, [keys.account, keys.ip]);
  for (const state of states.values()) {
    if (isLocked(state, at)) {
      await audit("denied", { reason: "locked" });
      throw new DomainError(
        "AUTH_LOCKED",
        `Too many failed attempts. Wait ${minutesLocked(state, at)} minutes, or reset your password, and try again.`,
      );
    }
  }

  const method = "password" in proof ? ("password" as const) : ("totp" as const);
  let failure: { code: ErrorCode; field: string; message: string } | undefined;
  if ("password" in proof) {
    const record = await userStore.findById(db, actor.user.id);
    const ok = record && !record.disabledAt && (await verifyPassword(record.passwordHash, proof.password));
    if (!ok) {
      failure = {
        code: "IDENTITY_WRONG_PASSWORD",
        field: "password",
        message: "Your password is not right. Enter the password you sign in with.",
      };
    }
  } else {
    failure = await db.transaction(async (tx) => {
      const enrolment = await mfa.findForUpdate(tx, actor.user.id);
      if (!enrolment?.confirmedAt) {
        return {
          code: "MFA_CODE_INVALID" as const,
          field: "code",
          message: "Two-step verification is not set up on your account: sign with your password.",
        };
      }
      const match = matchTotpStep(
        keyring.decrypt(enrolment.totpSecret),
        proof.code,
        at,
        enrolment.lastUsedStep,
      );
      if (!match.ok) {
        const code = match.reason === "reused" ? ("MFA_CODE_REUSED" as const) : ("MFA_CODE_INVALID" as const);
        return { code, field: "code", message: "" };
      }
      await mfa.setLastUsedStep(tx, actor.user.id, match.step);
      return undefined;
    });
  }

  if (failure) {
    const account = recordFailure(states.get(keys.account), at, ACCOUNT_THROTTLE);
    const ip = recordFailure(states.get(keys.ip), at, IP_THROTTLE);
    await throttles.upsert(db, keys.account, account);
    await throttles.upsert(db, keys.ip, ip);
    await audit("denied", { method, reason: failure.code });
    if (isLocked(account, at) || isLocked(ip, at)) throw new DomainError("AUTH_LOCKED");
    throw new DomainError(failure.code, failure.message || undefined, failure.field);
  }
  await throttles.remove(db, keys.account);
  return { method };
}

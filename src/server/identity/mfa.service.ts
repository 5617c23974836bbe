import { randomBytes, randomInt } from "node:crypto";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI } from "@oslojs/otp";
import QRCode from "qrcode";
import { matchTotpStep, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "../../core/identity/totp.rules";
import { DomainError } from "../../core/platform/errors";
import type { PolicyStore } from "../access/access.service";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { DEMO_EMAIL_DOMAIN } from "../demo/demo-accounts";
import type { Actor } from "./auth.service";
import type { Keyring } from "./keyring";
import * as mfa from "./mfa.sql";
import { verifyPassword } from "./passwords";
import * as sessions from "./sessions.sql";
import * as userStore from "./users.sql";

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten characters from an unambiguous alphabet, shown as two groups of five: "k3m9p-x2r7t". */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export interface MfaDeps {
  db: Database;
  now: () => Date;
  keyring: Keyring;
  policy: PolicyStore;
  demo: boolean;
  issuer: string;
}

export function createMfaService(deps: MfaDeps) {
  const { db, now, keyring, policy } = deps;

  async function isRequired(user: { kind: string; email: string }): Promise<boolean> {
    if (user.kind !== "staff") return false;
    if (deps.demo && user.email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`)) return false;
    return (await policy.get()).staffMfaRequired;
  }

  async function issueRecoveryCodes(
    tx: Parameters<Parameters<Database["transaction"]>[0]>[0],
    userId: string,
  ) {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await mfa.replaceRecoveryCodes(
      tx,
      userId,
      codes.map((c) => keyring.hash("recovery", c.replace("-", ""))),
    );
    return codes;
  }

  /** While a signed-in password still owes its code, enrolling a new app would bypass the step. */
  function assertNotOwingCode(actor: Actor): void {
    if (actor.stage === "mfa_required") throw new DomainError("AUTH_MFA_PENDING");
  }

  return {
    async status(actor: Actor) {
      const enrolment = await mfa.find(db, actor.user.id);
      return {
        enabled: !!enrolment?.confirmedAt,
        required: await isRequired(actor.user),
        recoveryCodesLeft: enrolment?.confirmedAt ? await mfa.countUnusedRecoveryCodes(db, actor.user.id) : 0,
      };
    },

    /** Begin enrolment: a new secret, shown as a QR code and as text. Nothing is on until confirmed. */
    async startTotp(actor: Actor) {
      assertNotOwingCode(actor);
      const existing = await mfa.find(db, actor.user.id);
      if (existing?.confirmedAt) throw new DomainError("MFA_ALREADY_ENABLED");
      const key = new Uint8Array(randomBytes(20));
      await mfa.upsertPending(db, actor.user.id, keyring.encrypt(key));
      const otpauthUri = createTOTPKeyURI(
        deps.issuer,
        actor.user.email,
        key,
        TOTP_PERIOD_SECONDS,
        TOTP_DIGITS,
      );
      const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
      return { secret: encodeBase32UpperCaseNoPadding(key), otpauthUri, qrSvg };
    },

    /** Confirm with a first code; returns recovery codes (shown once, stored hashed). */
    async confirmTotp(actor: Actor, code: string, context: AuditContext) {
      assertNotOwingCode(actor);
      const at = now();
      return db.transaction(async (tx) => {
        const enrolment = await mfa.findForUpdate(tx, actor.user.id);
        if (!enrolment) throw new DomainError("MFA_NOT_STARTED");
        if (enrolment.confirmedAt) throw new DomainError("MFA_ALREADY_ENABLED");
        const match = matchTotpStep(keyring.decrypt(enrolment.totpSecret), code, at, enrolment.lastUsedStep);
        if (!match.ok)
          throw new DomainError(
            match.reason === "reused" ? "MFA_CODE_REUSED" : "MFA_CODE_INVALID",
            undefined,
            "code",
          );
        await mfa.confirm(tx, actor.user.id, at, match.step);
        const codes = await issueRecoveryCodes(tx, actor.user.id);
        if (actor.stage === "mfa_enrolment_required") {
          await sessions.setStage(tx, actor.sessionId, "active", at);
          await userStore.update(tx, actor.user.id, { lastSignInAt: at });
        }
        await appendAudit(
          tx,
          context,
          { action: "auth.mfa_enrol", resourceType: "user", resourceId: actor.user.id, purpose: "security" },
          at,
        );
        return { recoveryCodes: codes };
      });
    },

    async regenerateRecoveryCodes(actor: Actor, context: AuditContext) {
      const at = now();
      return db.transaction(async (tx) => {
        const enrolment = await mfa.findForUpdate(tx, actor.user.id);
        if (!enrolment?.confirmedAt)
          throw new DomainError("MFA_NOT_STARTED", "Two-step verification is not on.");
        const codes = await issueRecoveryCodes(tx, actor.user.id);
        await appendAudit(
          tx,
          context,
          {
            action: "auth.mfa_recovery_codes",
            resourceType: "user",
            resourceId: actor.user.id,
            purpose: "security",
          },
          at,
        );
        return { recoveryCodes: codes };
      });
    },

    async disable(actor: Actor, password: string, context: AuditContext) {
      if (await isRequired(actor.user)) throw new DomainError("MFA_REQUIRED");
      const record = await userStore.findById(db, actor.user.id);
      if (!record || !(await verifyPassword(record.passwordHash, password))) {
        throw new DomainError("IDENTITY_WRONG_PASSWORD", undefined, "password");
      }
      const at = now();
      await db.transaction(async (tx) => {
        await mfa.remove(tx, actor.user.id);
        await appendAudit(
          tx,
          context,
          {
            action: "auth.mfa_disable",
            resourceType: "user",
            resourceId: actor.user.id,
            purpose: "security",
          },
          at,
        );
      });
    },

    /** Administrator: clear a user's MFA (lost phone). Their sessions end; they enrol again at sign-in. */
    async reset(userId: string, context: AuditContext) {
      const at = now();
      await db.transaction(async (tx) => {
        await mfa.remove(tx, userId);
        await sessions.endAllForUser(tx, userId, at);
        await appendAudit(
          tx,
          context,
          { action: "identity.mfa_reset", resourceType: "user", resourceId: userId, purpose: "security" },
          at,
        );
      });
    },

    isRequired,
  };
}
export type MfaService = ReturnType<typeof createMfaService>;

import { eq } from "drizzle-orm";
import type { InvitationInput } from "../../core/identity/accounts.schema";
import { INVITATION_DAYS } from "../../core/identity/accounts.schema";
import type { Locale } from "../../core/identity/identity.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Queryable, Transaction } from "../db/connection";
import { participants } from "../db/schema";
import { enqueueMail, type Mailer } from "../platform/mail";
import type { Actor, AuthService } from "./auth.service";
import { newToken } from "./keyring";
import * as mfa from "./mfa.sql";
import { assertStrongPassword } from "./password-strength";
import { hashPassword, verifyPassword } from "./passwords";
import * as sessions from "./sessions.sql";
import * as tokens from "./tokens.sql";
import * as userStore from "./users.sql";

export const RESET_MINUTES = 30;

export interface AccountsDeps {
  db: Database;
  now: () => Date;
  auth: AuthService;
  mailer: Mailer;
  baseUrl: string;
}

const MAIL = {
  reset: {
    en: (link: string) => ({
      subject: "Reset your Bridgeway password",
      text: `Someone asked to reset the password of your Bridgeway account.\n\nTo choose a new password, open this link within ${RESET_MINUTES} minutes:\n${link}\n\nIf it was not you, ignore this email; your password stays the same.`,
    }),
    es: (link: string) => ({
      subject: "Restablezca su contraseña de Bridgeway",
      text: `Alguien pidió restablecer la contraseña de su cuenta de Bridgeway.\n\nPara elegir una contraseña nueva, abra este enlace en los próximos ${RESET_MINUTES} minutos:\n${link}\n\nSi no fue usted, ignore este correo; su contraseña no cambia.`,
    }),
  },
  invitation: {
    en: (link: string, name: string) => ({
      subject: "You are invited to Bridgeway",
      text: `Hello ${name},\n\nYour program invited you to Bridgeway. To choose your password, open this link within ${INVITATION_DAYS} days:\n${link}\n\nIf you did not expect this, ignore this email.`,
    }),
    es: (link: string, name: string) => ({
      subject: "Le invitamos a Bridgeway",
      text: `Hola ${name}:\n\nSu programa le invitó a Bridgeway. Para elegir su contraseña, abra este enlace en los próximos ${INVITATION_DAYS} días:\n${link}\n\nSi no esperaba este mensaje, ignórelo.`,
    }),
  },
} as const;

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(deps: AccountsDeps) {
  const { db, now, auth, mailer } = deps;
  const keyring = auth.keyring;

  async function issueInvitation(
    tx: Transaction,
    user: { id: string; email: string; displayName: string; locale: Locale },
    createdBy: string,
    at: Date,
  ) {
    const token = newToken();
    const expiresAt = new Date(at.getTime() + INVITATION_DAYS * 86_400_000);
    await tokens.retireOpen(tx, user.id, "invitation", at);
    await tokens.insert(tx, {
      purpose: "invitation",
      tokenHash: keyring.hash("link", token),
      userId: user.id,
      createdBy,
      createdAt: at,
      expiresAt,
    });
    const mail = MAIL.invitation[user.locale](`${deps.baseUrl}/invitation#token=${token}`, user.displayName);
    await enqueueMail(tx, { to: user.email, ...mail }, at);
    return expiresAt;
  }

  /** A token from a link, checked: unused, unexpired, for an enabled user. One message for every failure. */
  async function useToken(tx: Transaction, purpose: tokens.TokenPurpose, token: string, at: Date) {
    const row = await tokens.findUnused(tx, purpose, keyring.hash("link", token), true);
    if (!row || row.expiresAt.getTime() <= at.getTime())
      throw new DomainError("TOKEN_INVALID", undefined, "token");
    const user = await userStore.findById(tx, row.userId);
    if (!user || user.disabledAt) throw new DomainError("TOKEN_INVALID", undefined, "token");
    return { row, user };
  }

  return {
    /** Always "accepted": the answer never tells whether the account exists. */
    async requestPasswordReset(email: string, context: AuditContext): Promise<void> {
      const at = now();
      const user = await userStore.findActiveByEmail(db, email);
      if (!user?.passwordHash) return;
      const token = newToken();
      await db.transaction(async (tx) => {
        await tokens.retireOpen(tx, user.id, "password_reset", at);
        await tokens.insert(tx, {
          purpose: "password_reset",
          tokenHash: keyring.hash("link", token),
          userId: user.id,
          createdBy: null,
          createdAt: at,
          expiresAt: new Date(at.getTime() + RESET_MINUTES * 60_000),
        });
        const mail = MAIL.reset[user.locale](`${deps.baseUrl}/reset-password#token=${token}`);
        await enqueueMail(tx, { to: user.email, ...mail }, at);
        await appendAudit(
          tx,
          { ...context, actorUserId: user.id, actorKind: user.kind },
          {
            action: "auth.password_reset_request",
            resourceType: "user",
            resourceId: user.id,
            purpose: "security",
          },
          at,
        );
      });
      mailer.kick();
    },

    async completePasswordReset(token: string, password: string, context: AuditContext): Promise<void> {
      const at = now();
      const email = await db.transaction(async (tx) => {
        const { row, user } = await useToken(tx, "password_reset", token, at);
        assertStrongPassword(password, [user.email, user.displayName]);
        await userStore.update(tx, user.id, { passwordHash: await hashPassword(password), updatedAt: at });
        await tokens.markUsed(tx, row.id, at);
        await sessions.endAllForUser(tx, user.id, at);
        await mfa.removeTrustedDevices(tx, user.id);
        await appendAudit(
          tx,
          { ...context, actorUserId: user.id, actorKind: user.kind },
          { action: "auth.password_reset", resourceType: "user", resourceId: user.id, purpose: "security" },
          at,
        );
        return user.email;
      });
      await auth.clearAccountLock(email);
    },

    async previewInvitation(token: string) {
      const row = await tokens.findUnused(db, "invitation", keyring.hash("link", token));
      const at = now();
      if (!row || row.expiresAt.getTime() <= at.getTime())
        throw new DomainError("TOKEN_INVALID", undefined, "token");
      const user = await userStore.findById(db, row.userId);
      if (!user || user.disabledAt || user.passwordHash)
        throw new DomainError("TOKEN_INVALID", undefined, "token");
      return {
        email: user.email,
        displayName: user.displayName,
        kind: user.kind,
        expiresAt: row.expiresAt.toISOString(),
      };
    },

    async acceptInvitation(token: string, password: string, context: AuditContext): Promise<void> {
      const at = now();
      await db.transaction(async (tx) => {
        const { row, user } = await useToken(tx, "invitation", token, at);
        if (user.passwordHash) throw new DomainError("TOKEN_INVALID", undefined, "token");
        assertStrongPassword(password, [user.email, user.displayName]);
        await userStore.update(tx, user.id, { passwordHash: await hashPassword(password), updatedAt: at });
        await tokens.markUsed(tx, row.id, at);
        await appendAudit(
          tx,
          { ...context, actorUserId: user.id, actorKind: user.kind },
          {
            action: "identity.invitation_accept",
            resourceType: "user",
            resourceId: user.id,
            purpose: "security",
          },
          at,
        );
      });
    },

    /**
     * The invitation link and its email (content-free: it names no program service or participant),
     * inside the caller's transaction; the caller kicks the mailer after commit. Family members are
     * invited this way by sharing, only after a signed consent names them.
     */
    issueInvitation,

    /**
     * Invite a person. Staff with users.manage invite staff (to their own sites) and participants of
     * their sites. Family members are never invited here: a family account is linked to a participant
     * only by sharing (`server/sharing`), after a signed named-recipient consent for that person.
     */
    async invite(actor: Actor, input: InvitationInput, context: AuditContext) {
      const at = now();
      const isManager = actor.access.grants["users.manage"] !== undefined;
      if (!isManager) throw new DomainError("AUTH_FORBIDDEN");
      const result = await db.transaction(async (tx) => {
        if (await userStore.findIdByEmail(tx, input.email))
          throw new DomainError("IDENTITY_EMAIL_TAKEN", undefined, "email");
        let participant:
          | { id: string; siteId: string; userId: string | null; givenName: string; familyName: string }
          | undefined;
        if (input.kind === "participant") {
          const rows = await tx
            .select({
              id: participants.id,
              siteId: participants.siteId,
              userId: participants.userId,
              givenName: participants.givenName,
              familyName: participants.familyName,
            })
            .from(participants)
            .where(eq(participants.id, input.participantId));
          participant = rows[0];
          if (!participant || !actor.access.siteIds.includes(participant.siteId))
            throw new DomainError("NOT_FOUND", "No such participant.", "participantId");
          if (participant.userId) {
            throw new DomainError(
              "IDENTITY_ALREADY_ACTIVE",
              "This participant already has a portal account.",
              "participantId",
            );
          }
        } else {
          const outside = input.siteIds.filter((s) => !actor.access.siteIds.includes(s));
          if (outside.length > 0)
            throw new DomainError(
              "VALIDATION_FAILED",
              "You can only add people to your own sites.",
              "siteIds",
            );
        }
        const displayName =
          input.kind === "participant"
            ? `${participant!.givenName} ${participant!.familyName}`
            : input.displayName;
        const userId = await userStore.insert(tx, {
          email: input.email,
          displayName,
          kind: input.kind,
          locale: input.locale,
          passwordHash: null,
          requiresCosign: input.kind === "staff" ? input.requiresCosign : false,
        });
        if (input.kind === "staff") {
          await userStore.insertRoles(tx, userId, input.roles);
          await userStore.insertSiteMemberships(tx, userId, input.siteIds);
        } else {
          await tx.update(participants).set({ userId }).where(eq(participants.id, participant!.id));
        }
        const expiresAt = await issueInvitation(
          tx,
          { id: userId, email: input.email, displayName, locale: input.locale },
          actor.user.id,
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "identity.invite",
            resourceType: "user",
            resourceId: userId,
            participantId: participant?.id ?? null,
            purpose: participant ? "treatment" : "operations",
            details: { kind: input.kind },
          },
          at,
        );
        return { userId, expiresAt };
      });
      mailer.kick();
      return {
        userId: result.userId,
        expiresAt: result.expiresAt.toISOString(),
        emailQueued: mailer.configured,
      };
    },

    /** Send a new invitation link (the old one stops working). */
    async resendInvitation(actor: Actor, userId: string, context: AuditContext) {
      const at = now();
      const result = await db.transaction(async (tx) => {
        const user = await userStore.findById(tx, userId);
        if (!user || !(await isManageable(tx, actor, userId)))
          throw new DomainError("NOT_FOUND", "No such user.");
        if (user.passwordHash) throw new DomainError("IDENTITY_ALREADY_ACTIVE");
        if (user.disabledAt)
          throw new DomainError("VALIDATION_FAILED", "Reactivate this account before inviting again.");
        const expiresAt = await issueInvitation(tx, user, actor.user.id, at);
        await appendAudit(
          tx,
          context,
          {
            action: "identity.invite_resend",
            resourceType: "user",
            resourceId: userId,
            purpose: "operations",
          },
          at,
        );
        return { userId, expiresAt };
      });
      mailer.kick();
      return {
        userId: result.userId,
        expiresAt: result.expiresAt.toISOString(),
        emailQueued: mailer.configured,
      };
    },

    async changePassword(actor: Actor, current: string, next: string, context: AuditContext): Promise<void> {
      const at = now();
      const user = await userStore.findById(db, actor.user.id);
      if (!user || !(await verifyPassword(user.passwordHash, current))) {
        throw new DomainError(
          "IDENTITY_WRONG_PASSWORD",
          "Your current password is not right.",
          "currentPassword",
        );
      }
      assertStrongPassword(next, [user.email, user.displayName], "newPassword");
      const passwordHash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await userStore.update(tx, user.id, { passwordHash, updatedAt: at });
        await sessions.endAllForUser(tx, user.id, at, actor.sessionId);
        await mfa.removeTrustedDevices(tx, user.id);
        await appendAudit(
          tx,
          context,
          { action: "auth.password_change", resourceType: "user", resourceId: user.id, purpose: "security" },
          at,
        );
      });
    },

    async listMySessions(actor: Actor) {
      const rows = await sessions.listOpenForUser(db, actor.user.id);
      const at = now();
      return rows
        .filter(
          (r) =>
            r.expiresAt.getTime() > at.getTime() &&
            at.getTime() - r.lastSeenAt.getTime() < actor.idleTimeoutMinutes * 60_000,
        )
        .map((r) => ({
          id: r.id,
          createdAt: r.createdAt.toISOString(),
          lastSeenAt: r.lastSeenAt.toISOString(),
          userAgent: r.userAgent,
          ipAddress: r.ipAddress,
          current: r.id === actor.sessionId,
        }));
    },

    async revokeMySession(actor: Actor, sessionId: string, context: AuditContext): Promise<void> {
      const at = now();
      await db.transaction(async (tx) => {
        const ended = await sessions.endForUser(tx, actor.user.id, sessionId, at);
        if (!ended) throw new DomainError("NOT_FOUND", "No such session.");
        await appendAudit(
          tx,
          context,
          {
            action: "auth.session_revoke",
            resourceType: "session",
            resourceId: sessionId,
            purpose: "security",
          },
          at,
        );
      });
    },
  };
}

/** Whether the actor (with users.manage) may manage this user: they share a site. */
export async function isManageable(q: Queryable, actor: Actor, userId: string): Promise<boolean> {
  const visible = await userStore.listForAdmin(q, {
    visibleSiteIds: actor.access.siteIds,
    ids: [userId],
    page: 1,
    pageSize: 1,
  });
  return visible.total > 0;
}

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  invitationAcceptSchema,
  invitationCreatedSchema,
  invitationInputSchema,
  invitationPreviewSchema,
  linkTokenSchema,
  mfaDisableSchema,
  mfaStatusSchema,
  mySessionsSchema,
  passwordChangeSchema,
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  recoveryCodesSchema,
  totpConfirmSchema,
  totpSetupSchema,
} from "../../core/identity/accounts.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { createAccountsService } from "./accounts.service";
import type { MfaService } from "./mfa.service";

export interface AccountsRoutesOptions {
  accounts: ReturnType<typeof createAccountsService>;
  mfa: MfaService;
}

const noContent = { 204: z.null().describe("Done") };

/** Password reset, invitations, and the signed-in person's own account (password, MFA, sessions). */
export const accountsRoutes: FastifyPluginAsyncZod<AccountsRoutesOptions> = async (
  app,
  { accounts, mfa },
) => {
  app.post(
    "/password-resets",
    {
      schema: {
        tags: ["identity"],
        summary:
          "Ask for a password-reset email. Always 202: the answer never tells whether the account exists",
        body: passwordResetRequestSchema,
        response: { 202: z.object({}), ...errorResponses(400, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 5, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body.email, auditContextOf(request));
      return reply.status(202).send({});
    },
  );

  app.post(
    "/password-resets/complete",
    {
      schema: {
        tags: ["identity"],
        summary: "Choose a new password with the emailed single-use token; ends all sessions",
        body: passwordResetCompleteSchema,
        response: { ...noContent, ...errorResponses(400, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await accounts.completePasswordReset(
        request.body.token,
        request.body.password,
        auditContextOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/invitations/preview",
    {
      schema: {
        tags: ["identity"],
        summary:
          "Who an invitation link is for, before choosing a password (the token goes in the body, never in an address)",
        body: z.object({ token: linkTokenSchema }),
        response: { 200: invitationPreviewSchema, ...errorResponses(400, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request) => accounts.previewInvitation(request.body.token),
  );

  app.post(
    "/invitations/accept",
    {
      schema: {
        tags: ["identity"],
        summary: "Accept an invitation by choosing a password",
        body: invitationAcceptSchema,
        response: { ...noContent, ...errorResponses(400, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await accounts.acceptInvitation(request.body.token, request.body.password, auditContextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/invitations",
    {
      schema: {
        tags: ["identity"],
        summary:
          "Invite staff or a participant (a family member is invited by sharing, after a signed consent names them)",
        body: invitationInputSchema,
        response: { 201: invitationCreatedSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      config: { access: { kind: "signed-in" }, rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const created = await accounts.invite(actorOf(request), request.body, auditContextOf(request));
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/me/password",
    {
      schema: {
        tags: ["account"],
        summary: "Change my password; my other sessions end",
        body: passwordChangeSchema,
        response: { ...noContent, ...errorResponses(400, 401) },
      },
      config: { access: { kind: "signed-in" }, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      await accounts.changePassword(actorOf(request), currentPassword, newPassword, auditContextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me/sessions",
    {
      schema: {
        tags: ["account"],
        summary: "My open sessions",
        response: { 200: mySessionsSchema, ...errorResponses(401) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => ({ sessions: await accounts.listMySessions(actorOf(request)) }),
  );

  app.delete(
    "/me/sessions/:id",
    {
      schema: {
        tags: ["account"],
        summary: "End one of my sessions",
        params: z.object({ id: z.uuid() }),
        response: { ...noContent, ...errorResponses(401, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) => {
      await accounts.revokeMySession(actorOf(request), request.params.id, auditContextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me/mfa",
    {
      schema: {
        tags: ["account"],
        summary: "My two-step verification status",
        response: { 200: mfaStatusSchema, ...errorResponses(401) },
      },
      config: { access: { kind: "signed-in", anyStage: true } },
    },
    async (request) => mfa.status(actorOf(request)),
  );

  app.post(
    "/me/mfa/totp",
    {
      schema: {
        tags: ["account"],
        summary: "Start setting up an authenticator app: a new secret and its QR code",
        response: { 200: totpSetupSchema, ...errorResponses(401, 409) },
      },
      config: { access: { kind: "signed-in", anyStage: true } },
    },
    async (request) => mfa.startTotp(actorOf(request)),
  );

  app.post(
    "/me/mfa/totp/confirm",
    {
      schema: {
        tags: ["account"],
        summary: "Confirm the authenticator app with a code; returns recovery codes, shown once",
        body: totpConfirmSchema,
        response: { 200: recoveryCodesSchema, ...errorResponses(400, 401, 409) },
      },
      config: {
        access: { kind: "signed-in", anyStage: true },
        rateLimit: { max: 10, timeWindow: "1 minute" },
      },
    },
    async (request) => mfa.confirmTotp(actorOf(request), request.body.code, auditContextOf(request)),
  );

  app.post(
    "/me/mfa/recovery-codes",
    {
      schema: {
        tags: ["account"],
        summary: "Replace my recovery codes (the old ones stop working)",
        response: { 200: recoveryCodesSchema, ...errorResponses(401, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => mfa.regenerateRecoveryCodes(actorOf(request), auditContextOf(request)),
  );

  app.delete(
    "/me/mfa",
    {
      schema: {
        tags: ["account"],
        summary: "Turn off two-step verification (refused when the program requires it)",
        body: mfaDisableSchema,
        response: { ...noContent, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) => {
      await mfa.disable(actorOf(request), request.body.password, auditContextOf(request));
      return reply.status(204).send(null);
    },
  );
};

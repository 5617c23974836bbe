import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { mfaChallengeSchema } from "../../core/identity/accounts.schema";
import { signInInputSchema } from "../../core/identity/identity.schema";
import { currentSessionSchema, maybeSessionSchema } from "../../core/identity/session.schema";
import { SESSION_COOKIE } from "../../core/platform/http";
import { errorResponses } from "../platform/openapi";
import { actorOf } from "../platform/route-access";
import type { AuthService, ClientInfo } from "./auth.service";

export interface AuthRoutesOptions {
  auth: AuthService;
  secureCookies: boolean;
}

/** "Remember this device" cookie: lets one browser skip the MFA step for a few hours. */
export const DEVICE_COOKIE = "bw_device";

export function clientOf(request: FastifyRequest): ClientInfo {
  return { userAgent: request.headers["user-agent"] ?? null, ipAddress: request.ip, requestId: request.id };
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, secureCookies }) => {
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies } as const;
  const deviceCookieOptions = { ...cookieOptions, path: "/api/v1/sessions", sameSite: "strict" } as const;
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);

  app.post(
    "/sessions",
    {
      schema: {
        tags: ["identity"],
        summary: "Sign in with email and password; sets the session cookie (stage says whether MFA is owed)",
        body: signInInputSchema,
        response: { 200: currentSessionSchema, ...errorResponses(400, 401, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const result = await auth.signIn(request.body, clientOf(request), request.cookies[DEVICE_COOKIE]);
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, expires: result.expiresAt });
      return result.session;
    },
  );

  app.get(
    "/sessions/current",
    {
      schema: {
        tags: ["identity"],
        summary: "The signed-in session, or null when nobody is signed in (the session ended or timed out)",
        response: { 200: maybeSessionSchema },
      },
      config: { access: { kind: "public" } },
    },
    async (request) => ({ session: request.actor ? auth.describeActor(request.actor) : null }),
  );

  app.post(
    "/sessions/current/mfa",
    {
      schema: {
        tags: ["identity"],
        summary: "Complete sign-in with a TOTP code or a recovery code",
        body: mfaChallengeSchema,
        response: { 200: currentSessionSchema, ...errorResponses(400, 401, 409, 429) },
      },
      config: {
        access: { kind: "signed-in", anyStage: true },
        rateLimit: { max: 10, timeWindow: "1 minute" },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await auth.completeMfa(
        actorOf(request),
        "code" in body
          ? { code: body.code, rememberDevice: body.rememberDevice }
          : { recoveryCode: body.recoveryCode, rememberDevice: body.rememberDevice },
        clientOf(request),
      );
      if (result.device) {
        reply.setCookie(DEVICE_COOKIE, result.device.token, {
          ...deviceCookieOptions,
          expires: result.device.expiresAt,
        });
      }
      return result.session;
    },
  );

  app.post(
    "/sessions/current/refresh",
    {
      schema: {
        tags: ["identity"],
        summary: "Keep the session alive (the idle-timeout warning's “Stay signed in”)",
        response: { 200: currentSessionSchema, ...errorResponses(401) },
      },
      config: { access: { kind: "signed-in", anyStage: true } },
    },
    async (request) => auth.refresh(actorOf(request)),
  );

  app.delete(
    "/sessions/current",
    {
      schema: {
        tags: ["identity"],
        summary: "Sign out: ends the server-side session and clears the cookie",
        response: { 204: z.null().describe("Signed out") },
      },
      config: { access: { kind: "public" } },
    },
    async (request, reply) => {
      if (request.actor) await auth.signOut(request.actor, clientOf(request));
      clearSession(reply);
      return reply.status(204).send(null);
    },
  );
};

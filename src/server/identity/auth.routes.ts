import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  currentSessionSchema,
  maybeSessionSchema,
  signInInputSchema,
} from "../../core/identity/identity.schema";
import { SESSION_COOKIE } from "../../core/platform/http";
import { errorResponses } from "../platform/openapi";
import type { AuthService } from "./auth.service";

export interface AuthRoutesOptions {
  auth: AuthService;
  secureCookies: boolean;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, secureCookies }) => {
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies } as const;

  app.post(
    "/sessions",
    {
      schema: {
        tags: ["identity"],
        summary: "Sign in with email and password; sets the session cookie",
        body: signInInputSchema,
        response: { 200: currentSessionSchema, ...errorResponses(400, 401, 429) },
      },
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const result = await auth.signIn(request.body, {
        userAgent: request.headers["user-agent"] ?? null,
        ipAddress: request.ip,
      });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, expires: result.expiresAt });
      return { user: result.user };
    },
  );

  app.get(
    "/sessions/current",
    {
      schema: {
        tags: ["identity"],
        summary: "The signed-in user, or null when nobody is signed in (the session ended or timed out)",
        response: { 200: maybeSessionSchema },
      },
    },
    async (request) => ({ user: request.actor?.user ?? null }),
  );

  app.delete(
    "/sessions/current",
    {
      schema: {
        tags: ["identity"],
        summary: "Sign out: ends the server-side session and clears the cookie",
        response: { 204: z.null().describe("Signed out") },
      },
    },
    async (request, reply) => {
      if (request.actor) await auth.signOut(request.actor);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );
};

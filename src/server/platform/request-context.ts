import type { FastifyInstance } from "fastify";
import { DomainError } from "../../core/platform/errors";
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from "../../core/platform/http";
import type { Actor, AuthService } from "../identity/auth.service";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in actor, resolved from the session cookie; undefined when nobody is signed in. */
    actor: Actor | undefined;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Per-request plumbing for the API: resolve the actor from the session cookie, and refuse
 * state-changing requests that lack the app's header or come from another origin (CSRF defence on
 * top of SameSite cookies). Authorization itself is the route guard's job (route-access.ts).
 */
export function registerRequestContext(app: FastifyInstance, auth: AuthService, baseUrl: string): void {
  const allowedOrigin = new URL(baseUrl).origin;
  app.decorateRequest("actor", undefined);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    if (!SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) throw new DomainError("CSRF_HEADER_MISSING");
      const origin = request.headers.origin;
      if (origin && origin !== allowedOrigin && origin !== `${request.protocol}://${request.host}`) {
        throw new DomainError("CSRF_ORIGIN_MISMATCH");
      }
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await auth.resolveSession(token);
  });
}

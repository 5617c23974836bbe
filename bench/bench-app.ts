import type { FastifyInstance } from "fastify";
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from "../src/core/platform/http";
import { buildApp } from "../src/server/app";
import type { DatabaseHandle } from "../src/server/db/connection";

/** The real app over a bench database, quiet, in demo mode (demo accounts sign in without MFA). */
export function buildBenchApp(database: DatabaseHandle): Promise<FastifyInstance> {
  return buildApp({
    config: {
      baseUrl: "http://127.0.0.1",
      logLevel: "silent",
      trustProxy: false,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      staffSessionIdleMinutes: 15,
      demo: true,
      smtpUrl: undefined,
      mailFrom: "Bridgeway <no-reply@localhost>",
    },
    database,
    version: "bench",
    webDir: undefined,
    logger: false,
  });
}

/** Sign in over HTTP and return the session cookie ("name=value"). */
export async function signInForBench(address: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${address}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify({ email, password }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (response.status !== 200 || !session) throw new Error(`bench sign-in failed: ${response.status}`);
  return session.split(";")[0]!;
}

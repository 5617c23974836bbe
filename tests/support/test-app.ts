import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from "../../src/core/platform/http";
import { buildApp } from "../../src/server/app";
import type { DatabaseHandle } from "../../src/server/db/connection";
import { appSettings } from "../../src/server/db/schema";
import type { SmsChannel } from "../../src/server/platform/sms";

export const TEST_BASE_URL = "http://localhost:3000";

/** A controllable clock for tests. */
export function testClock(start = "2026-03-02T15:00:00Z") {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advanceMinutes(minutes: number) {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}

export interface TestAppOptions {
  now?: () => Date;
  webDir?: string;
  /** Require MFA of staff (the shipped default). Off unless a test is about MFA. */
  staffMfaRequired?: boolean;
  smtpUrl?: string;
  demo?: boolean;
  /** Questionnaires the program does not offer (DISABLED_INSTRUMENTS). */
  disabledInstruments?: string[];
  /** An SMS channel standing in for a provider (reminder tests record what would be sent). */
  sms?: SmsChannel;
}

export async function buildTestApp(
  database: DatabaseHandle,
  options: TestAppOptions = {},
): Promise<FastifyInstance> {
  await database.db
    .insert(appSettings)
    .values({ name: "staff_mfa_required", value: String(options.staffMfaRequired ?? false) })
    .onConflictDoUpdate({
      target: appSettings.name,
      set: { value: String(options.staffMfaRequired ?? false) },
    });
  return buildApp({
    config: {
      baseUrl: TEST_BASE_URL,
      logLevel: "silent",
      trustProxy: false,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      staffSessionIdleMinutes: 15,
      demo: options.demo ?? false,
      smtpUrl: options.smtpUrl,
      mailFrom: "Bridgeway <no-reply@localhost>",
      disabledInstruments: options.disabledInstruments ?? [],
    },
    database,
    version: "0.0.0-test",
    webDir: options.webDir,
    logger: false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sms ? { sms: options.sms } : {}),
  });
}

export const appHeaders = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in response (status ${response.statusCode})`);
  return cookie.value;
}

/** Sign in and return the cookie header to send with later requests. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<{ cookie: string }> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/sessions",
    headers: appHeaders,
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return { cookie: `${SESSION_COOKIE}=${sessionCookieOf(response)}` };
}

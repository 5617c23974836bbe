import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type GivenUser, givenSite, givenUser } from "../../../tests/support/given";
import {
  appHeaders,
  buildTestApp,
  sessionCookieOf,
  signIn,
  testClock,
} from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { SESSION_COOKIE } from "../../core/platform/http";
import type { DatabaseHandle } from "../db/connection";
import { users } from "../db/schema";

describeEachEngine("sign-in, sessions and sign-out", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let counselor: GivenUser;
  const clock = testClock();

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Riverside");
    counselor = await givenUser(database.db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Jamie Quinn",
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("signs a staff member in with an HttpOnly, SameSite session cookie and knows who they are", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: appHeaders,
      payload: { email: counselor.email.toUpperCase(), password: counselor.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      displayName: "Jamie Quinn",
      kind: "staff",
      roles: ["counselor"],
    });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    const me = await app.inject({
      url: "/api/v1/sessions/current",
      headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(counselor.email);
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    for (const payload of [
      { email: counselor.email, password: "not the password" },
      { email: "nobody@test.bridgeway.example", password: "whatever" },
    ]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        headers: appHeaders,
        payload,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: "AUTH_INVALID_CREDENTIALS", message: "Email or password is incorrect." },
      });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it("names each invalid field instead of failing", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: appHeaders,
      payload: { email: "not-an-email", password: "" },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["email", "password"]);
  });

  it("refuses a state-changing request without the app header or from another origin", async () => {
    const payload = { email: counselor.email, password: counselor.password };
    const missing = await app.inject({ method: "POST", url: "/api/v1/sessions", payload });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe("CSRF_HEADER_MISSING");
    const foreign = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: { ...appHeaders, origin: "https://evil.example" },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("CSRF_ORIGIN_MISMATCH");
  });

  it("ends the session on sign-out so the same cookie no longer works", async () => {
    const { cookie } = await signIn(app, counselor.email, counselor.password);
    const out = await app.inject({
      method: "DELETE",
      url: "/api/v1/sessions/current",
      headers: { ...appHeaders, cookie },
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe("");
    const after = await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } });
    expect(after.json()).toEqual({ user: null });
  });

  it("times a session out after 30 idle minutes but keeps an active one alive", async () => {
    const { cookie } = await signIn(app, counselor.email, counselor.password);
    const current = async () =>
      (await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json().user;
    clock.advanceMinutes(20);
    expect(await current()).not.toBeNull();
    clock.advanceMinutes(20);
    expect(await current()).not.toBeNull();
    clock.advanceMinutes(31);
    expect(await current()).toBeNull();
  });

  it("ends the sessions of an account that is disabled", async () => {
    const user = await givenUser(database.db);
    const { cookie } = await signIn(app, user.email, user.password);
    await database.db.update(users).set({ disabledAt: clock.now() }).where(eq(users.id, user.id));
    expect((await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json()).toEqual({
      user: null,
    });
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    expect((await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json()).toEqual({
      user: null,
    });
  });

  it("ignores a forged or malformed session cookie", async () => {
    for (const value of ["x".repeat(43), "short", "../../etc/passwd"]) {
      const response = await app.inject({
        url: "/api/v1/sessions/current",
        headers: { cookie: `${SESSION_COOKIE}=${value}` },
      });
      expect(response.json()).toEqual({ user: null });
    }
  });

  it("limits sign-in attempts to 10 a minute per address", async () => {
    const limited = await buildTestApp(database, { now: clock.now });
    try {
      const attempt = () =>
        limited.inject({
          method: "POST",
          url: "/api/v1/sessions",
          headers: appHeaders,
          payload: { email: counselor.email, password: "wrong password" },
          remoteAddress: "10.9.8.7",
        });
      for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });

  it("never stores the session token itself", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: appHeaders,
      payload: { email: counselor.email, password: counselor.password },
    });
    const token = sessionCookieOf(response);
    const rows = await database.db.query.authSessions.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });
});

import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type GivenUser, givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
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
    expect(me.json().session).toMatchObject({
      user: { email: counselor.email },
      stage: "active",
      idleTimeoutMinutes: 15,
    });
    expect(me.json().session.permissions).toContain("participants.view");
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
    expect(after.json()).toEqual({ session: null });
  });

  it("tells a participant which participant record is theirs from the sign-in answer on", async () => {
    const site = await givenSite(database.db);
    const person = await givenUser(database.db, { kind: "participant" });
    const record = await givenParticipant(database.db, { siteId: site.id, userId: person.id });
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: appHeaders,
      payload: { email: person.email, password: person.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ kind: "participant", participantId: record.id });
  });

  it("logs staff off after 15 idle minutes and participants after 30, but keeps an active session alive", async () => {
    const participant = await givenUser(database.db, { kind: "participant" });
    const staff = await signIn(app, counselor.email, counselor.password);
    const person = await signIn(app, participant.email, participant.password);
    const current = async (cookie: string) =>
      (await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json().session;
    clock.advanceMinutes(10);
    expect(await current(staff.cookie)).not.toBeNull();
    expect(await current(person.cookie)).not.toBeNull();
    clock.advanceMinutes(14);
    expect(await current(staff.cookie)).not.toBeNull();
    expect(await current(person.cookie)).not.toBeNull();
    clock.advanceMinutes(16);
    expect(await current(staff.cookie)).toBeNull();
    expect(await current(person.cookie)).not.toBeNull();
    clock.advanceMinutes(31);
    expect(await current(person.cookie)).toBeNull();
  });

  it("keeps an idle session alive through refresh (the warning dialog's Stay signed in)", async () => {
    const { cookie } = await signIn(app, counselor.email, counselor.password);
    clock.advanceMinutes(14);
    const refreshed = await app.inject({
      method: "POST",
      url: "/api/v1/sessions/current/refresh",
      headers: { ...appHeaders, cookie },
    });
    expect(refreshed.statusCode).toBe(200);
    clock.advanceMinutes(14);
    expect(
      (await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json().session,
    ).not.toBeNull();
  });

  it("ends the sessions of an account that is disabled", async () => {
    const user = await givenUser(database.db);
    const { cookie } = await signIn(app, user.email, user.password);
    await database.db.update(users).set({ disabledAt: clock.now() }).where(eq(users.id, user.id));
    expect((await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json()).toEqual({
      session: null,
    });
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    expect((await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json()).toEqual({
      session: null,
    });
  });

  it("ignores a forged or malformed session cookie", async () => {
    for (const value of ["x".repeat(43), "short", "../../etc/passwd"]) {
      const response = await app.inject({
        url: "/api/v1/sessions/current",
        headers: { cookie: `${SESSION_COOKIE}=${value}` },
      });
      expect(response.json()).toEqual({ session: null });
    }
  });

  it("locks an account for 15 minutes after 5 failures, answering the same for an unknown email", async () => {
    const person = await givenUser(database.db);
    const attempt = (email: string, password = "wrong password", remoteAddress = "10.1.1.1") =>
      app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        headers: appHeaders,
        payload: { email, password },
        remoteAddress,
      });
    for (const email of [person.email, "nobody-at-all@test.bridgeway.example"]) {
      for (let i = 0; i < 4; i++) expect((await attempt(email)).statusCode).toBe(401);
      const fifth = await attempt(email);
      expect(fifth.statusCode).toBe(429);
      expect(fifth.json().error.code).toBe("AUTH_LOCKED");
    }
    // Even the right password is refused while locked, from any address; the message is the same.
    const locked = await attempt(person.email, person.password, "10.2.2.2");
    expect(locked.statusCode).toBe(429);
    const unknown = await attempt("nobody-at-all@test.bridgeway.example", "x", "10.2.2.2");
    expect(unknown.json()).toEqual(locked.json());
    // The lock is temporary: it never locks a person out for good.
    clock.advanceMinutes(16);
    expect((await attempt(person.email, person.password, "10.2.2.2")).statusCode).toBe(200);
  });

  it("slows down one address that tries many accounts", async () => {
    const attempt = (n: number) =>
      app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        headers: appHeaders,
        payload: { email: `spray-${n}@test.bridgeway.example`, password: "Winter2026!" },
        remoteAddress: "10.7.7.7",
      });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses.slice(0, 29).every((s) => s === 401)).toBe(true);
    expect(statuses[29]).toBe(429);
    const fromElsewhere = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: appHeaders,
      payload: { email: counselor.email, password: counselor.password },
      remoteAddress: "10.8.8.8",
    });
    expect(fromElsewhere.statusCode).toBe(200);
  });

  it("audits sign-ins and failed attempts without storing the password or the typed email", async () => {
    const person = await givenUser(database.db);
    await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: appHeaders,
      payload: { email: person.email, password: "nope nope" },
      remoteAddress: "10.3.3.3",
    });
    await signIn(app, person.email, person.password);
    const rows = await database.db.query.auditEvents.findMany({
      where: (e, { eq }) => eq(e.actorUserId, person.id),
    });
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["auth.sign_in", "denied"],
      ["auth.sign_in", "allowed"],
    ]);
    const all = JSON.stringify(await database.db.query.auditEvents.findMany());
    expect(all).not.toContain("nope nope");
    expect(all).not.toContain(person.email);
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

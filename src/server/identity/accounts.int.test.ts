import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type GivenUser, givenSite, givenUser } from "../../../tests/support/given";
import { linkToken, startSmtpServer } from "../../../tests/support/smtp";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";

const STRONG = "velvet harbour lantern quietly";

describeEachEngine("accounts: password reset, invitations, password change, deactivation", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: GivenUser;
  let siteId: string;
  const clock = testClock();

  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({ method: "POST", url, headers: { ...appHeaders, ...(cookie ? { cookie } : {}) }, payload });
  const currentOf = async (cookie: string) =>
    (await app.inject({ url: "/api/v1/sessions/current", headers: { cookie } })).json().session;
  const mailTo = async (email: string) => {
    await app.mailer.flush();
    return smtp.messages.filter((m) => m.to.includes(email));
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now, smtpUrl: smtp.url });
    const site = await givenSite(database.db, "Harbor");
    siteId = site.id;
    admin = await givenUser(database.db, {
      roles: ["administrator"],
      siteNames: [site.name],
      displayName: "Ada Admin",
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await smtp.close();
  });

  it("emails a single-use reset link that expires after 30 minutes, and says the same for unknown emails", async () => {
    const person = await givenUser(database.db, { displayName: "Reese Morgan" });
    const known = await post("/api/v1/password-resets", { email: person.email });
    const unknown = await post("/api/v1/password-resets", { email: "nobody-here@test.bridgeway.example" });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(await mailTo("nobody-here@test.bridgeway.example")).toHaveLength(0);
    const [mail] = await mailTo(person.email);
    expect(mail!.subject).toBe("Reset your Bridgeway password");
    const token = linkToken(mail!, "reset-password");

    const { cookie } = await signIn(app, person.email, person.password);
    const weak = await post("/api/v1/password-resets/complete", { token, password: "reese.morgan1" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      code: "IDENTITY_PASSWORD_WEAK",
      fields: [{ path: "password" }],
    });

    const done = await post("/api/v1/password-resets/complete", { token, password: STRONG });
    expect(done.statusCode).toBe(204);
    expect(await currentOf(cookie)).toBeNull();
    await signIn(app, person.email, STRONG);

    const reused = await post("/api/v1/password-resets/complete", {
      token,
      password: "another fine long passphrase",
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ code: "TOKEN_INVALID", fields: [{ path: "token" }] });

    await post("/api/v1/password-resets", { email: person.email });
    const late = linkToken((await mailTo(person.email)).at(-1)!, "reset-password");
    clock.advanceMinutes(31);
    const expired = await post("/api/v1/password-resets/complete", {
      token: late,
      password: "another fine long passphrase",
    });
    expect(expired.json().error.code).toBe("TOKEN_INVALID");
    expect(expired.json().error.message).toBe(reused.json().error.message);
  });

  it("names a malformed email or token instead of failing", async () => {
    const bad = await post("/api/v1/password-resets", { email: "not an email" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("email");
    const token = await post("/api/v1/password-resets/complete", { token: "short", password: STRONG });
    expect(token.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["token"]);
  });

  it("lifts a lockout when the password is reset", async () => {
    const person = await givenUser(database.db);
    for (let i = 0; i < 5; i++)
      await post("/api/v1/sessions", { email: person.email, password: "wrong password" });
    expect(
      (await post("/api/v1/sessions", { email: person.email, password: person.password })).statusCode,
    ).toBe(429);
    await post("/api/v1/password-resets", { email: person.email });
    const token = linkToken((await mailTo(person.email)).at(-1)!, "reset-password");
    expect((await post("/api/v1/password-resets/complete", { token, password: STRONG })).statusCode).toBe(
      204,
    );
    expect((await post("/api/v1/sessions", { email: person.email, password: STRONG })).statusCode).toBe(200);
  });

  it("invites a staff member by email; the link shows who it is for, sets a password once, and expires", async () => {
    const { cookie } = await signIn(app, admin.email, admin.password);
    const email = "new.counselor@test.bridgeway.example";
    const created = await post(
      "/api/v1/invitations",
      {
        kind: "staff",
        email,
        displayName: "Noor Haddad",
        roles: ["counselor"],
        siteIds: [siteId],
        requiresCosign: true,
      },
      cookie,
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ emailQueued: true });
    const duplicate = await post(
      "/api/v1/invitations",
      {
        kind: "staff",
        email: email.toUpperCase(),
        displayName: "Noor Again",
        roles: ["counselor"],
        siteIds: [siteId],
      },
      cookie,
    );
    expect(duplicate.json().error).toMatchObject({
      code: "IDENTITY_EMAIL_TAKEN",
      fields: [{ path: "email" }],
    });

    const [mail] = await mailTo(email);
    const token = linkToken(mail!, "invitation");
    const preview = await post("/api/v1/invitations/preview", { token });
    expect(preview.json()).toMatchObject({ email, displayName: "Noor Haddad", kind: "staff" });
    // Before accepting, the account cannot sign in at all.
    expect((await post("/api/v1/sessions", { email, password: STRONG })).statusCode).toBe(401);
    expect((await post("/api/v1/invitations/accept", { token, password: STRONG })).statusCode).toBe(204);
    const session = (await post("/api/v1/sessions", { email, password: STRONG })).json();
    expect(session.user).toMatchObject({
      displayName: "Noor Haddad",
      roles: ["counselor"],
      requiresCosign: true,
    });
    expect((await post("/api/v1/invitations/accept", { token, password: STRONG })).json().error.code).toBe(
      "TOKEN_INVALID",
    );

    const users = await app.inject({ url: "/api/v1/users?q=haddad", headers: { cookie } });
    expect(users.json().users[0]).toMatchObject({
      email,
      status: "active",
      requiresCosign: true,
      siteIds: [siteId],
    });

    const other = "late.counselor@test.bridgeway.example";
    await post(
      "/api/v1/invitations",
      { kind: "staff", email: other, displayName: "Late", roles: ["counselor"], siteIds: [siteId] },
      cookie,
    );
    const lateToken = linkToken((await mailTo(other))[0]!, "invitation");
    clock.advanceMinutes(8 * 24 * 60);
    expect((await post("/api/v1/invitations/preview", { token: lateToken })).json().error.code).toBe(
      "TOKEN_INVALID",
    );
  });

  it("ends my other sessions when I change my password, and lists and revokes sessions", async () => {
    const person = await givenUser(database.db);
    const first = await signIn(app, person.email, person.password);
    const second = await signIn(app, person.email, person.password);
    const listed = await app.inject({ url: "/api/v1/me/sessions", headers: { cookie: first.cookie } });
    expect(listed.json().sessions).toHaveLength(2);
    const wrong = await post(
      "/api/v1/me/password",
      { currentPassword: "nope", newPassword: STRONG },
      first.cookie,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: "IDENTITY_WRONG_PASSWORD",
      fields: [{ path: "currentPassword" }],
    });
    expect(await currentOf(second.cookie)).not.toBeNull();
    const changed = await post(
      "/api/v1/me/password",
      { currentPassword: person.password, newPassword: STRONG },
      first.cookie,
    );
    expect(changed.statusCode).toBe(204);
    expect(await currentOf(first.cookie)).not.toBeNull();
    expect(await currentOf(second.cookie)).toBeNull();

    const third = await signIn(app, person.email, STRONG);
    const sessions = (
      await app.inject({ url: "/api/v1/me/sessions", headers: { cookie: first.cookie } })
    ).json().sessions;
    const target = sessions.find((s: { current: boolean }) => !s.current);
    const revoked = await app.inject({
      method: "DELETE",
      url: `/api/v1/me/sessions/${target.id}`,
      headers: { ...appHeaders, cookie: first.cookie },
    });
    expect(revoked.statusCode).toBe(204);
    expect(await currentOf(third.cookie)).toBeNull();
  });

  it("deactivates a user: their sessions end at once and sign-in gives the usual answer", async () => {
    const adminSession = await signIn(app, admin.email, admin.password);
    const person = await givenUser(database.db, { siteNames: ["Harbor"] });
    const theirs = await signIn(app, person.email, person.password);
    const off = await post(`/api/v1/users/${person.id}/deactivate`, {}, adminSession.cookie);
    expect(off.json()).toMatchObject({ status: "deactivated" });
    expect(await currentOf(theirs.cookie)).toBeNull();
    const again = await post("/api/v1/sessions", { email: person.email, password: person.password });
    expect(again.json().error.code).toBe("AUTH_INVALID_CREDENTIALS");
    const self = await post(`/api/v1/users/${admin.id}/deactivate`, {}, adminSession.cookie);
    expect(self.json().error.code).toBe("IDENTITY_SELF_CHANGE");
    expect(
      (await post(`/api/v1/users/${person.id}/reactivate`, {}, adminSession.cookie)).json(),
    ).toMatchObject({ status: "active" });
  });
});

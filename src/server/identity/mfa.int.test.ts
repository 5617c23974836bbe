import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type GivenUser, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, sessionCookieOf, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { totpCodeAt } from "../../core/identity/totp.rules";
import type { DatabaseHandle } from "../db/connection";
import { DEVICE_COOKIE } from "./auth.routes";

describeEachEngine("two-step verification (TOTP)", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let counselor: GivenUser;
  let admin: GivenUser;
  let key: Uint8Array;
  let recoveryCodes: string[];
  const clock = testClock();

  const post = (url: string, payload: object | undefined, cookie: string) =>
    app.inject({ method: "POST", url, headers: { ...appHeaders, cookie }, ...(payload ? { payload } : {}) });
  const passwordStep = async (user: GivenUser, extraCookie = "") => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: { ...appHeaders, ...(extraCookie ? { cookie: extraCookie } : {}) },
      payload: { email: user.email, password: user.password },
    });
    return { stage: response.json().stage as string, cookie: `bw_session=${sessionCookieOf(response)}` };
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now, staffMfaRequired: true });
    const site = await givenSite(database.db, "Lakeside");
    counselor = await givenUser(database.db, { roles: ["counselor"], siteNames: [site.name] });
    admin = await givenUser(database.db, { roles: ["administrator"], siteNames: [site.name] });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("makes staff enrol before reaching any data, then shows recovery codes once", async () => {
    const { stage, cookie } = await passwordStep(counselor);
    expect(stage).toBe("mfa_enrolment_required");
    const blocked = await app.inject({ url: "/api/v1/participants", headers: { cookie } });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe("AUTH_MFA_PENDING");

    const setup = (await post("/api/v1/me/mfa/totp", undefined, cookie)).json();
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Bridgeway:/);
    expect(setup.qrSvg).toMatch(/^<svg/);
    key = decodeBase32IgnorePadding(setup.secret);

    const wrong = await post("/api/v1/me/mfa/totp/confirm", { code: "000000" }, cookie);
    expect(wrong.json().error).toMatchObject({ code: "MFA_CODE_INVALID", fields: [{ path: "code" }] });
    const confirmed = await post(
      "/api/v1/me/mfa/totp/confirm",
      { code: totpCodeAt(key, clock.now()) },
      cookie,
    );
    expect(confirmed.statusCode).toBe(200);
    recoveryCodes = confirmed.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    expect((await app.inject({ url: "/api/v1/participants", headers: { cookie } })).statusCode).toBe(200);
    const status = (await app.inject({ url: "/api/v1/me/mfa", headers: { cookie } })).json();
    expect(status).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
    const stored = JSON.stringify(await database.db.query.mfaRecoveryCodes.findMany());
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replace("-", ""));
    expect(JSON.stringify(await database.db.query.userMfa.findMany())).not.toContain(setup.secret);
  });

  it("asks for a code at sign-in, refuses a wrong or replayed one, and accepts the next", async () => {
    clock.advanceMinutes(2);
    const first = await passwordStep(counselor);
    expect(first.stage).toBe("mfa_required");
    expect(
      (await app.inject({ url: "/api/v1/participants", headers: { cookie: first.cookie } })).json().error
        .code,
    ).toBe("AUTH_MFA_PENDING");
    // Enrolling again cannot be used to skip the step.
    expect((await post("/api/v1/me/mfa/totp", undefined, first.cookie)).json().error.code).toBe(
      "AUTH_MFA_PENDING",
    );
    const wrong = await post("/api/v1/sessions/current/mfa", { code: "123456" }, first.cookie);
    expect(wrong.json().error).toMatchObject({ code: "MFA_CODE_INVALID", fields: [{ path: "code" }] });
    const code = totpCodeAt(key, clock.now());
    const ok = await post("/api/v1/sessions/current/mfa", { code }, first.cookie);
    expect(ok.json().stage).toBe("active");

    const second = await passwordStep(counselor);
    const replay = await post("/api/v1/sessions/current/mfa", { code }, second.cookie);
    expect(replay.json().error).toMatchObject({ code: "MFA_CODE_REUSED", fields: [{ path: "code" }] });
    clock.advanceMinutes(1);
    const next = await post(
      "/api/v1/sessions/current/mfa",
      { code: totpCodeAt(key, clock.now()) },
      second.cookie,
    );
    expect(next.json().stage).toBe("active");
  });

  it("accepts each recovery code once", async () => {
    const attempt = await passwordStep(counselor);
    const used = await post(
      "/api/v1/sessions/current/mfa",
      { recoveryCode: recoveryCodes[0]!.toUpperCase() },
      attempt.cookie,
    );
    expect(used.json().stage).toBe("active");
    const again = await passwordStep(counselor);
    const reused = await post(
      "/api/v1/sessions/current/mfa",
      { recoveryCode: recoveryCodes[0] },
      again.cookie,
    );
    expect(reused.json().error).toMatchObject({
      code: "MFA_RECOVERY_CODE_INVALID",
      fields: [{ path: "recoveryCode" }],
    });
  });

  it("remembers a device for 12 hours when asked", async () => {
    clock.advanceMinutes(2);
    const attempt = await passwordStep(counselor);
    const done = await post(
      "/api/v1/sessions/current/mfa",
      { code: totpCodeAt(key, clock.now()), rememberDevice: true },
      attempt.cookie,
    );
    const device = done.cookies.find((c) => c.name === DEVICE_COOKIE)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    const deviceCookie = `${DEVICE_COOKIE}=${device.value}`;
    expect((await passwordStep(counselor, deviceCookie)).stage).toBe("active");
    expect((await passwordStep(counselor)).stage).toBe("mfa_required");
    clock.advanceMinutes(12 * 60 + 1);
    expect((await passwordStep(counselor, deviceCookie)).stage).toBe("mfa_required");
  });

  it("refuses to turn MFA off where it is required; an administrator can reset it", async () => {
    clock.advanceMinutes(2);
    const attempt = await passwordStep(counselor);
    await post("/api/v1/sessions/current/mfa", { code: totpCodeAt(key, clock.now()) }, attempt.cookie);
    const off = await app.inject({
      method: "DELETE",
      url: "/api/v1/me/mfa",
      headers: { ...appHeaders, cookie: attempt.cookie },
      payload: { password: counselor.password },
    });
    expect(off.json().error.code).toBe("MFA_REQUIRED");

    const adminStep = await passwordStep(admin);
    expect(adminStep.stage).toBe("mfa_enrolment_required");
    const adminKey = decodeBase32IgnorePadding(
      (await post("/api/v1/me/mfa/totp", undefined, adminStep.cookie)).json().secret,
    );
    await post("/api/v1/me/mfa/totp/confirm", { code: totpCodeAt(adminKey, clock.now()) }, adminStep.cookie);
    const reset = await app.inject({
      method: "DELETE",
      url: `/api/v1/users/${counselor.id}/mfa`,
      headers: { ...appHeaders, cookie: adminStep.cookie },
    });
    expect(reset.statusCode).toBe(204);
    expect(
      (await app.inject({ url: "/api/v1/sessions/current", headers: { cookie: attempt.cookie } })).json()
        .session,
    ).toBeNull();
    expect((await passwordStep(counselor)).stage).toBe("mfa_enrolment_required");
  });

  it("lets participants choose MFA and turn it off again with their password", async () => {
    const person = await givenUser(database.db, { kind: "participant" });
    const step = await passwordStep(person);
    expect(step.stage).toBe("active");
    const personKey = decodeBase32IgnorePadding(
      (await post("/api/v1/me/mfa/totp", undefined, step.cookie)).json().secret,
    );
    await post("/api/v1/me/mfa/totp/confirm", { code: totpCodeAt(personKey, clock.now()) }, step.cookie);
    expect((await passwordStep(person)).stage).toBe("mfa_required");
    const off = await app.inject({
      method: "DELETE",
      url: "/api/v1/me/mfa",
      headers: { ...appHeaders, cookie: step.cookie },
      payload: { password: person.password },
    });
    expect(off.statusCode).toBe(204);
    expect((await passwordStep(person)).stage).toBe("active");
  });
});

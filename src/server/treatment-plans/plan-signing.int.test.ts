import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { totpCodeAt } from "../../core/identity/totp.rules";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { userMfa } from "../db/schema";
import { createKeyring } from "../identity/keyring";
import { aCompletePlan } from "./plans.test-data";

/**
 * Signing a treatment plan: the clinician re-authenticates (a wrong password is refused, audited and
 * counted towards the lockout; an authenticator code works once), the participant never sees a draft
 * and signs by typing their name as it is on their record, a named supervisor co-signs when the
 * clinician asks for it, and the signed version supersedes the one before it.
 */

const PEOPLE = ["counselor", "director", "otherDirector", "casey"] as const;
type Person = (typeof PEOPLE)[number];
const PHONE =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

describeEachEngine("treatment plans: signing", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-09T19:05:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let participantId = "";
  let planId = "";
  let totpKey: Uint8Array;

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (who: Person, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: await cookie(who), "user-agent": PHONE },
      ...(payload ? { payload } : {}),
    });
  const chart = async () =>
    (await call("counselor", "GET", `/participants/${participantId}/treatment-plan`)).json().plan;
  const staffSign = (
    who: Person,
    version: { id: string; revision: number },
    proof: object,
    role = "clinician",
  ) =>
    call(who, "POST", `/treatment-plans/${planId}/versions/${version.id}/signatures`, {
      role,
      revision: version.revision,
      ...proof,
    });
  const finalize = (version: { id: string; revision: number }) =>
    call("counselor", "POST", `/treatment-plans/${planId}/versions/${version.id}/finalize`, {
      revision: version.revision,
    });
  const myPlan = async () => (await call("casey", "GET", "/me/treatment-plan")).json().plan;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    credentials.counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Alex Kim",
    });
    credentials.director = await givenUser(db, {
      roles: ["clinical_director"],
      siteNames: [site.name],
      displayName: "Dana Reyes",
    });
    credentials.otherDirector = await givenUser(db, {
      roles: ["clinical_director"],
      siteNames: [site.name],
      displayName: "Sam Ortiz",
    });
    credentials.casey = await givenUser(db, { kind: "participant", displayName: "Casey" });
    participantId = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Casey",
        familyName: "Morgan",
        userId: credentials.casey.id,
        careTeam: [{ userId: credentials.counselor.id, role: "primary_counselor" }],
      })
    ).id;
    // The director signs with an authenticator app (set up after signing in, to skip the sign-in step).
    await cookie("director");
    const keyring = await createKeyring(db);
    totpKey = new Uint8Array(randomBytes(20));
    await db.insert(userMfa).values({
      userId: credentials.director.id,
      totpSecret: keyring.encrypt(totpKey),
      confirmedAt: new Date("2026-01-01T00:00:00Z"),
      lastUsedStep: null,
    });

    const started = await call("counselor", "POST", `/participants/${participantId}/treatment-plan`, {
      startsOn: "2026-03-09",
      language: "en",
    });
    planId = started.json().plan.planId;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("never shows the participant a draft", async () => {
    const plan = await chart();
    const saved = await call("counselor", "PUT", `/treatment-plans/${planId}/versions/${plan.open.id}`, {
      revision: 1,
      startsOn: "2026-03-09",
      language: "en",
      cosignerUserId: credentials.director.id,
      content: aCompletePlan(),
    });
    expect(saved.statusCode).toBe(200);
    expect(await myPlan()).toBeNull();
    const signing = await call("casey", "POST", "/me/treatment-plan/signatures", {
      versionId: plan.open.id,
      revision: 2,
      typedName: "Casey Morgan",
    });
    expect(signing.statusCode).toBe(404);
    // The chart's routes are for staff: the participant's plan is in their own area.
    const chartRead = await call("casey", "GET", `/participants/${participantId}/treatment-plan`);
    expect(chartRead.statusCode).toBe(403);
    const versionRead = await call("casey", "GET", `/treatment-plans/${planId}/versions/${plan.open.id}`);
    expect(versionRead.statusCode).toBe(403);

    const frozen = await finalize(saved.json());
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json().requiredRoles).toEqual(["clinician", "participant", "supervisor"]);
    const mine = await myPlan();
    expect(mine).toMatchObject({
      awaitingMySignature: true,
      expectedNames: ["Casey Morgan"],
      version: { id: plan.open.id, status: "awaiting_signatures" },
    });
  });

  it("refuses a wrong password on the field, audits it and counts it towards the lockout", async () => {
    const version = (await chart()).open;
    const response = await staffSign("counselor", version, { password: "not my password" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("IDENTITY_WRONG_PASSWORD");
    expect(response.json().error.fields[0].path).toBe("password");
    const audited = await queryRows<{ outcome: string; actor_user_id: string }>(
      database.db,
      sql`select outcome, actor_user_id from audit_events where action = 'auth.reauthenticate'`,
    );
    expect(audited).toEqual([{ outcome: "denied", actor_user_id: credentials.counselor.id }]);
    const [throttle] = await queryRows<{ failures: number }>(
      database.db,
      sql`select failures from auth_throttles where key like 'account:%'`,
    );
    expect(throttle!.failures).toBe(1);
    expect((await chart()).open.signatures).toEqual([]);
  });

  it("records the clinician's signature with the content hash and the device; the version still awaits the others", async () => {
    const version = (await chart()).open;
    const response = await staffSign("counselor", version, { password: credentials.counselor.password });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("awaiting_signatures");
    expect(response.json().signatures).toEqual([
      {
        role: "clinician",
        signer: { id: credentials.counselor.id, displayName: "Alex Kim" },
        method: "password",
        typedName: null,
        signedAt: "2026-03-09T19:05:00.000Z",
        device: expect.stringContaining("Android"),
      },
    ]);
    const [row] = await queryRows<{ same: boolean; user_agent: string; ip_address: string | null }>(
      database.db,
      sql`select s.content_sha256 = v.content_sha256 as same, s.user_agent, s.ip_address
          from treatment_plan_signatures s join treatment_plan_versions v on v.id = s.version_id`,
    );
    expect(row).toMatchObject({ same: true, user_agent: PHONE });
    expect(row!.ip_address).toBeTruthy();
    // A successful re-authentication clears the account's failures.
    const throttles = await queryRows(
      database.db,
      sql`select 1 from auth_throttles where key like 'account:%'`,
    );
    expect(throttles).toEqual([]);

    const again = await staffSign("counselor", version, { password: credentials.counselor.password });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("TREATMENT_PLAN_ALREADY_SIGNED");
  });

  it("refuses the participant's signature under another name, then takes it under theirs", async () => {
    const mine = await myPlan();
    const wrong = await call("casey", "POST", "/me/treatment-plan/signatures", {
      versionId: mine.version.id,
      revision: mine.version.revision,
      typedName: "Casey Morgn",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      { path: "typedName", message: "Type your name as it is on your record: Casey Morgan." },
    ]);
    const right = await call("casey", "POST", "/me/treatment-plan/signatures", {
      versionId: mine.version.id,
      revision: mine.version.revision,
      typedName: "  casey MORGAN ",
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().plan.awaitingMySignature).toBe(false);
    const participantSignature = right
      .json()
      .plan.version.signatures.find((s: { role: string }) => s.role === "participant");
    expect(participantSignature).toMatchObject({ method: "typed_name", typedName: "casey MORGAN" });
    // Co-signature still missing: not yet in force.
    expect(right.json().plan.version.status).toBe("awaiting_signatures");
    expect((await chart()).current).toBeNull();
  });

  it("takes the supervisor's signature only from the named co-signer, and then puts the plan in force", async () => {
    const version = (await chart()).open;
    const notNamed = await staffSign(
      "otherDirector",
      version,
      { password: credentials.otherDirector.password },
      "supervisor",
    );
    expect(notNamed.statusCode).toBe(403);
    expect(notNamed.json().error.code).toBe("TREATMENT_PLAN_NOT_COSIGNER");
    const counselorAsSupervisor = await staffSign(
      "counselor",
      version,
      { password: credentials.counselor.password },
      "supervisor",
    );
    expect(counselorAsSupervisor.statusCode).toBe(403);

    const badCode = await staffSign("director", version, { code: "000000" }, "supervisor");
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error).toMatchObject({ code: "MFA_CODE_INVALID", fields: [{ path: "code" }] });

    const code = totpCodeAt(totpKey, clock.now());
    const signed = await staffSign("director", version, { code }, "supervisor");
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: "signed", signedAt: "2026-03-09T19:05:00.000Z" });
    expect(
      signed.json().signatures.map((s: { role: string; method: string }) => `${s.role}:${s.method}`),
    ).toEqual(["clinician:password", "participant:typed_name", "supervisor:totp"]);
    const plan = await chart();
    expect(plan.current).toMatchObject({ id: version.id, status: "signed" });
    expect(plan.open).toBeNull();
    expect(await myPlan()).toMatchObject({ awaitingMySignature: false, version: { status: "signed" } });
  });

  it("refuses an authenticator code used once already", async () => {
    // A later code: each is usable once.
    clock.advanceMinutes(2);
    const revision = await call("counselor", "POST", `/treatment-plans/${planId}/revisions`);
    expect(revision.statusCode).toBe(201);
    const v2 = revision.json();
    const content = structuredClone(v2.content);
    content.barriers.push("No car");
    const saved = await call("counselor", "PUT", `/treatment-plans/${planId}/versions/${v2.id}`, {
      revision: 1,
      startsOn: "2026-03-09",
      language: "en",
      cosignerUserId: credentials.director.id,
      content,
    });
    const frozen = (await finalize(saved.json())).json();
    const code = totpCodeAt(totpKey, clock.now());
    expect((await staffSign("director", frozen, { code }, "supervisor")).statusCode).toBe(200);
    const replay = await staffSign("director", frozen, { code }, "clinician");
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe("MFA_CODE_REUSED");
  });

  it("supersedes the version in force when the revision is signed, in one step", async () => {
    const v1 = (await chart()).current;
    const v2 = (await chart()).open;
    expect((await staffSign("counselor", v2, { password: credentials.counselor.password })).statusCode).toBe(
      200,
    );
    const signed = await call("casey", "POST", "/me/treatment-plan/signatures", {
      versionId: v2.id,
      revision: v2.revision,
      typedName: "Casey Morgan",
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().plan.version.status).toBe("signed");
    const plan = await chart();
    expect(plan.current.id).toBe(v2.id);
    expect(plan.versions.map((v: { number: number; status: string }) => `${v.number}:${v.status}`)).toEqual([
      "2:signed",
      "1:superseded",
    ]);
    expect(plan.versions[1].id).toBe(v1.id);
    const events = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where action = 'treatment_plan.version_signed'`,
    );
    expect(events).toHaveLength(2);
  });

  it("locks the account after repeated wrong passwords, as sign-in does", async () => {
    const plan = await chart();
    const revision = await call("counselor", "POST", `/treatment-plans/${planId}/revisions`);
    const frozen = (
      await call("counselor", "PUT", `/treatment-plans/${planId}/versions/${revision.json().id}`, {
        revision: 1,
        startsOn: "2026-03-09",
        language: "en",
        cosignerUserId: null,
        content: plan.current.content,
      })
    ).json();
    const awaiting = (await finalize(frozen)).json();
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      codes.push((await staffSign("counselor", awaiting, { password: `wrong ${i}` })).json().error.code);
    }
    expect(codes).toEqual([
      "IDENTITY_WRONG_PASSWORD",
      "IDENTITY_WRONG_PASSWORD",
      "IDENTITY_WRONG_PASSWORD",
      "IDENTITY_WRONG_PASSWORD",
      "AUTH_LOCKED",
      "AUTH_LOCKED",
    ]);
    const right = await staffSign("counselor", awaiting, { password: credentials.counselor.password });
    expect(right.json().error.code).toBe("AUTH_LOCKED");
  });
});

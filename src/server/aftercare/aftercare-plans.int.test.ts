import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { EMPTY_SAFETY_PLAN } from "../../core/personal-plans/personal-plan.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * The aftercare plan over the API: co-written by the participant (on /me) and their counselor (in the
 * chart) with optimistic locking, signed by both (the participant types their name as on the record),
 * an edit after a signature clears the signatures; another participant, staff outside the care team
 * and a participant discharged long ago are refused.
 */

const PEOPLE = ["ana", "ben", "carl", "counselor", "stranger"] as const;
type Person = (typeof PEOPLE)[number];

const stepDown = {
  kind: "other_provider",
  levelOfCare: "1.0",
  providerName: "Eastside Counseling",
  phone: "555-0100",
  appointmentOn: "2026-12-01",
  appointmentTime: "10:00",
  confirmed: false,
};

describeEachEngine("Aftercare plan: co-written, versioned, signed by both", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-20T20:00:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let anaId = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (who: Person, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      ...(payload ? { payload } : {}),
    });
  const auditOf = (action: string) =>
    queryRows<{ outcome: string; participant_id: string | null; refused: string | null }>(
      database.db,
      sql`select outcome, participant_id, (details::jsonb)->>'refused' as refused
            from audit_events where action = ${action} order by seq`,
    );
  const chart = () => `/participants/${anaId}/aftercare-plan`;

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
    credentials.stranger = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Casey Lin",
    });
    credentials.ana = await givenUser(db, { kind: "participant", displayName: "Ana Diaz" });
    credentials.ben = await givenUser(db, { kind: "participant", displayName: "Ben Ortiz" });
    credentials.carl = await givenUser(db, { kind: "participant", displayName: "Carl Moss" });
    anaId = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Ana María",
        familyName: "Díaz",
        userId: credentials.ana.id,
        careTeam: [{ userId: credentials.counselor.id, role: "primary_counselor" }],
      })
    ).id;
    // Ben was discharged 19 days ago: his plan is still written on that episode.
    await givenParticipant(db, {
      siteId: site.id,
      givenName: "Ben",
      familyName: "Ortiz",
      userId: credentials.ben.id,
      dischargedOn: "2026-11-01",
    });
    // Carl was discharged 50 days ago: too late to write a plan.
    await givenParticipant(db, {
      siteId: site.id,
      givenName: "Carl",
      familyName: "Moss",
      userId: credentials.carl.id,
      admittedOn: "2026-07-01",
      dischargedOn: "2026-10-01",
    });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("starts empty at version 0, with the step-down decision as the one blocking gap", async () => {
    const res = await call("counselor", "GET", chart());
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ version: 0, status: "draft", updatedBy: null, safetyPlan: null });
    expect(plan.episode.dischargedOn).toBeNull();
    expect(plan.gaps.blocking.map((g: { path: string }) => g.path)).toEqual(["stepDown"]);
    expect(plan.gaps.advisory.map((g: { code: string }) => g.code)).toContain("supports_missing");
  });

  it("refuses a signature while the step-down decision is missing, naming the field", async () => {
    const saved = await call("ana", "PUT", "/me/aftercare-plan", {
      version: 0,
      content: { goals: "Call my sponsor every Friday." },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      signaturesCleared: false,
      updatedBy: { kind: "participant" },
    });
    const refused = await call("ana", "POST", "/me/aftercare-plan/sign", {
      typedName: "Ana María Díaz",
      version: 1,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("AFTERCARE_PLAN_INCOMPLETE");
    expect(refused.json().error.fields).toEqual([{ path: "content.stepDown", message: expect.any(String) }]);
  });

  it("co-writes: the counselor adds the step-down, the participant sees it and adds a meeting, the counselor sees that", async () => {
    const staff = await call("counselor", "GET", chart());
    expect(staff.json().content.goals).toBe("Call my sponsor every Friday.");
    const v2 = await call("counselor", "PUT", chart(), {
      version: 1,
      content: { ...staff.json().content, stepDown },
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({ version: 2, updatedBy: { kind: "staff", displayName: "Alex Kim" } });
    expect(v2.json().gaps.blocking).toEqual([]);

    const mine = (await call("ana", "GET", "/me/aftercare-plan")).json();
    expect(mine.content.stepDown).toMatchObject({
      providerName: "Eastside Counseling",
      appointmentOn: "2026-12-01",
    });
    const v3 = await call("ana", "PUT", "/me/aftercare-plan", {
      version: 2,
      content: {
        ...mine.content,
        meetings: [{ kind: "na", name: "Hope at Noon", weekday: "wednesday", time: "12:00" }],
      },
    });
    expect(v3.statusCode).toBe(200);
    expect(v3.json().version).toBe(3);
    const seen = (await call("counselor", "GET", chart())).json();
    expect(seen.content.meetings).toEqual([
      { kind: "na", name: "Hope at Noon", weekday: "wednesday", time: "12:00", place: "" },
    ]);
    expect(seen.updatedBy).toEqual({ kind: "participant", displayName: "Ana Diaz" });
  });

  it("answers a save from an older version with a conflict naming who saved last, and keeps their save", async () => {
    const res = await call("counselor", "PUT", chart(), {
      version: 2,
      content: { stepDown, goals: "Overwrite" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("AFTERCARE_PLAN_EDIT_CONFLICT");
    expect(res.json().error.message).toContain("Ana Diaz");
    expect(res.json().error.current.version).toBe(3);
    const now = (await call("counselor", "GET", chart())).json();
    expect(now.content.goals).toBe("Call my sponsor every Friday.");
    expect(now.content.meetings).toHaveLength(1);
  });

  it("refuses bad input with field paths, and a save that changes nothing keeps the version", async () => {
    const bad = await call("ana", "PUT", "/me/aftercare-plan", {
      version: 3,
      content: { stepDown: { ...stepDown, appointmentOn: "12/01/2026" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(bad.json().error.fields)).toContain("appointmentOn");
    const current = (await call("ana", "GET", "/me/aftercare-plan")).json();
    const same = await call("ana", "PUT", "/me/aftercare-plan", { version: 3, content: current.content });
    expect(same.json()).toMatchObject({ version: 3, signaturesCleared: false });
  });

  it("carries the participant's current safety plan into the plan, read-only", async () => {
    const safety = await call("ana", "PUT", "/me/personal-plans/safety", {
      kind: "safety",
      baseVersion: 0,
      content: { ...EMPTY_SAFETY_PLAN, thingsICanDo: ["Walk the dog"] },
    });
    expect(safety.statusCode).toBe(200);
    const plan = (await call("counselor", "GET", chart())).json();
    expect(plan.safetyPlan).toMatchObject({ version: 1, content: { thingsICanDo: ["Walk the dog"] } });
    expect(plan.gaps.advisory.map((g: { code: string }) => g.code)).not.toContain("crisis_plan_empty");
  });

  it("refuses the participant's signature with a name that is not theirs, and accepts their name typed loosely", async () => {
    const wrong = await call("ana", "POST", "/me/aftercare-plan/sign", {
      typedName: "Ana Smith",
      version: 3,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: "AFTERCARE_SIGNATURE_MISMATCH",
      fields: [{ path: "typedName" }],
    });
    expect((await call("ana", "GET", "/me/aftercare-plan")).json().participantSignedAt).toBeNull();

    const stale = await call("ana", "POST", "/me/aftercare-plan/sign", {
      typedName: "Ana María Díaz",
      version: 2,
    });
    expect(stale.statusCode).toBe(409);

    const signed = await call("ana", "POST", "/me/aftercare-plan/sign", {
      typedName: "  ana maría   DÍAZ ",
      version: 3,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: "draft", participantSignedAt: clock.now().toISOString() });
    const twice = await call("ana", "POST", "/me/aftercare-plan/sign", {
      typedName: "Ana María Díaz",
      version: 3,
    });
    expect(twice.json().error.code).toBe("AFTERCARE_PLAN_ALREADY_SIGNED");
  });

  it("becomes signed when the clinician signs too", async () => {
    const res = await call("counselor", "POST", `${chart()}/sign`, { version: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "signed", staffSignedBy: "Alex Kim", version: 3 });
    expect((await call("ana", "GET", "/me/aftercare-plan")).json().status).toBe("signed");
  });

  it("clears both signatures and raises the version when either side edits a signed plan", async () => {
    const plan = (await call("ana", "GET", "/me/aftercare-plan")).json();
    const res = await call("ana", "PUT", "/me/aftercare-plan", {
      version: 3,
      content: { ...plan.content, goals: "Call my sponsor every Friday and Tuesday." },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 4,
      status: "draft",
      signaturesCleared: true,
      participantSignedAt: null,
      staffSignedAt: null,
      staffSignedBy: null,
    });
    const rows = await queryRows<{ participant_signature: string | null }>(
      database.db,
      sql`select participant_signature from aftercare_plans where participant_id = ${anaId}`,
    );
    expect(rows).toEqual([{ participant_signature: null }]);
  });

  it("keeps writing the plan of a participant discharged less than 30 days ago, and not after", async () => {
    const ben = await call("ben", "GET", "/me/aftercare-plan");
    expect(ben.statusCode).toBe(200);
    expect(ben.json().episode.dischargedOn).toBe("2026-11-01");
    const carl = await call("carl", "GET", "/me/aftercare-plan");
    expect(carl.statusCode).toBe(404);
    expect(carl.json().error.code).toBe("AFTERCARE_PLAN_NO_EPISODE");
  });

  it("refuses another participant, staff outside the care team, staff on /me and a participant on the chart", async () => {
    const other = await call("ben", "GET", chart());
    expect([403, 404]).toContain(other.statusCode);
    const otherPut = await call("ben", "PUT", chart(), { version: 4, content: {} });
    expect([403, 404]).toContain(otherPut.statusCode);
    const self = await call("ana", "GET", chart());
    expect([403, 404]).toContain(self.statusCode);
    expect((await call("stranger", "GET", chart())).statusCode).toBe(403);
    expect((await call("stranger", "POST", `${chart()}/sign`, { version: 4 })).statusCode).toBe(403);
    expect((await call("counselor", "GET", "/me/aftercare-plan")).statusCode).toBe(403);
    expect(
      (await call("counselor", "POST", "/me/aftercare-plan/sign", { typedName: "Alex Kim", version: 4 }))
        .statusCode,
    ).toBe(403);
    // Nothing leaked or changed.
    expect((await call("counselor", "GET", chart())).json().version).toBe(4);
  });

  it("audits every read and write, and every refusal", async () => {
    const views = await auditOf("aftercare_plan.view");
    expect(views.filter((v) => v.participant_id === anaId && v.outcome === "allowed").length).toBeGreaterThan(
      5,
    );
    // Staff on the participant's own address: refused access, audited as denied.
    expect(views.some((v) => v.outcome === "denied" && v.participant_id === null)).toBe(true);
    // Carl's plan cannot be written any more: an allowed read that found nothing to write.
    expect(views.some((v) => v.refused === "no_episode")).toBe(true);
    const saves = await auditOf("aftercare_plan.save");
    expect(saves.some((s) => s.refused === "conflict")).toBe(true);
    expect(
      saves.filter((s) => s.outcome === "allowed" && s.participant_id === anaId).length,
    ).toBeGreaterThanOrEqual(4);
    const signs = await auditOf("aftercare_plan.sign");
    expect(signs.filter((s) => s.outcome === "allowed" && s.refused === null)).toHaveLength(2);
    expect(signs.map((s) => s.refused).filter(Boolean)).toEqual(
      expect.arrayContaining(["incomplete", "name", "conflict", "already"]),
    );
    expect(signs.some((s) => s.outcome === "denied")).toBe(true);
  });
});

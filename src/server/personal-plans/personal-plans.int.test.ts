import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { EMPTY_RECOVERY_PLAN, EMPTY_SAFETY_PLAN } from "../../core/personal-plans/personal-plan.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * Recovery and safety plans over the API: the participant and their counselor co-edit with
 * optimistic locking, every change is a version, each side sees what the other changed since it last
 * looked; another participant, staff outside the care team and the chart's routes for a participant
 * are refused (and audited).
 */

const PEOPLE = ["ana", "ben", "counselor", "stranger"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("Recovery and safety plans: co-edited, versioned, private", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-20T20:00:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let anaId = "";
  let benId = "";

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
    queryRows<{ outcome: string; actor_user_id: string; participant_id: string | null }>(
      database.db,
      sql`select outcome, actor_user_id, participant_id from audit_events where action = ${action} order by seq`,
    );
  const safety = (over: Partial<typeof EMPTY_SAFETY_PLAN>) => ({ ...EMPTY_SAFETY_PLAN, ...over });

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
    anaId = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Ana",
        userId: credentials.ana.id,
        careTeam: [{ userId: credentials.counselor.id, role: "primary_counselor" }],
      })
    ).id;
    // Ben was discharged: he still reads and keeps his own plans.
    benId = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Ben",
        userId: credentials.ben.id,
        dischargedOn: "2026-11-01",
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("starts empty at version 0 and keeps no version for a save that changes nothing", async () => {
    const empty = await call("ana", "GET", "/me/personal-plans/safety");
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({
      kind: "safety",
      version: 0,
      content: EMPTY_SAFETY_PLAN,
      updatedAt: null,
      updatedBy: null,
      changedSinceSeen: [],
    });
    const noop = await call("ana", "PUT", "/me/personal-plans/safety", {
      kind: "safety",
      baseVersion: 0,
      content: EMPTY_SAFETY_PLAN,
    });
    expect(noop.statusCode).toBe(200);
    expect(noop.json().version).toBe(0);
    expect((await call("ana", "GET", "/me/personal-plans/safety/versions")).json()).toEqual({ versions: [] });
  });

  it("co-edits: the participant saves, the counselor sees what changed, edits, and the participant sees the counselor's change", async () => {
    const first = await call("ana", "PUT", "/me/personal-plans/safety", {
      kind: "safety",
      baseVersion: 0,
      // The note of a contact may be left out.
      content: {
        ...EMPTY_SAFETY_PLAN,
        warningSigns: ["  I stop answering texts  "],
        peopleToAsk: [{ name: "Sam", phone: "555-0100" }],
      },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      version: 1,
      updatedAt: "2026-11-20T20:00:00.000Z",
      updatedBy: { kind: "participant", displayName: "Ana Diaz" },
      changedSinceSeen: [],
      content: {
        warningSigns: ["I stop answering texts"],
        peopleToAsk: [{ name: "Sam", phone: "555-0100", note: "" }],
      },
    });

    const staffView = await call("counselor", "GET", `/participants/${anaId}/personal-plans/safety`);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json().changedSinceSeen).toEqual(["warningSigns", "peopleToAsk"]);
    const seen = await call("counselor", "POST", `/participants/${anaId}/personal-plans/safety/seen`, {
      version: 1,
    });
    expect(seen.json().changedSinceSeen).toEqual([]);

    const edited = await call("counselor", "PUT", `/participants/${anaId}/personal-plans/safety`, {
      kind: "safety",
      baseVersion: 1,
      content: safety({
        ...staffView.json().content,
        professionals: [{ name: "Alex Kim (counselor)", phone: "555-0142", note: "Weekdays" }],
      }),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      updatedBy: { kind: "staff", displayName: "Alex Kim" },
    });
    expect(edited.json().changedSinceSeen).toEqual([]);

    const mine = (await call("ana", "GET", "/me/personal-plans/safety")).json();
    expect(mine.changedSinceSeen).toEqual(["professionals"]);
    const after = await call("ana", "POST", "/me/personal-plans/safety/seen", { version: 2 });
    expect(after.json().changedSinceSeen).toEqual([]);
    expect((await call("ana", "GET", "/me/personal-plans/safety")).json().changedSinceSeen).toEqual([]);
    // The counselor's own edit is no news to the counselor.
    expect(
      (await call("counselor", "GET", `/participants/${anaId}/personal-plans/safety`)).json()
        .changedSinceSeen,
    ).toEqual([]);
  });

  it("keeps every version: the history lists who changed which sections, and an old version opens read-only", async () => {
    const history = await call("ana", "GET", "/me/personal-plans/safety/versions");
    expect(history.statusCode).toBe(200);
    expect(history.json().versions).toEqual([
      {
        version: 2,
        editedAt: "2026-11-20T20:00:00.000Z",
        editor: { kind: "staff", displayName: "Alex Kim" },
        changedSections: ["professionals"],
      },
      {
        version: 1,
        editedAt: "2026-11-20T20:00:00.000Z",
        editor: { kind: "participant", displayName: "Ana Diaz" },
        changedSections: ["warningSigns", "peopleToAsk"],
      },
    ]);
    const v1 = await call("counselor", "GET", `/participants/${anaId}/personal-plans/safety/versions/1`);
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ kind: "safety", version: 1, content: { professionals: [] } });
    const missing = await call("ana", "GET", "/me/personal-plans/safety/versions/9");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("PERSONAL_PLAN_VERSION_NOT_FOUND");
  });

  it("answers a save from an old version with a conflict carrying the plan as it is now, and keeps nothing", async () => {
    const stale = await call("ana", "PUT", "/me/personal-plans/safety", {
      kind: "safety",
      baseVersion: 1,
      content: safety({ reasonsForLiving: ["my daughter"] }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "PERSONAL_PLAN_EDIT_CONFLICT",
      current: { version: 2, content: { professionals: [{ name: "Alex Kim (counselor)" }] } },
    });
    const head = (await call("ana", "GET", "/me/personal-plans/safety")).json();
    expect(head.version).toBe(2);
    expect(head.content.reasonsForLiving).toEqual([]);
  });

  it("keeps the two plans apart, and lets a discharged participant read and keep theirs", async () => {
    expect((await call("ana", "GET", "/me/personal-plans/recovery")).json().version).toBe(0);
    const saved = await call("ben", "PUT", "/me/personal-plans/recovery", {
      kind: "recovery",
      baseVersion: 0,
      content: { ...EMPTY_RECOVERY_PLAN, reasonsForRecovery: ["my health"] },
    });
    expect(saved.statusCode).toBe(200);
    expect(
      (await call("ben", "GET", "/me/personal-plans/recovery")).json().content.reasonsForRecovery,
    ).toEqual(["my health"]);
  });

  it("never lets a participant reach another participant's plan", async () => {
    // Ana's own area only ever holds Ana's plans.
    expect((await call("ben", "GET", "/me/personal-plans/safety")).json().version).toBe(0);
    const other = await call("ben", "GET", `/participants/${anaId}/personal-plans/safety`);
    expect(other.statusCode).toBe(404);
    const write = await call("ben", "PUT", `/participants/${anaId}/personal-plans/safety`, {
      kind: "safety",
      baseVersion: 2,
      content: EMPTY_SAFETY_PLAN,
    });
    expect(write.statusCode).toBe(404);
    // Their own chart route is staff's: refused, audited as denied.
    const ownChart = await call("ana", "GET", `/participants/${anaId}/personal-plans/safety`);
    expect(ownChart.statusCode).toBe(403);
    const denied = (await auditOf("personal_plan.view")).filter((e) => e.outcome === "denied");
    expect(denied).toContainEqual(
      expect.objectContaining({ actor_user_id: credentials.ana.id, participant_id: anaId }),
    );
  });

  it("refuses staff outside the care team (denied audit) and staff in the participant's own area", async () => {
    const refused = await call("stranger", "GET", `/participants/${anaId}/personal-plans/safety`);
    expect(refused.statusCode).toBe(403);
    const denied = await queryRows<{ actor_user_id: string }>(
      database.db,
      sql`select actor_user_id from audit_events where outcome = 'denied' and participant_id = ${anaId}
            and actor_user_id = ${credentials.stranger.id}`,
    );
    expect(denied.length).toBeGreaterThan(0);
    const edit = await call("stranger", "PUT", `/participants/${anaId}/personal-plans/safety`, {
      kind: "safety",
      baseVersion: 2,
      content: EMPTY_SAFETY_PLAN,
    });
    expect(edit.statusCode).toBe(403);

    const staffInMe = await call("counselor", "GET", "/me/personal-plans/safety");
    expect(staffInMe.statusCode).toBe(403);
    expect(await auditOf("personal_plan.view")).toContainEqual(
      expect.objectContaining({ actor_user_id: credentials.counselor.id, outcome: "denied" }),
    );
  });

  it("audits every read and write with the participant", async () => {
    const saves = await auditOf("personal_plan.save");
    expect(saves.filter((e) => e.outcome === "allowed").map((e) => e.participant_id)).toEqual(
      expect.arrayContaining([anaId, benId]),
    );
    expect((await auditOf("personal_plan.history")).length).toBeGreaterThan(0);
    expect((await auditOf("personal_plan.version_view")).length).toBeGreaterThan(0);
    expect((await auditOf("personal_plan.mark_seen")).length).toBe(2);
  });

  it("names the field of bad input", async () => {
    const bad = await call("ana", "PUT", "/me/personal-plans/safety", {
      kind: "safety",
      baseVersion: 2,
      content: {
        ...EMPTY_SAFETY_PLAN,
        warningSigns: ["   "],
        peopleToAsk: [{ name: "Sam", phone: "call me" }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["content.warningSigns.0", "content.peopleToAsk.0.phone"]),
    );
    const mismatch = await call("ana", "PUT", "/me/personal-plans/safety", {
      kind: "recovery",
      baseVersion: 0,
      content: EMPTY_RECOVERY_PLAN,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields).toEqual([{ path: "kind", message: expect.any(String) }]);
    const kind = await call("ana", "GET", "/me/personal-plans/relapse");
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields[0].path).toBe("params.kind");
    const ahead = await call("ana", "POST", "/me/personal-plans/safety/seen", { version: 7 });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().error.fields[0].path).toBe("version");
  });
});

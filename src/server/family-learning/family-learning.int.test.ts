import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenFamilyLink, givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type {
  FamilyCheckInList,
  FamilyCheckInSaved,
  FamilyLearning,
  ModuleProgress,
} from "../../core/family-learning/family-learning.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * A family member's own learning progress and check-ins over HTTP on a real database: Robin is
 * linked to a participant at a New York site, Kim has no link (UTC days); a participant and a
 * counselor are refused.
 */

type Who = "robin" | "kim" | "participant" | "counselor";

describeEachEngine("family learning and check-ins", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-03-10T03:30:00Z"); // 23:30 on 9 March in New York
  const accounts = new Map<Who, { email: string; password: string; id: string }>();
  const cookies = new Map<Who, string>();

  async function setClock(at: string) {
    current = new Date(at);
    for (const [who, account] of accounts)
      cookies.set(who, (await signIn(app, account.email, account.password)).cookie);
  }

  function call(who: Who, method: "GET" | "PUT", url: string, payload?: Record<string, unknown>) {
    return app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies.get(who)! },
      ...(payload ? { payload } : {}),
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Family Learning Site");
    const counselor = await givenUser(database.db, { roles: ["counselor"], siteNames: [site.name] });
    const participantUser = await givenUser(database.db, { kind: "participant" });
    const participant = await givenParticipant(database.db, { siteId: site.id, userId: participantUser.id });
    const robin = await givenUser(database.db, { kind: "family", displayName: "Robin Family" });
    const kim = await givenUser(database.db, { kind: "family", displayName: "Kim Family" });
    await givenFamilyLink(database.db, robin.id, participant.id);
    for (const [who, user] of [
      ["robin", robin],
      ["kim", kim],
      ["participant", participantUser],
      ["counselor", counselor],
    ] as const)
      accounts.set(who, user);
    await setClock(current.toISOString());
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists the nine modules with no progress for a new family member", async () => {
    const response = await call("robin", "GET", "/family/learning");
    expect(response.statusCode).toBe(200);
    const body = response.json<FamilyLearning>();
    expect(body.total).toBe(9);
    expect(body.completedCount).toBe(0);
    expect(body.modules[0]).toEqual({
      moduleKey: "health-condition-and-iop",
      exerciseAnswer: "",
      completed: false,
      completedAt: null,
      updatedAt: null,
    });
  });

  it("saves an exercise answer, marks a module done, and keeps the first time it was done", async () => {
    const draft = await call("robin", "PUT", "/family/learning/safety-first", {
      exerciseAnswer: "Go to my sister's; call 1-800-799-7233.",
      completed: false,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json<ModuleProgress>().completed).toBe(false);

    const done = await call("robin", "PUT", "/family/learning/safety-first", {
      exerciseAnswer: "Go to my sister's; call 1-800-799-7233. Keep keys by the door.",
      completed: true,
    });
    expect(done.json<ModuleProgress>().completedAt).toBe(current.toISOString());
    const firstDone = done.json<ModuleProgress>().completedAt;

    current = new Date(current.getTime() + 60_000);
    await call("robin", "PUT", "/family/learning/safety-first", {
      exerciseAnswer: "Go to my sister's; call 1-800-799-7233. Keep keys by the door.",
      completed: true,
    });
    const list = (await call("robin", "GET", "/family/learning")).json<FamilyLearning>();
    expect(list.completedCount).toBe(1);
    const safety = list.modules.find((m) => m.moduleKey === "safety-first")!;
    expect(safety.exerciseAnswer).toBe("Go to my sister's; call 1-800-799-7233. Keep keys by the door.");
    expect(safety.completedAt).toBe(firstDone);

    const undone = await call("robin", "PUT", "/family/learning/safety-first", {
      exerciseAnswer: safety.exerciseAnswer,
      completed: false,
    });
    expect(undone.json<ModuleProgress>()).toMatchObject({ completed: false, completedAt: null });
    await call("robin", "PUT", "/family/learning/safety-first", {
      exerciseAnswer: safety.exerciseAnswer,
      completed: true,
    });
  });

  it("refuses an answer over 2,000 characters naming the field, and an unknown module with 404", async () => {
    const long = await call("robin", "PUT", "/family/learning/positive-communication", {
      exerciseAnswer: "x".repeat(2001),
      completed: true,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual([
      expect.objectContaining({ path: "exerciseAnswer", message: "Keep your answer to 2,000 characters." }),
    ]);
    const unknown = await call("robin", "PUT", "/family/learning/module-10", {
      exerciseAnswer: "",
      completed: true,
    });
    expect(unknown.statusCode).toBe(404);
    const list = (await call("robin", "GET", "/family/learning")).json<FamilyLearning>();
    expect(list.modules.find((m) => m.moduleKey === "positive-communication")?.completed).toBe(false);
  });

  it("dates a check-in by the linked participant's site day, and by UTC with no link", async () => {
    const robin = await call("robin", "PUT", "/family/check-ins", {
      stress: 6,
      wellbeing: 5,
      sleepQuality: 3,
      selfCare: "A walk at lunch",
      note: "Tired but okay.",
    });
    expect(robin.statusCode).toBe(200);
    expect(robin.json<FamilyCheckInSaved>()).toMatchObject({
      created: true,
      offerSupport: false,
      checkIn: { recordedOn: "2026-03-09", stress: 6, selfCare: "A walk at lunch", editable: true },
    });
    const kim = await call("kim", "PUT", "/family/check-ins", { stress: 2, wellbeing: 8 });
    expect(kim.json<FamilyCheckInSaved>().checkIn).toMatchObject({
      recordedOn: "2026-03-10",
      sleepQuality: null,
    });
    const kimList = (await call("kim", "GET", "/family/check-ins")).json<FamilyCheckInList>();
    expect(kimList.today).toBe("2026-03-10");
    expect(kimList).not.toHaveProperty("timeZone");
  });

  it("changes the same day's check-in instead of adding one, and offers support at high stress", async () => {
    const again = await call("robin", "PUT", "/family/check-ins", {
      stress: 9,
      wellbeing: 3,
      note: "Hard evening.",
    });
    expect(again.json<FamilyCheckInSaved>()).toMatchObject({
      created: false,
      offerSupport: true,
      checkIn: {
        recordedOn: "2026-03-09",
        stress: 9,
        sleepQuality: null,
        selfCare: "",
        note: "Hard evening.",
      },
    });
    const list = (await call("robin", "GET", "/family/check-ins")).json<FamilyCheckInList>();
    expect(list.today).toBe("2026-03-09");
    expect(list.history).toHaveLength(1);
    expect(list.todayCheckIn?.stress).toBe(9);
  });

  it("starts a new check-in the next day, and the day before can no longer be changed", async () => {
    await setClock("2026-03-10T14:00:00Z");
    const next = await call("robin", "PUT", "/family/check-ins", { stress: 4, wellbeing: 6 });
    expect(next.json<FamilyCheckInSaved>()).toMatchObject({
      created: true,
      checkIn: { recordedOn: "2026-03-10" },
    });
    const list = (await call("robin", "GET", "/family/check-ins")).json<FamilyCheckInList>();
    expect(list.history.map((c) => [c.recordedOn, c.stress, c.editable])).toEqual([
      ["2026-03-10", 4, true],
      ["2026-03-09", 9, false],
    ]);
    const oneDay = (await call("robin", "GET", "/family/check-ins?days=1")).json<FamilyCheckInList>();
    expect(oneDay.history.map((c) => c.recordedOn)).toEqual(["2026-03-10"]);
  });

  it("refuses out-of-range answers naming each field, and saves nothing", async () => {
    const bad = await call("kim", "PUT", "/family/check-ins", { stress: 11, wellbeing: -1, sleepQuality: 6 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["sleepQuality", "stress", "wellbeing"]);
    const days = await call("kim", "GET", "/family/check-ins?days=0");
    expect(days.statusCode).toBe(400);
    const rows = await queryRows<{ stress: number }>(
      database.db,
      sql`select stress from family_check_ins where user_id = ${accounts.get("kim")!.id}`,
    );
    expect(rows).toEqual([{ stress: 2 }]);
  });

  it("never shows one family member another's progress or check-ins", async () => {
    const kimLearning = (await call("kim", "GET", "/family/learning")).json<FamilyLearning>();
    expect(kimLearning.completedCount).toBe(0);
    expect(kimLearning.modules.every((m) => m.exerciseAnswer === "")).toBe(true);
    const kimCheckIns = (await call("kim", "GET", "/family/check-ins?days=90")).json<FamilyCheckInList>();
    expect(kimCheckIns.history.map((c) => c.stress)).toEqual([2]);
  });

  it("refuses participants and staff with 403 on every route", async () => {
    for (const who of ["participant", "counselor"] as const) {
      expect((await call(who, "GET", "/family/learning")).statusCode).toBe(403);
      expect(
        (await call(who, "PUT", "/family/learning/safety-first", { exerciseAnswer: "", completed: true }))
          .statusCode,
      ).toBe(403);
      expect((await call(who, "GET", "/family/check-ins")).statusCode).toBe(403);
      expect((await call(who, "PUT", "/family/check-ins", { stress: 1, wellbeing: 1 })).statusCode).toBe(403);
    }
  });

  it("audits the family member's reads and writes as their own (no participant named)", async () => {
    const events = await queryRows<{ action: string; purpose: string; participant_id: string | null }>(
      database.db,
      sql`select action, purpose, participant_id from audit_events
          where actor_user_id = ${accounts.get("robin")!.id} and action like 'family_%' order by seq`,
    );
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      "family_learning.read",
      "family_learning.save",
      "family_check_in.create",
      "family_check_in.update",
      "family_check_in.list",
    ])
      expect(actions).toContain(action);
    expect(events.every((e) => e.purpose === "self" && e.participant_id === null)).toBe(true);
  });

  it("asks a visitor who is not signed in to sign in", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/family/learning", headers: appHeaders });
    expect(response.statusCode).toBe(401);
  });
});

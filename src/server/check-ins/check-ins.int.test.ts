import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";

/** 15:00 UTC is 10:00 in New York (the test site's zone): the site's today is 2026-11-23. */
const NOW = "2026-11-23T15:00:00Z";

const aCheckIn = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  checkedInOn: "2026-11-23",
  recordedAt: "2026-11-23T14:58:00Z",
  mood: 6,
  craving: 2,
  anyUse: false,
  ...over,
});

describeEachEngine("check-ins: recorded once, alerts with the answers, the chart and the sweep", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock(NOW);
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Check-in Site");
    const counselor = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const teammate = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const stranger = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const director = await givenUser(db, { roles: ["clinical_director"], siteNames: [site.name] });
    const admin = await givenUser(db, { roles: ["administrator"], siteNames: [site.name] });
    const person = await givenUser(db, { kind: "participant" });
    const other = await givenUser(db, { kind: "participant" });
    const unadmitted = await givenUser(db, { kind: "participant" });
    ids.counselor = counselor.id;
    ids.teammate = teammate.id;
    ids.participant = (
      await givenParticipant(db, {
        siteId: site.id,
        userId: person.id,
        admittedOn: "2026-11-01",
        careTeam: [
          { userId: counselor.id, role: "primary_counselor" },
          { userId: teammate.id, role: "counselor" },
        ],
      })
    ).id;
    ids.other = (
      await givenParticipant(db, { siteId: site.id, userId: other.id, admittedOn: "2026-11-01" })
    ).id;
    ids.unadmitted = (
      await givenParticipant(db, { siteId: site.id, userId: unadmitted.id, admittedOn: null })
    ).id;
    for (const [name, user] of Object.entries({
      counselor,
      stranger,
      director,
      admin,
      person,
      other,
      unadmitted,
    })) {
      cookies[name] = (await signIn(app, user.email, user.password)).cookie;
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql`delete from alerts`);
    await database.db.execute(sql`delete from check_ins`);
    await database.db.execute(sql`delete from app_settings where name like 'check_in_%'`);
  });

  const post = (payload: object, cookie = cookies.person!) =>
    app.inject({ method: "POST", url: "/api/v1/me/check-ins", headers: { ...appHeaders, cookie }, payload });
  const get = (url: string, cookie = cookies.person!) => app.inject({ url, headers: { cookie } });
  const count = async (table: "check_ins" | "alerts", participantId = ids.participant!) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.raw(table)} where participant_id = ${participantId}`,
      )
    )[0]!.n;
  const alertsOf = (participantId = ids.participant!) =>
    queryRows<{
      kind: string;
      severity: string;
      state: string;
      evidence_id: string;
      evidence_item: string | null;
      recipients: string[];
    }>(
      database.db,
      sql`select a.kind, a.severity, a.state, a.evidence_id, a.evidence_item,
                 coalesce((select array_agg(r.user_id::text order by r.user_id) from alert_recipients r where r.alert_id = a.id), '{}') as recipients
            from alerts a where a.participant_id = ${participantId} order by a.created_at, a.kind`,
    );
  const auditActions = async (action: string) =>
    (
      await queryRows<{ outcome: string }>(
        database.db,
        sql`select outcome from audit_events where action = ${action} order by seq`,
      )
    ).map((r) => r.outcome);

  it("records a check-in with its episode, answers with a steady response and the streak", async () => {
    const response = await post(aCheckIn({ wentWell: "Walked to group", skills: ["grounding"] }));
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      replayed: false,
      streak: 1,
      checkIn: {
        checkedInOn: "2026-11-23",
        mood: 6,
        craving: 2,
        wentWell: "Walked to group",
        queuedOffline: false,
      },
      response: { kind: "steady", crisis: false, counselorTold: false },
    });
    const [row] = await queryRows<{ episode_id: string | null }>(
      database.db,
      sql`select episode_id from check_ins where participant_id = ${ids.participant}`,
    );
    expect(row!.episode_id).not.toBeNull();
    expect(await count("alerts")).toBe(0);
    expect(await auditActions("check_in.submit")).toContain("allowed");
  });

  it("records a replay once: the first result again, no second alert", async () => {
    const body = aCheckIn({ anyUse: true, substances: ["alcohol"] });
    const first = await post(body);
    const again = await post({ ...body, queuedOffline: true });
    expect(again.statusCode).toBe(200);
    expect(again.json().replayed).toBe(true);
    expect(again.json().checkIn.id).toBe(first.json().checkIn.id);
    expect(again.json().response).toEqual(first.json().response);
    expect(await count("check_ins")).toBe(1);
    expect(await count("alerts")).toBe(1);
    expect(await auditActions("check_in.submit_replayed")).toEqual(["allowed"]);
  });

  it("records concurrent sends of the same check-in exactly once", async () => {
    const body = aCheckIn({ craving: 9 });
    const results = await Promise.all([post(body), post(body), post(body)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.json().checkIn.id)).size).toBe(1);
    expect(results.filter((r) => !r.json().replayed)).toHaveLength(1);
    expect(await count("check_ins")).toBe(1);
    expect(await count("alerts")).toBe(1);
  });

  it("refuses the same key with different answers", async () => {
    const body = aCheckIn();
    await post(body);
    const reused = await post({ ...body, mood: 1 });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error).toMatchObject({
      code: "CHECK_IN_KEY_REUSED",
      fields: [{ path: "idempotencyKey" }],
    });
    expect(await count("check_ins")).toBe(1);
    expect(await count("alerts")).toBe(0);
  });

  it("allows several check-ins a day, each with its own rules", async () => {
    await post(aCheckIn());
    const evening = await post(aCheckIn({ mood: 1, recordedAt: "2026-11-23T14:59:00Z" }));
    expect(evening.json()).toMatchObject({ streak: 1, response: { kind: "low_mood", counselorTold: true } });
    expect(await count("check_ins")).toBe(2);
  });

  it.each([
    ["use", { anyUse: true, substances: ["opioids"] }, "check_in_use_reported", "warning", "care_team"],
    ["a high craving", { craving: 8 }, "check_in_high_craving", "warning", "primary"],
    ["a low mood", { mood: 2 }, "check_in_low_mood", "warning", "primary"],
    ["wanting to talk", { wantsToTalk: true }, "check_in_wants_to_talk", "info", "primary"],
    ["thoughts of self-harm", { selfHarmThoughts: true }, "check_in_self_harm", "urgent", "care_team"],
    ["an overdose", { overdose: true }, "check_in_overdose", "urgent", "care_team"],
  ] as const)(
    "raises an alert for %s with its severity and audience",
    async (_, change, kind, severity, audience) => {
      const response = await post(aCheckIn(change));
      expect(response.statusCode).toBe(200);
      const [alert, ...rest] = await alertsOf();
      expect(rest).toEqual([]);
      expect(alert).toMatchObject({
        kind,
        severity,
        evidence_id: String(response.json().checkIn.id),
        evidence_item: "2026-11-23",
      });
      const expected = audience === "primary" ? [ids.counselor!] : [ids.counselor!, ids.teammate!].sort();
      expect(alert!.recipients).toEqual(expected);
      expect(response.json().response.counselorTold).toBe(true);
      expect(response.json().response.crisis).toBe(severity === "urgent");
    },
  );

  it("never refuses a critical answer for its age: a self-harm answer queued weeks ago is stored and raises its urgent alert", async () => {
    const late = await post(
      aCheckIn({ selfHarmThoughts: true, checkedInOn: "2026-11-01", recordedAt: "2026-11-01T20:00:00Z" }),
    );
    expect(late.statusCode).toBe(200);
    expect(late.json().response.crisis).toBe(true);
    const [alert] = await alertsOf();
    expect(alert).toMatchObject({
      kind: "check_in_self_harm",
      severity: "urgent",
      evidence_item: "2026-11-01",
    });
  });

  it("keeps a critical answer and its alert together: when the alert cannot be written, neither is", async () => {
    const db = database.db;
    await db.execute(sql`create or replace function refuse_self_harm_alert() returns trigger language plpgsql as $$
      begin
        if new.kind = 'check_in_self_harm' then raise exception 'alert refused for the test'; end if;
        return new;
      end $$`);
    await db.execute(sql`create trigger refuse_self_harm_alert before insert on alerts
      for each row execute function refuse_self_harm_alert()`);
    try {
      const response = await post(aCheckIn({ selfHarmThoughts: true }));
      expect(response.statusCode).toBe(500);
      expect(await count("check_ins")).toBe(0);
    } finally {
      await db.execute(sql`drop trigger refuse_self_harm_alert on alerts`);
      await db.execute(sql`drop function refuse_self_harm_alert()`);
    }
  });

  it.each([
    [
      "a day not begun anywhere yet",
      { checkedInOn: "2026-11-25" },
      400,
      "CHECK_IN_DATE_IN_FUTURE",
      "checkedInOn",
    ],
    [
      "a day too long ago",
      { checkedInOn: "2026-11-15", recordedAt: "2026-11-15T20:00:00Z" },
      400,
      "CHECK_IN_TOO_OLD",
      "checkedInOn",
    ],
    [
      "filled in later than now",
      { recordedAt: "2026-11-23T16:00:00Z" },
      400,
      "CHECK_IN_RECORDED_IN_FUTURE",
      "recordedAt",
    ],
    ["a mood out of range", { mood: 11 }, 400, "VALIDATION_FAILED", "mood"],
    ["a craving below zero", { craving: -1 }, 400, "VALIDATION_FAILED", "craving"],
    ["sleep not in half hours", { sleepHours: 7.3 }, 400, "VALIDATION_FAILED", "sleepHours"],
    ["substances without use", { substances: ["alcohol"] }, 400, "VALIDATION_FAILED", "substances"],
    [
      "an unknown substance",
      { anyUse: true, substances: ["coffee"] },
      400,
      "VALIDATION_FAILED",
      "substances.0",
    ],
    ["a key that is not a UUID", { idempotencyKey: "abc" }, 400, "VALIDATION_FAILED", "idempotencyKey"],
  ] as const)("refuses %s, naming the field", async (_, change, status, code, field) => {
    const response = await post(aCheckIn(change));
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await count("check_ins")).toBe(0);
  });

  it("accepts a queued check-in from days ago and marks it as queued", async () => {
    const response = await post(
      aCheckIn({ checkedInOn: "2026-11-20", recordedAt: "2026-11-20T23:00:00Z", queuedOffline: true }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().checkIn).toMatchObject({ checkedInOn: "2026-11-20", queuedOffline: true });
    expect(response.json().streak).toBe(0);
  });

  it("lets a participant with no open episode check in (no episode linked)", async () => {
    const response = await post(aCheckIn(), cookies.unadmitted);
    expect(response.statusCode).toBe(200);
    const [row] = await queryRows<{ episode_id: string | null }>(
      database.db,
      sql`select episode_id from check_ins where participant_id = ${ids.unadmitted}`,
    );
    expect(row!.episode_id).toBeNull();
  });

  it("refuses staff on the participant's own routes, and audits the refusal", async () => {
    const response = await post(aCheckIn(), cookies.counselor);
    expect(response.statusCode).toBe(403);
    expect(await count("check_ins")).toBe(0);
    expect(await auditActions("check_in.submit")).toContain("denied");
    for (const url of [
      "/api/v1/me/check-ins",
      "/api/v1/me/check-ins/summary",
      "/api/v1/me/check-ins/options",
    ]) {
      expect((await get(url, cookies.counselor)).statusCode).toBe(403);
    }
  });

  it("gives each participant only their own history, summary and timeline", async () => {
    await post(aCheckIn({ wentWell: "mine" }));
    await post(aCheckIn({ wentWell: "theirs" }), cookies.other);
    const mine = await get("/api/v1/me/check-ins");
    expect(mine.json().checkIns.map((c: { wentWell: string }) => c.wentWell)).toEqual(["mine"]);
    const theirs = await get(`/api/v1/participants/${ids.other}/check-ins`);
    expect(theirs.statusCode).toBe(404);
    const own = await get(`/api/v1/participants/${ids.participant}/check-ins`);
    expect(own.statusCode).toBe(200);
  });

  it("pages the history newest first", async () => {
    for (const mood of [3, 4, 5]) await post(aCheckIn({ mood }));
    const first = await get("/api/v1/me/check-ins?limit=2");
    expect(first.json().checkIns.map((c: { mood: number }) => c.mood)).toEqual([5, 4]);
    const next = await get(`/api/v1/me/check-ins?limit=2&before=${first.json().nextBefore}`);
    expect(next.json()).toMatchObject({ checkIns: [{ mood: 3 }], nextBefore: null });
    expect((await get("/api/v1/me/check-ins?limit=500")).json().error.fields[0].path).toBe(
      "querystring.limit",
    );
  });

  it("summarises today on the site's calendar with the streak", async () => {
    const none = await get("/api/v1/me/check-ins/summary");
    expect(none.json()).toEqual({ today: "2026-11-23", checkedInToday: false, streak: 0, lastCheckIn: null });
    await post(aCheckIn({ checkedInOn: "2026-11-22", recordedAt: "2026-11-22T20:00:00Z" }));
    await post(aCheckIn());
    const summary = await get("/api/v1/me/check-ins/summary");
    expect(summary.json()).toMatchObject({
      today: "2026-11-23",
      checkedInToday: true,
      streak: 2,
      lastCheckIn: { checkedInOn: "2026-11-23" },
    });
  });

  it("offers their plan's triggers, their own recent ones and the skills", async () => {
    await post(aCheckIn({ triggers: ["Payday", "Long bus ride"] }));
    await database.db.execute(sql`delete from personal_plans where participant_id = ${ids.participant}`);
    const [plan] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into personal_plans (participant_id, kind, current_version, updated_at)
          values (${ids.participant}, 'recovery', 1, now()) returning id`,
    );
    const content = {
      triggers: ["Payday"],
      warningSigns: [],
      highRiskSituations: [{ situation: "Friday nights", responses: ["Call Sam"] }],
      copingResponses: [],
      peopleToCall: [],
      reasonsForRecovery: [],
    };
    await database.db.execute(
      sql`insert into personal_plan_versions (plan_id, version, content, editor_kind, edited_at)
          values (${plan!.id}, 1, ${JSON.stringify(content)}::jsonb, 'staff', now())`,
    );
    const options = (await get("/api/v1/me/check-ins/options")).json();
    expect(options.triggers).toEqual(["Payday", "Friday nights"]);
    expect(options.recentTriggers).toEqual(["Long bus ride"]);
    expect(options.skills.map((s: { key: string }) => s.key)).toContain("urge-surfing");
    expect(options.substances).toContain("alcohol");
    // A high craving now points at their own plan and the urge-surfing skill.
    const craving = await post(aCheckIn({ craving: 9, triggers: ["Friday nights"] }));
    expect(craving.json().response).toMatchObject({
      kind: "high_craving",
      planSection: { plan: "recovery", section: "highRiskSituations", items: ["Call Sam"] },
      skills: [{ key: "urge-surfing" }],
    });
    await database.db.execute(sql`delete from personal_plans where participant_id = ${ids.participant}`);
  });

  it("shows yesterday's check-in in the caseload list to those who may read the chart", async () => {
    await post(aCheckIn({ checkedInOn: "2026-11-22", recordedAt: "2026-11-22T20:00:00Z", craving: 9 }));
    await post(aCheckIn({ checkedInOn: "2026-11-22", recordedAt: "2026-11-22T21:00:00Z", anyUse: true }));
    await post(
      aCheckIn({ checkedInOn: "2026-11-22", recordedAt: "2026-11-22T21:00:00Z", craving: 8 }),
      cookies.other,
    );
    const states = async (cookie: string) =>
      Object.fromEntries(
        (
          (await get("/api/v1/participants?status=current&pageSize=100", cookie)).json().participants as {
            id: string;
            yesterdayCheckIn: string | null;
          }[]
        ).map((p) => [p.id, p.yesterdayCheckIn]),
      );
    expect(await states(cookies.counselor!)).toEqual({ [ids.participant!]: "use" });
    expect(await states(cookies.director!)).toMatchObject({
      [ids.participant!]: "use",
      [ids.other!]: "high_craving",
    });
    await database.db.execute(sql`delete from check_ins where participant_id = ${ids.other}`);
    expect((await states(cookies.director!))[ids.other!]).toBe("none");
  });

  describe("the chart's timeline", () => {
    it("shows the care team the check-ins in a period, audited; others are refused", async () => {
      await post(aCheckIn({ checkedInOn: "2026-11-20", recordedAt: "2026-11-20T20:00:00Z" }));
      await post(aCheckIn());
      const all = await get(`/api/v1/participants/${ids.participant}/check-ins`, cookies.counselor);
      expect(all.statusCode).toBe(200);
      expect(all.json()).toMatchObject({ from: "2026-10-25", to: "2026-11-23", today: "2026-11-23" });
      expect(all.json().checkIns.map((c: { checkedInOn: string }) => c.checkedInOn)).toEqual([
        "2026-11-23",
        "2026-11-20",
      ]);
      const range = await get(
        `/api/v1/participants/${ids.participant}/check-ins?from=2026-11-19&to=2026-11-21`,
        cookies.director,
      );
      expect(range.json().checkIns).toHaveLength(1);
      expect(await auditActions("check_in.list")).toContain("allowed");
      const stranger = await get(`/api/v1/participants/${ids.participant}/check-ins`, cookies.stranger);
      expect(stranger.statusCode).toBe(403);
      expect(await auditActions("check_in.list")).toContain("denied");
    });

    it("refuses a reversed or too long period, naming the field", async () => {
      const url = `/api/v1/participants/${ids.participant}/check-ins`;
      const reversed = await get(`${url}?from=2026-11-20&to=2026-11-01`, cookies.counselor);
      expect(reversed.json().error.fields[0].path).toBe("querystring.from");
      const long = await get(`${url}?from=2024-01-01&to=2026-11-01`, cookies.counselor);
      expect(long.statusCode).toBe(400);
      expect(long.json().error.fields[0].path).toBe("querystring.from");
    });
  });

  describe("the missing-check-in sweep", () => {
    it("raises one info alert per silent participant and resolves it with the next check-in", async () => {
      await post(aCheckIn({ checkedInOn: "2026-11-19", recordedAt: "2026-11-19T20:00:00Z" }));
      // The participant last checked in on the 19th: the 20th, 21st and 22nd are missed by the 23rd.
      const first = await app.checkInAlerts.sweepMissingCheckIns(clock.now());
      expect(first.raised).toBeGreaterThanOrEqual(1);
      const again = await app.checkInAlerts.sweepMissingCheckIns(clock.now());
      expect(again.raised).toBe(0);
      const missing = (await alertsOf()).filter((a) => a.kind === "check_in_missing");
      expect(missing).toMatchObject([{ severity: "info", state: "open", evidence_id: ids.participant }]);
      expect(missing[0]!.recipients).toEqual([ids.counselor]);
      await post(aCheckIn());
      expect((await alertsOf()).filter((a) => a.kind === "check_in_missing")[0]!.state).toBe("resolved");
    });

    it("counts on the program's days and leaves the recently checked-in alone", async () => {
      await post(aCheckIn({ checkedInOn: "2026-11-21", recordedAt: "2026-11-21T20:00:00Z" }));
      await app.checkInAlerts.sweepMissingCheckIns(clock.now());
      expect((await alertsOf()).filter((a) => a.kind === "check_in_missing")).toEqual([]);
      await app.inject({
        method: "PUT",
        url: "/api/v1/check-in-settings",
        headers: { ...appHeaders, cookie: cookies.admin! },
        payload: { cravingWarningAt: 8, moodWarningAt: 2, missingDays: 1, maxQueuedDays: 7 },
      });
      await app.checkInAlerts.sweepMissingCheckIns(clock.now());
      expect((await alertsOf()).filter((a) => a.kind === "check_in_missing")).toHaveLength(1);
    });

    it("resolves the alert of someone whose episode ended", async () => {
      await app.checkInAlerts.sweepMissingCheckIns(clock.now());
      expect((await alertsOf(ids.other)).filter((a) => a.state === "open")).toHaveLength(1);
      await database.db.execute(
        sql`update episodes set discharged_on = '2026-11-22', discharge_reason = 'completed' where participant_id = ${ids.other}`,
      );
      try {
        const swept = await app.checkInAlerts.sweepMissingCheckIns(clock.now());
        expect(swept.resolved).toBeGreaterThanOrEqual(1);
        expect((await alertsOf(ids.other)).map((a) => a.state)).toEqual(["resolved"]);
      } finally {
        await database.db.execute(
          sql`update episodes set discharged_on = null, discharge_reason = null where participant_id = ${ids.other}`,
        );
      }
    });
  });

  describe("settings", () => {
    const put = (payload: object, cookie = cookies.admin!) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/check-in-settings",
        headers: { ...appHeaders, cookie },
        payload,
      });

    it("reads the issue's defaults, and the program's values once saved (audited)", async () => {
      expect((await get("/api/v1/check-in-settings", cookies.counselor)).json()).toEqual({
        cravingWarningAt: 8,
        moodWarningAt: 2,
        missingDays: 3,
        maxQueuedDays: 7,
      });
      const saved = await put({ cravingWarningAt: 6, moodWarningAt: 3, missingDays: 2, maxQueuedDays: 5 });
      expect(saved.json()).toEqual({
        cravingWarningAt: 6,
        moodWarningAt: 3,
        missingDays: 2,
        maxQueuedDays: 5,
      });
      expect(await auditActions("settings.check_ins_update")).toContain("allowed");
      // The new threshold decides at once.
      const response = await post(aCheckIn({ craving: 6 }));
      expect(response.json().response.kind).toBe("high_craving");
    });

    it("refuses out-of-range values by field, and anyone but an administrator", async () => {
      const bad = await put({ cravingWarningAt: 11, moodWarningAt: 2, missingDays: 0, maxQueuedDays: 7 });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(["cravingWarningAt", "missingDays"]);
      const counselor = await put(
        { cravingWarningAt: 8, moodWarningAt: 2, missingDays: 3, maxQueuedDays: 7 },
        cookies.counselor,
      );
      expect(counselor.statusCode).toBe(403);
    });
  });
});

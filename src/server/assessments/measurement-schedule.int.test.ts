import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { DEFAULT_SCHEDULE, type MeasurementSchedule } from "../../core/assessments/schedule.rules";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { assessmentAssignments, assessmentResponses } from "../db/schema";

/**
 * The measurement schedule: a program setting read by clinicians and changed by administrators; the
 * due lists built from it (scoped like the participant list, on a test clock); and the daily sweep
 * that turns overdue measures into info alerts, once per participant and questionnaire.
 */

/** PHQ-9 at intake and fortnightly, BAM weekly: the example. */
const FORTNIGHTLY: MeasurementSchedule = [
  { instrumentKey: "phq9", at: "intake", audience: "any" },
  { instrumentKey: "phq9", at: "every_n_days", n: 14, audience: "any" },
  { instrumentKey: "bam", at: "every_n_days", n: 7, audience: "any" },
];

const PEOPLE = ["admin", "director", "counselor", "otherCounselor", "frontDesk", "participant"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("measurement schedule: settings, due lists and the overdue sweep", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-02T15:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const p = { mine: "", site: "", other: "", teen: "", longGone: "" };
  let siteId = "";

  /** Sessions, signed in again after the test clock jumps past their idle timeout. */
  const sessions = new Map<Person, string>();
  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const get = async (url: string, who: Person) => app.inject({ url, headers: { cookie: await cookie(who) } });
  const saveSchedule = async (payload: object, who: Person = "admin") =>
    app.inject({
      method: "PUT",
      url: "/api/v1/assessments/schedule",
      headers: { ...appHeaders, cookie: await cookie(who) },
      payload,
    });
  const advanceDays = (days: number) => {
    clock.advanceMinutes(days * 24 * 60);
    sessions.clear();
  };
  const due = async (who: Person, query = "") => {
    const response = await get(`/api/v1/assessments/due${query}`, who);
    expect(response.statusCode).toBe(200);
    return response.json() as {
      items: {
        participant: { id: string; name: string };
        instrumentKey: string;
        dueOn: string;
        status: string;
        openAssignment: { dueOn: string } | null;
      }[];
      total: number;
      today: string;
      counts: { due: number; overdue: number };
    };
  };
  const lines = (list: Awaited<ReturnType<typeof due>>) =>
    list.items.map((i) => `${i.participant.name}:${i.instrumentKey}:${i.dueOn}:${i.status}`);

  async function givenResponse(
    participantId: string,
    instrumentKey: string,
    completedOn: string,
    scored = true,
  ) {
    await database.db.insert(assessmentResponses).values({
      participantId,
      siteId,
      instrumentKey,
      questionnaireUrl: `http://example.org/${instrumentKey}`,
      questionnaireVersion: "1.0.0",
      answers: {},
      language: "en",
      mode: "staff",
      idempotencyKey: randomUUID(),
      completedOn,
      submittedAt: clock.now(),
      scored,
      subscales: {},
      flags: [],
      missing: scored ? [] : ["1"],
      critical: [],
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Measures Site");
    const otherSite = await givenSite(db, "Measures Other Site");
    siteId = site.id;
    const roles = {
      admin: "administrator",
      director: "clinical_director",
      counselor: "counselor",
      otherCounselor: "counselor",
      frontDesk: "front_desk",
    } as const;
    for (const [who, role] of Object.entries(roles)) {
      const user = await givenUser(db, {
        roles: [role],
        siteNames: [site.name],
        displayName: `Measures ${who}`,
      });
      credentials[who as Person] = user;
    }
    credentials.participant = await givenUser(db, { kind: "participant" });
    const team = [{ userId: credentials.counselor.id, role: "primary_counselor" }];
    p.mine = (
      await givenParticipant(db, {
        siteId,
        givenName: "Mina",
        familyName: "Alvarez",
        admittedOn: "2026-03-02",
        userId: credentials.participant.id,
        careTeam: team,
      })
    ).id;
    p.site = (
      await givenParticipant(db, {
        siteId,
        givenName: "Sol",
        familyName: "Brennan",
        admittedOn: "2026-03-02",
        careTeam: [{ userId: credentials.otherCounselor.id, role: "primary_counselor" }],
      })
    ).id;
    p.other = (
      await givenParticipant(db, {
        siteId: otherSite.id,
        givenName: "Otto",
        familyName: "Far",
        admittedOn: "2026-03-02",
      })
    ).id;
    const teens = await givenTrack(db, { siteId, name: "Teen evenings" });
    await db.execute(sql`update tracks set audience = 'adolescent' where id = ${teens.id}`);
    p.teen = (
      await givenParticipant(db, {
        siteId,
        givenName: "Tia",
        familyName: "Young",
        admittedOn: "2026-03-02",
        trackId: teens.id,
        careTeam: team,
      })
    ).id;
    // Discharged long ago: nothing of theirs is chased any more.
    p.longGone = (
      await givenParticipant(db, {
        siteId,
        givenName: "Lou",
        familyName: "Gone",
        admittedOn: "2025-01-06",
        dischargedOn: "2025-03-01",
        careTeam: team,
      })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("starts from the default schedule with 3 grace days, readable by clinicians and administrators only", async () => {
    for (const who of ["admin", "director", "counselor"] as const) {
      const response = await get("/api/v1/assessments/schedule", who);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ entries: DEFAULT_SCHEDULE, graceDays: 3 });
    }
    const { instruments } = (await get("/api/v1/assessments/schedule", "counselor")).json();
    expect(instruments).toContainEqual({
      key: "phq9",
      title: "Patient Health Questionnaire (PHQ-9)",
      titleEs: "Cuestionario sobre la salud del paciente (PHQ-9)",
      audience: "adult",
    });
    expect((await get("/api/v1/assessments/schedule", "frontDesk")).statusCode).toBe(403);
    expect((await get("/api/v1/assessments/schedule", "participant")).statusCode).toBe(403);
  });

  it("names every problem of a schedule by field and keeps the saved one", async () => {
    const bad = await saveSchedule({
      entries: [
        { instrumentKey: "phq9", at: "every_n_days", n: 14 },
        { instrumentKey: "phq9", at: "every_n_days", n: 7 },
        { instrumentKey: "nope", at: "intake" },
        { instrumentKey: "bam", at: "follow_up", days: 0 },
      ],
      graceDays: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: "entries.1.n", message: "phq9 already repeats every 14 days (entry 1); keep one interval." },
      { path: "entries.2.instrumentKey", message: "“nope” is not a questionnaire of this program." },
      { path: "entries.3.days", message: "Enter a whole number of days from 1 to 365." },
    ]);
    const badGrace = await saveSchedule({ entries: FORTNIGHTLY, graceDays: 45 });
    expect(badGrace.json().error.fields).toEqual([{ path: "graceDays", message: "Use at most 30 days." }]);
    expect((await get("/api/v1/assessments/schedule", "admin")).json().entries).toEqual(DEFAULT_SCHEDULE);
  });

  it("lets only administrators change it, and audits who changed what", async () => {
    for (const who of ["director", "counselor"] as const) {
      const refused = await saveSchedule({ entries: FORTNIGHTLY, graceDays: 3 }, who);
      expect(refused.statusCode).toBe(403);
    }
    const saved = await saveSchedule({ entries: FORTNIGHTLY, graceDays: 3 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ entries: FORTNIGHTLY, graceDays: 3 });
    expect((await get("/api/v1/assessments/schedule", "counselor")).json().entries).toEqual(FORTNIGHTLY);
    const [event] = await queryRows<{ actor_user_id: string; purpose: string; details: string }>(
      database.db,
      sql`select actor_user_id, purpose, details from audit_events
          where action = 'settings.measurement_schedule_update' order by seq desc limit 1`,
    );
    expect(event).toMatchObject({ actor_user_id: credentials.admin.id, purpose: "operations" });
    expect(JSON.parse(event!.details)).toEqual({
      entries: 3,
      schedule: "phq9 intake any; phq9 every 14 days any; bam every 7 days any",
      graceDays: 3,
    });
  });

  it("on admission day lists the intake PHQ-9 as due, for the people each person may see", async () => {
    expect(lines(await due("director"))).toEqual([
      "Mina Alvarez:phq9:2026-03-02:due",
      "Sol Brennan:phq9:2026-03-02:due",
      "Tia Young:phq9:2026-03-02:due",
    ]);
    // Counselors see their care team only, whichever scope they ask for.
    expect(lines(await due("counselor"))).toEqual([
      "Mina Alvarez:phq9:2026-03-02:due",
      "Tia Young:phq9:2026-03-02:due",
    ]);
    expect(lines(await due("otherCounselor", "?scope=site"))).toEqual(["Sol Brennan:phq9:2026-03-02:due"]);
    // The director is on nobody's care team.
    expect((await due("director", "?scope=mine")).items).toEqual([]);
    for (const who of ["admin", "frontDesk", "participant"] as const)
      expect((await get("/api/v1/assessments/due", who)).statusCode).toBe(403);
  });

  it("widens a counselor's site list when the program lets counselors see the whole site", async () => {
    const security = async (counselorScope: string) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/settings/security",
        headers: { ...appHeaders, cookie: await cookie("admin") },
        payload: { counselorScope, staffMfaRequired: false },
      });
    expect((await security("site")).statusCode).toBe(200);
    try {
      expect((await due("counselor", "?scope=site")).items.map((i) => i.participant.name)).toEqual([
        "Mina Alvarez",
        "Sol Brennan",
        "Tia Young",
      ]);
      expect((await due("counselor", "?scope=mine")).items.map((i) => i.participant.name)).toEqual([
        "Mina Alvarez",
        "Tia Young",
      ]);
    } finally {
      await security("care_team");
    }
  });

  it("moves measures from due to overdue after the grace days, re-anchored by each administration", async () => {
    await givenResponse(p.mine, "phq9", "2026-03-02");
    await givenResponse(p.teen, "phq9", "2026-03-02");
    // A PHQ-9 with items missing was not scored: Sol's intake PHQ-9 stays owed.
    await givenResponse(p.site, "phq9", "2026-03-03", false);
    advanceDays(10); // 2026-03-12: the first weekly BAM (03-09) is 3 days late, still within grace.
    const on12 = await due("director");
    expect(on12.today).toBe("2026-03-12");
    expect(lines(on12)).toEqual([
      "Sol Brennan:phq9:2026-03-02:overdue",
      "Mina Alvarez:bam:2026-03-09:due",
      "Sol Brennan:bam:2026-03-09:due",
      "Tia Young:bam:2026-03-09:due",
    ]);
    expect(on12.counts).toEqual({ due: 3, overdue: 1 });
    advanceDays(1); // 2026-03-13: four days late is overdue.
    await givenResponse(p.teen, "bam", "2026-03-13");
    expect(lines(await due("director", "?status=overdue"))).toEqual([
      "Sol Brennan:phq9:2026-03-02:overdue",
      "Mina Alvarez:bam:2026-03-09:overdue",
      "Sol Brennan:bam:2026-03-09:overdue",
    ]);
    expect(lines(await due("director", "?status=due"))).toEqual([]);
    const bamOnly = await due("director", "?instrumentKey=bam&pageSize=1&page=2");
    expect(bamOnly).toMatchObject({ total: 2, counts: { due: 0, overdue: 3 } });
    expect(lines(bamOnly)).toEqual(["Sol Brennan:bam:2026-03-09:overdue"]);
  });

  it("says when a questionnaire is already assigned", async () => {
    await database.db.insert(assessmentAssignments).values({
      participantId: p.mine,
      siteId,
      instrumentKey: "bam",
      assignedBy: credentials.counselor.id,
      assignedAt: clock.now(),
      dueOn: "2026-03-14",
    });
    const mine = (await due("counselor")).items.find((i) => i.participant.id === p.mine)!;
    expect(mine).toMatchObject({ instrumentKey: "bam", openAssignment: { dueOn: "2026-03-14" } });
    const sol = (await due("director")).items.find((i) => i.participant.id === p.site)!;
    expect(sol.openAssignment).toBeNull();
  });

  it("audits each participant the list shows", async () => {
    const before = await queryRows<{ n: number }>(
      database.db,
      sql`select coalesce(max(seq), 0)::int as n from audit_events`,
    );
    await due("counselor");
    const events = await queryRows<{ participant_id: string; purpose: string }>(
      database.db,
      sql`select participant_id, purpose from audit_events where seq > ${before[0]!.n} and action = 'assessment.due_list'`,
    );
    expect(events.map((e) => e.participant_id).sort()).toEqual([p.mine].sort());
    expect(events.every((e) => e.purpose === "treatment")).toBe(true);
  });

  it("shows a participant their own due and upcoming measures, and staff those of people they may open", async () => {
    const own = await get(`/api/v1/participants/${p.mine}/assessments/due`, "participant");
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      today: "2026-03-13",
      graceDays: 3,
      episode: { admittedOn: "2026-03-02", dischargedOn: null, audience: "adult" },
    });
    expect(
      own
        .json()
        .measures.map((m: { instrumentKey: string; dueOn: string; status: string }) => [
          m.instrumentKey,
          m.dueOn,
          m.status,
        ]),
    ).toEqual([
      ["bam", "2026-03-09", "overdue"],
      ["phq9", "2026-03-16", "upcoming"],
    ]);
    expect(own.json().measures[0]).toMatchObject({
      title: "Brief Addiction Monitor (BAM)",
      reason: { at: "every_n_days", n: 7, since: "admission", sinceOn: "2026-03-02" },
    });
    expect((await get(`/api/v1/participants/${p.site}/assessments/due`, "participant")).statusCode).toBe(404);
    expect((await get(`/api/v1/participants/${p.site}/assessments/due`, "counselor")).statusCode).toBe(403);
    expect((await get(`/api/v1/participants/${p.site}/assessments/due`, "director")).statusCode).toBe(200);
  });

  it("applies adult and adolescent entries by the episode's track", async () => {
    const saved = await saveSchedule({
      entries: [
        ...FORTNIGHTLY,
        { instrumentKey: "audit_c", at: "intake", audience: "adult" },
        { instrumentKey: "crafft", at: "intake", audience: "adolescent" },
      ],
      graceDays: 3,
    });
    expect(saved.statusCode).toBe(200);
    try {
      const keysOf = async (id: string) =>
        (await get(`/api/v1/participants/${id}/assessments/due`, "director"))
          .json()
          .measures.map((m: { instrumentKey: string }) => m.instrumentKey)
          .sort();
      expect(await keysOf(p.mine)).toEqual(["audit_c", "bam", "phq9"]);
      expect(await keysOf(p.teen)).toEqual(["bam", "crafft", "phq9"]);
    } finally {
      await saveSchedule({ entries: FORTNIGHTLY, graceDays: 3 });
    }
  });

  it("raises one info alert per overdue questionnaire for the primary counselor, never twice", async () => {
    const first = await app.measurementSchedule.sweepOverdueMeasures(clock.now());
    // Everyone in the program, whoever's caseload: Otto at the other site too.
    expect(first).toEqual({ raised: 5, alreadyOpen: 0 });
    const raised = await queryRows<{
      participant_id: string;
      severity: string;
      evidence_kind: string;
      evidence_item: string;
      reason: string;
      recipients: string[];
    }>(
      database.db,
      sql`select a.participant_id, a.severity, a.evidence_kind, a.evidence_item, a.reason,
            coalesce((select array_agg(r.user_id) from alert_recipients r where r.alert_id = a.id), '{}') as recipients
          from alerts a where a.kind = 'measure_overdue' order by a.participant_id, a.evidence_item`,
    );
    expect(raised.map((a) => `${a.participant_id}:${a.evidence_item}`).sort()).toEqual(
      [`${p.mine}:bam`, `${p.site}:bam`, `${p.site}:phq9`, `${p.other}:bam`, `${p.other}:phq9`].sort(),
    );
    expect(raised.every((a) => a.severity === "info" && a.evidence_kind === "participant_record")).toBe(true);
    const minaBam = raised.find((a) => a.participant_id === p.mine)!;
    expect(minaBam.recipients).toEqual([credentials.counselor.id]);
    expect(minaBam.reason).toBe(
      "Brief Addiction Monitor (BAM) is overdue (due 4 days ago). Due 2026-03-09 for every 7 days, none since admission on 2026-03-02.",
    );

    advanceDays(1);
    expect(await app.measurementSchedule.sweepOverdueMeasures(clock.now())).toEqual({
      raised: 0,
      alreadyOpen: 5,
    });
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from alerts where kind = 'measure_overdue'`,
    );
    expect(count!.n).toBe(5);
    const inbox = await get("/api/v1/alerts?kind=measure_overdue&scope=mine", "counselor");
    expect(inbox.json().alerts).toHaveLength(1);
    expect(inbox.json().alerts[0]).toMatchObject({ severity: "info", participant: { id: p.mine } });
  });

  it("resolves the overdue alert when the questionnaire is completed, and audits it", async () => {
    const answered = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${p.site}/assessments`,
      headers: { ...appHeaders, cookie: await cookie("director") },
      payload: {
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 },
        idempotencyKey: randomUUID(),
      },
    });
    expect(answered.statusCode).toBe(201);
    const alerts = await queryRows<{ evidence_item: string; state: string; resolution_note: string | null }>(
      database.db,
      sql`select evidence_item, state, resolution_note from alerts
          where kind = 'measure_overdue' and participant_id = ${p.site} order by evidence_item`,
    );
    // PHQ-9 is done; BAM is still owed.
    expect(alerts).toEqual([
      { evidence_item: "bam", state: "open", resolution_note: null },
      {
        evidence_item: "phq9",
        state: "resolved",
        resolution_note: `Completed on ${clock.now().toISOString().slice(0, 10)} (recorded automatically).`,
      },
    ]);
    const [audit] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'alert.resolve' and participant_id = ${p.site}`,
    );
    expect(audit!.n).toBe(1);
  });
});

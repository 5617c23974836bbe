import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { AlertSeverity } from "../../core/alerts/alerts.schema";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { type DatabaseHandle, queryRows } from "../db/connection";
import type { RaiseAlertInput } from "./alerts.service";

/**
 * The alerts domain end to end on a real database: raised in the caller's transaction (or not at
 * all), emailed without participant details, seen only within the actor's sites and care teams,
 * moved open → acknowledged → resolved, every read and change audited.
 */

const PEOPLE = [
  "director",
  "counselor",
  "prescriber",
  "otherCounselor",
  "otherDirector",
  "admin",
  "frontDesk",
] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("alerts: raise, inbox, transitions, audit", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-23T15:00:00Z");
  const cookies = {} as Record<Person, string>;
  const users = {} as Record<Person, string>;
  /** mine: on the counselor's and prescriber's care team; loose: site A, no care team; away: site B. */
  const p = { mine: "", loose: "", away: "" };

  const get = (url: string, as: Person) => app.inject({ url, headers: { cookie: cookies[as] } });
  const post = (url: string, as: Person, payload?: object) =>
    app.inject({
      method: "POST",
      url,
      headers: { ...appHeaders, cookie: cookies[as] },
      ...(payload ? { payload } : {}),
    });

  async function raise(
    overrides: Partial<RaiseAlertInput> & { participantId: string },
    severity: AlertSeverity = "urgent",
  ) {
    return database.db.transaction((tx) =>
      app.alerts.raiseAlert(
        tx,
        {
          kind: "phq9_item9",
          severity,
          reason: "PHQ-9 item 9 (thoughts of death or self-harm) was answered above “not at all”.",
          evidence: { kind: "assessment_response", id: crypto.randomUUID(), item: "q9" },
          context: SYSTEM_CONTEXT,
          ...overrides,
        },
        clock.now(),
      ),
    );
  }

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]!.n;
  const auditActions = (resourceId: string) =>
    queryRows<{
      action: string;
      outcome: string;
      participant_id: string | null;
      actor_user_id: string | null;
    }>(
      database.db,
      sql`select action, outcome, participant_id, actor_user_id from audit_events where resource_id = ${resourceId} order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const siteA = await givenSite(db, "Alerts Site A");
    const siteB = await givenSite(db, "Alerts Site B");
    const roles: Record<
      Person,
      [string, "clinical_director" | "counselor" | "prescriber" | "administrator" | "front_desk"]
    > = {
      director: [siteA.name, "clinical_director"],
      counselor: [siteA.name, "counselor"],
      prescriber: [siteA.name, "prescriber"],
      otherCounselor: [siteA.name, "counselor"],
      otherDirector: [siteB.name, "clinical_director"],
      admin: [siteA.name, "administrator"],
      frontDesk: [siteA.name, "front_desk"],
    };
    for (const person of PEOPLE) {
      const [site, role] = roles[person];
      const user = await givenUser(db, { roles: [role], siteNames: [site], displayName: `Alerts ${person}` });
      users[person] = user.id;
      cookies[person] = (await signIn(app, user.email, user.password)).cookie;
    }
    p.mine = (
      await givenParticipant(db, {
        siteId: siteA.id,
        givenName: "Jordan",
        familyName: "Quillfeather",
        careTeam: [
          { userId: users.counselor, role: "primary_counselor" },
          { userId: users.prescriber, role: "prescriber" },
        ],
      })
    ).id;
    p.loose = (
      await givenParticipant(db, { siteId: siteA.id, givenName: "Robin", familyName: "Loosely" })
    ).id;
    p.away = (await givenParticipant(db, { siteId: siteB.id, givenName: "Sky", familyName: "Faraway" })).id;
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("raises nothing and emails nobody when the caller's transaction rolls back", async () => {
    const mailBefore = await count(sql`select count(*)::int as n from mail_outbox`);
    await expect(
      database.db.transaction(async (tx) => {
        await app.alerts.raiseAlert(
          tx,
          {
            kind: "asq_acute_positive",
            severity: "emergency",
            participantId: p.mine,
            reason: "ASQ acute positive: imminent risk. An immediate safety response is needed.",
            evidence: { kind: "assessment_response", id: "rolled-back-response" },
            context: SYSTEM_CONTEXT,
          },
          clock.now(),
        );
        throw new Error("the response could not be saved");
      }),
    ).rejects.toThrow("the response could not be saved");
    expect(
      await count(sql`select count(*)::int as n from alerts where evidence_id = 'rolled-back-response'`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from mail_outbox`)).toBe(mailBefore);
  });

  it("emails the care team of an urgent alert a link only: no name, no reason", async () => {
    const raised = await raise({ participantId: p.mine });
    expect(raised.raised).toBe(true);
    expect(raised.recipients.sort()).toEqual([users.counselor, users.prescriber].sort());
    expect(raised.emailed).toBe(2);
    const mails = await queryRows<{ to_address: string; subject: string; body_text: string }>(
      database.db,
      sql`select to_address, subject, body_text from mail_outbox where body_text like ${`%${raised.id}%`}`,
    );
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      const text = `${mail.subject}\n${mail.body_text}`;
      expect(text).toContain(`http://localhost:3000/staff/alerts/${raised.id}`);
      for (const secret of ["Jordan", "Quillfeather", "PHQ", "item 9", "self-harm"])
        expect(text).not.toContain(secret);
    }
    const audit = await auditActions(raised.id);
    expect(audit).toEqual([
      { action: "alert.raise", outcome: "allowed", participant_id: p.mine, actor_user_id: null },
    ]);
  });

  it("emails nobody for a routine alert and routes an alert about someone without a counselor to the director", async () => {
    const routine = await raise({ participantId: p.mine, kind: "measure_overdue" }, "info");
    expect(routine).toMatchObject({ raised: true, recipients: [users.counselor], emailed: 0 });
    const orphan = await raise({ participantId: p.loose, kind: "reliable_deterioration" }, "warning");
    expect(orphan.recipients).toEqual([users.director]);
  });

  it("raises the same finding once while it is being worked", async () => {
    const evidence = { kind: "assessment_response" as const, id: "same-response", item: "q9" };
    const first = await raise({ participantId: p.mine, evidence });
    const again = await raise({ participantId: p.mine, evidence });
    expect(again).toEqual({ id: first.id, raised: false, recipients: [], emailed: 0 });
  });

  it("shows each person the alerts of their sites and care teams, with counts for the navigation", async () => {
    const away = await raise({ participantId: p.away }, "emergency");
    const ids = async (as: Person, query = "") =>
      (
        (await get(`/api/v1/alerts?pageSize=100${query}`, as)).json().alerts as {
          participant: { id: string };
        }[]
      ).map((a) => a.participant.id);
    expect(new Set(await ids("counselor"))).toEqual(new Set([p.mine]));
    expect(new Set(await ids("prescriber"))).toEqual(new Set([p.mine]));
    expect(await ids("otherCounselor")).toEqual([]);
    expect(new Set(await ids("director"))).toEqual(new Set([p.mine, p.loose]));
    expect(await ids("otherDirector")).toEqual([p.away]);
    // Administrators review access; they do not read clinical alerts.
    expect(await ids("admin")).toEqual([]);
    expect((await get("/api/v1/alerts", "frontDesk")).statusCode).toBe(403);
    expect(new Set(await ids("director", "&scope=mine"))).toEqual(new Set([p.loose]));

    const counts = (await get("/api/v1/alerts/counts", "counselor")).json();
    const list = (await get("/api/v1/alerts?state=open&pageSize=100", "counselor")).json();
    expect(counts).toEqual(list.counts);
    expect(counts.open).toBe(list.total);
    expect(counts.bySeverity.info).toBe(1);
    expect(counts.openMine).toBe(counts.open);

    const hidden = await get(`/api/v1/alerts/${away.id}`, "director");
    expect(hidden.statusCode).toBe(404);
    expect((await get(`/api/v1/alerts/${away.id}`, "otherDirector")).json()).toMatchObject({
      id: away.id,
      severity: "emergency",
      participant: { id: p.away, name: "Sky Faraway" },
      audience: ["care_team", "clinical_director"],
      mine: true,
    });
    expect((await auditActions(away.id)).map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "alert.raise:allowed",
      "alert.view:denied",
      "alert.view:allowed",
    ]);
  });

  it("filters by severity, kind, state and participant, and pages", async () => {
    const list = async (query: string) => (await get(`/api/v1/alerts?${query}`, "director")).json();
    const info = await list("severity=info");
    expect(info.alerts.map((a: { severity: string }) => a.severity)).toEqual(["info"]);
    expect((await list("kind=reliable_deterioration")).alerts).toHaveLength(1);
    expect(
      (await list(`participantId=${p.loose}`)).alerts.every(
        (a: { participant: { id: string } }) => a.participant.id === p.loose,
      ),
    ).toBe(true);
    const page1 = await list("pageSize=2&page=1");
    const page2 = await list("pageSize=2&page=2");
    expect(page1.alerts).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    expect(page2.alerts[0].id).not.toBe(page1.alerts[0].id);
    // Open first, then the most pressing.
    const severities = (await list("pageSize=100")).alerts.map((a: { severity: string }) => a.severity);
    expect(severities.indexOf("urgent")).toBeLessThan(severities.indexOf("info"));
    expect((await get("/api/v1/alerts?state=closed", "director")).statusCode).toBe(400);
  });

  it("moves open → acknowledged → resolved with a note, refuses every other step, and audits each change", async () => {
    const { id } = await raise({ participantId: p.mine });
    const url = `/api/v1/alerts/${id}`;
    const early = await post(`${url}/resolve`, "counselor", { note: "Called them; safe at home." });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("ALERTS_NOT_ACKNOWLEDGED");
    expect((await post(`${url}/acknowledge`, "otherCounselor")).statusCode).toBe(404);

    const acknowledged = await post(`${url}/acknowledge`, "counselor");
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({
      state: "acknowledged",
      acknowledgedAt: clock.now().toISOString(),
      acknowledgedBy: { id: users.counselor, displayName: "Alerts counselor" },
    });
    const twice = await post(`${url}/acknowledge`, "prescriber");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("ALERTS_ALREADY_ACKNOWLEDGED");

    const noNote = await post(`${url}/resolve`, "prescriber", { note: "  " });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields[0].path).toBe("note");

    clock.advanceMinutes(5);
    const resolved = await post(`${url}/resolve`, "prescriber", {
      note: "Safety plan reviewed by phone; seen tomorrow.",
    });
    expect(resolved.json()).toMatchObject({
      state: "resolved",
      resolvedBy: { id: users.prescriber },
      resolutionNote: "Safety plan reviewed by phone; seen tomorrow.",
      resolvedAt: clock.now().toISOString(),
    });
    const final = await post(`${url}/resolve`, "director", { note: "Again." });
    expect(final.json().error.code).toBe("ALERTS_ALREADY_RESOLVED");
    expect((await post(`${url}/acknowledge`, "director")).json().error.code).toBe("ALERTS_ALREADY_RESOLVED");

    const audit = await auditActions(id);
    expect(audit.map((e) => `${e.action}:${e.outcome}:${e.actor_user_id ?? "system"}`)).toEqual([
      "alert.raise:allowed:system",
      `alert.acknowledge:denied:${users.otherCounselor}`,
      `alert.acknowledge:allowed:${users.counselor}`,
      `alert.resolve:allowed:${users.prescriber}`,
    ]);
    expect(audit.filter((e) => e.outcome === "allowed").every((e) => e.participant_id === p.mine)).toBe(true);
    // The note is the alert's; the audit trail does not copy clinical words.
    expect(
      await count(sql`select count(*)::int as n from audit_events where details like '%Safety plan%'`),
    ).toBe(0);
  });

  it("audits each participant an inbox page shows", async () => {
    const before = await count(sql`select coalesce(max(seq), 0)::int as n from audit_events`);
    await get("/api/v1/alerts?pageSize=100", "director");
    const events = await queryRows<{ action: string; participant_id: string }>(
      database.db,
      sql`select action, participant_id from audit_events where seq > ${before} order by participant_id`,
    );
    expect(events.map((e) => e.action)).toEqual(["alert.list", "alert.list"]);
    expect(new Set(events.map((e) => e.participant_id))).toEqual(new Set([p.mine, p.loose]));
  });

  it("raises break-the-glass alerts for the director, listed on the access-alerts page and acknowledged in the inbox", async () => {
    const broken = await post(`/api/v1/participants/${p.loose}/break-glass`, "otherCounselor", {
      reason: "Covering the crisis line; their counselor is away today",
    });
    expect(broken.statusCode).toBe(201);
    const inbox = (await get("/api/v1/alerts?kind=break_the_glass&scope=mine", "director")).json();
    expect(inbox.alerts).toHaveLength(1);
    const alert = inbox.alerts[0];
    expect(alert).toMatchObject({
      severity: "warning",
      audience: ["clinical_director"],
      reason:
        "Alerts otherCounselor opened this record outside the care team. Reason given: Covering the crisis line; their counselor is away today",
      evidence: { kind: "break_glass_grant", link: `/staff/participants/${p.loose}/access-log` },
    });
    // Administrators see it (they review access); counselors do not.
    expect((await get(`/api/v1/alerts/${alert.id}`, "admin")).statusCode).toBe(200);
    expect((await get(`/api/v1/alerts/${alert.id}`, "otherCounselor")).statusCode).toBe(404);
    expect((await post(`/api/v1/alerts/${alert.id}/acknowledge`, "admin")).statusCode).toBe(200);
    const page = (await get("/api/v1/access-alerts?status=all", "director")).json();
    expect(page.alerts.find((a: { id: string }) => a.id === alert.id)).toMatchObject({
      state: "acknowledged",
      reason: "Covering the crisis line; their counselor is away today",
      acknowledgedBy: "Alerts admin",
    });
    expect((await get("/api/v1/access-alerts?status=open", "director")).json().alerts).toEqual([]);
  });

  it("seeds the inbox permissions for the clinical roles", async () => {
    const rows = await queryRows<{ role: string }>(
      database.db,
      sql`select role from role_permissions where permission = 'alerts.manage' order by role`,
    );
    expect(rows.map((r) => r.role)).toEqual(["clinical_director", "counselor", "prescriber"]);
  });
});

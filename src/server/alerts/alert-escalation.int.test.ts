import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { AlertSeverity } from "../../core/alerts/alerts.schema";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { createJobs } from "../platform/jobs";

/**
 * Escalation: an urgent or emergency alert nobody acknowledged within the program's time reaches the
 * clinical directors of its site — once — by the sweep the job queue runs every minute. The sweep is
 * called directly here with a test clock.
 */
describeEachEngine("alerts: escalation of unacknowledged urgent alerts", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-23T15:00:00Z");
  let participantId = "";
  const ids = { director: "", counselor: "", admin: "" };
  const credentials = {} as Record<keyof typeof ids, { email: string; password: string }>;
  /** A fresh session (the test clock jumps past idle timeouts). */
  const cookie = async (name: keyof typeof ids) =>
    (await signIn(app, credentials[name].email, credentials[name].password)).cookie;

  async function raise(severity: AlertSeverity) {
    return database.db.transaction((tx) =>
      app.alerts.raiseAlert(
        tx,
        {
          kind: severity === "emergency" ? "asq_acute_positive" : "phq9_item9",
          severity,
          participantId,
          reason: "A critical answer needs a clinician's attention.",
          evidence: { kind: "assessment_response", id: crypto.randomUUID(), item: "q9" },
          context: SYSTEM_CONTEXT,
        },
        clock.now(),
      ),
    );
  }

  const escalationEvents = (alertId: string) =>
    queryRows<{ action: string; actor_kind: string }>(
      database.db,
      sql`select action, actor_kind from audit_events where resource_id = ${alertId} and action = 'alert.escalate'`,
    );
  const directorMail = (alertId: string) =>
    queryRows<{ subject: string; body_text: string; to_address: string }>(
      database.db,
      sql`select m.subject, m.body_text, m.to_address from mail_outbox m join users u on u.email = m.to_address
          where u.id = ${ids.director} and m.body_text like ${`%${alertId}%`}`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Escalation Site");
    for (const [name, role] of [
      ["director", "clinical_director"],
      ["counselor", "counselor"],
      ["admin", "administrator"],
    ] as const) {
      const user = await givenUser(database.db, { roles: [role], siteNames: [site.name] });
      ids[name] = user.id;
      credentials[name] = user;
    }
    // A director at another site is never brought in.
    await givenUser(database.db, {
      roles: ["clinical_director"],
      siteNames: [(await givenSite(database.db)).name],
    });
    participantId = (
      await givenParticipant(database.db, {
        siteId: site.id,
        givenName: "Harper",
        familyName: "Wintergreen",
        careTeam: [{ userId: ids.counselor, role: "primary_counselor" }],
      })
    ).id;
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("escalates an urgent alert left open for 60 minutes to the site's director, once", async () => {
    const { id } = await raise("urgent");
    clock.advanceMinutes(59);
    expect((await app.alerts.sweepEscalations()).escalated).toEqual([]);
    clock.advanceMinutes(1);
    expect((await app.alerts.sweepEscalations()).escalated).toEqual([id]);
    expect((await app.alerts.sweepEscalations()).escalated).toEqual([]);
    clock.advanceMinutes(30);
    expect((await app.alerts.sweepEscalations()).escalated).toEqual([]);

    expect(await escalationEvents(id)).toEqual([{ action: "alert.escalate", actor_kind: "system" }]);
    const mails = await directorMail(id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Bridgeway: an urgent alert is still unacknowledged");
    for (const secret of ["Harper", "Wintergreen", "critical answer"])
      expect(mails[0]!.body_text).not.toContain(secret);

    const seen = await app.inject({
      url: `/api/v1/alerts/${id}`,
      headers: { cookie: await cookie("director") },
    });
    expect(seen.json()).toMatchObject({ mine: true, escalatedAt: "2026-11-23T16:00:00.000Z", state: "open" });
    const recipients = await queryRows<{ user_id: string; added_for: string }>(
      database.db,
      sql`select user_id, added_for from alert_recipients where alert_id = ${id} order by added_for`,
    );
    expect(recipients).toEqual([
      { user_id: ids.director, added_for: "escalated" },
      { user_id: ids.counselor, added_for: "raised" },
    ]);
  });

  it("does not escalate an alert someone acknowledged, nor routine ones", async () => {
    const urgent = await raise("urgent");
    const routine = await raise("warning");
    const ack = await app.inject({
      method: "POST",
      url: `/api/v1/alerts/${urgent.id}/acknowledge`,
      headers: { ...appHeaders, cookie: await cookie("counselor") },
    });
    expect(ack.statusCode).toBe(200);
    clock.advanceMinutes(600);
    const { escalated } = await app.alerts.sweepEscalations();
    expect(escalated).not.toContain(urgent.id);
    expect(escalated).not.toContain(routine.id);
  });

  it("follows the program's escalation times, changed by an administrator and audited", async () => {
    const admin = await cookie("admin");
    const put = (payload: object) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/alerts/settings",
        headers: { ...appHeaders, cookie: admin },
        payload,
      });
    const wrong = await put({ emergencyEscalationMinutes: 90, urgentEscalationMinutes: 60 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe("emergencyEscalationMinutes");
    expect((await put({ emergencyEscalationMinutes: 5, urgentEscalationMinutes: 30 })).json()).toEqual({
      emergencyEscalationMinutes: 5,
      urgentEscalationMinutes: 30,
    });
    const counselorRead = await app.inject({
      url: "/api/v1/alerts/settings",
      headers: { cookie: await cookie("counselor") },
    });
    expect(counselorRead.json().emergencyEscalationMinutes).toBe(5);

    const emergency = await raise("emergency");
    clock.advanceMinutes(4);
    expect((await app.alerts.sweepEscalations()).escalated).toEqual([]);
    clock.advanceMinutes(1);
    expect((await app.alerts.sweepEscalations()).escalated).toEqual([emergency.id]);
    const changes = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'settings.alerts_update'`,
    );
    expect(changes[0]!.n).toBe(1);
  });

  it("starts and stops the job queue on this engine with the escalation schedule", async () => {
    const jobs = createJobs({ database, log: app.log });
    jobs.every("alerts-escalation-test", "* * * * *", async () => undefined);
    await jobs.start();
    const schedules = await queryRows<{ name: string; cron: string }>(
      database.db,
      sql`select name, cron from pgboss.schedule where name = 'alerts-escalation-test'`,
    );
    expect(schedules).toEqual([{ name: "alerts-escalation-test", cron: "* * * * *" }]);
    await jobs.stop();
  });
});

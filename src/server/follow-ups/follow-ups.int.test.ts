import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { type ReceivedMail, startSmtpServer } from "../../../tests/support/smtp";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { alumniMemberships, episodes, participants } from "../db/schema";
import { afterDischarge, afterReadmission } from "../discharges/after-discharge";

/** The site is in New York; a discharge on 2026-01-31 makes the 30-day survey due 2026-03-02. */
const DISCHARGED_ON = "2026-01-31";
const DUE_30 = "2026-03-02";
const BEFORE_NINE = new Date("2026-03-02T13:59:00Z"); // 08:59 EST
const AT_NINE = new Date("2026-03-02T14:00:00Z"); // 09:00 EST

const calmAnswers = {
  alcoholDays: 0,
  heavyDrinkingDays: 0,
  drugDays: 0,
  meetings: 6,
  inTreatment: true,
  housing: "own_home",
  employment: "full_time",
  wantsContact: false,
};
const phq9 = (item9 = 0, rest = 0) => ({
  "1": rest,
  "2": rest,
  "3": rest,
  "4": rest,
  "5": rest,
  "6": rest,
  "7": rest,
  "8": rest,
  "9": item9,
});
const gad7 = (v = 0) => ({ "1": v, "2": v, "3": v, "4": v, "5": v, "6": v, "7": v });

function followUpToken(mail: ReceivedMail): string {
  const match = /\/follow-up\/#token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no follow-up link in: ${mail.text}`);
  return match[1]!;
}

describeEachEngine("follow-up surveys: scheduled at discharge, emailed, answered once, opt-out", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let clock = new Date("2026-02-01T15:00:00Z");
  const ids: Record<string, string> = {};
  const users: Record<string, { email: string; password: string }> = {};
  /** Sign in at the test's current clock (the clock jumps weeks between steps). */
  const cookieOf = async (name: string) =>
    (await signIn(app, users[name]!.email, users[name]!.password)).cookie;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    smtp = await startSmtpServer();
    app = await buildTestApp(database, { now: () => new Date(clock), smtpUrl: smtp.url });
    const db = database.db;
    const site = await givenSite(db, "Follow-up Site");
    ids.site = site.id;
    const counselor = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const stranger = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const admin = await givenUser(db, { roles: ["administrator"], siteNames: [site.name] });
    const person = await givenUser(db, { kind: "participant" });
    ids.counselor = counselor.id;
    ids.person = person.id;
    Object.assign(users, { counselor, stranger, admin, person });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await database.close();
  });
  beforeEach(async () => {
    smtp.messages.length = 0;
    clock = new Date("2026-02-01T15:00:00Z");
    // Every test discharges people on the same day: each test sees only its own surveys.
    await database.db.execute(sql`delete from follow_up_surveys`);
  });

  /** A participant discharged on DISCHARGED_ON through the discharge's own hook. */
  async function discharged(
    options: { email?: string; reason?: "completed" | "died"; language?: "en" | "es"; member?: boolean } = {},
  ) {
    const db = database.db;
    const { id } = await givenParticipant(db, {
      siteId: ids.site!,
      givenName: "Robin",
      admittedOn: "2025-12-01",
      userId: null,
      careTeam: [{ userId: ids.counselor!, role: "primary_counselor" }],
    });
    await db
      .update(participants)
      .set({
        email: options.email ?? `robin-${randomUUID()}@example.test`,
        preferredLanguage: options.language ?? "en",
      })
      .where(eq(participants.id, id));
    const reason = options.reason ?? "completed";
    const [episode] = await db
      .update(episodes)
      .set({ dischargedOn: DISCHARGED_ON, dischargeReason: reason })
      .where(eq(episodes.participantId, id))
      .returning({ id: episodes.id });
    await db.transaction((tx) =>
      afterDischarge(
        tx,
        {
          participantId: id,
          episodeId: episode!.id,
          siteId: ids.site!,
          dischargedOn: DISCHARGED_ON,
          reason,
          timeZone: "America/New_York",
        },
        new Date("2026-01-31T20:00:00Z"),
      ),
    );
    if (options.member) {
      await db
        .insert(alumniMemberships)
        .values({
          participantId: id,
          siteId: ids.site!,
          episodeId: episode!.id,
          joinedOn: DISCHARGED_ON,
          updatedAt: new Date(),
        })
        .onConflictDoNothing();
    }
    return { participantId: id, episodeId: episode!.id };
  }

  const surveysOf = (participantId: string) =>
    queryRows<{
      id: string;
      wave: number;
      due_on: string;
      closes_on: string;
      status: string;
      cancelled_reason: string | null;
      reminders_sent: number;
      token_hash: string | null;
      answers: unknown;
      findings: string[];
      phq9_response_id: string | null;
    }>(
      database.db,
      sql`select id, wave, due_on::text, closes_on::text, status, cancelled_reason, reminders_sent, token_hash,
                 answers, findings, phq9_response_id
            from follow_up_surveys where participant_id = ${participantId} order by wave`,
    );
  const alertsOf = (participantId: string) =>
    queryRows<{
      kind: string;
      severity: string;
      evidence_kind: string;
      evidence_item: string | null;
      reason: string;
    }>(
      database.db,
      sql`select kind, severity, evidence_kind, evidence_item, reason from alerts
           where participant_id = ${participantId} order by kind`,
    );
  const responsesOf = (participantId: string) =>
    queryRows<{ instrument_key: string; total: number; episode_id: string; mode: string }>(
      database.db,
      sql`select instrument_key, total, episode_id, mode from assessment_responses
           where participant_id = ${participantId} order by instrument_key`,
    );

  async function sweepAt(at: Date) {
    clock = at;
    const report = await app.followUps.sweep(at);
    // The first flush may join a send already under way (kicked earlier); the second sends the rest.
    await app.mailer.flush();
    await app.mailer.flush();
    return report;
  }
  const view = (token: string) =>
    app.inject({ method: "POST", url: "/api/v1/follow-ups/link", headers: appHeaders, payload: { token } });
  const answer = (token: string, payload: Record<string, unknown> = {}) =>
    app.inject({
      method: "POST",
      url: "/api/v1/follow-ups/answers",
      headers: appHeaders,
      payload: {
        token,
        answers: calmAnswers,
        phq9: phq9(),
        gad7: gad7(),
        idempotencyKey: randomUUID(),
        language: "en",
        ...payload,
      },
    });
  const optOut = (token: string) =>
    app.inject({
      method: "POST",
      url: "/api/v1/follow-ups/opt-out",
      headers: appHeaders,
      payload: { token },
    });

  async function emailedToken(participantId: string): Promise<string> {
    await sweepAt(AT_NINE);
    const [row] = await queryRows<{ email: string }>(
      database.db,
      sql`select email from participants where id = ${participantId}`,
    );
    const mail = smtp.messages.find((m) => m.to.includes(row!.email));
    expect(mail, "the survey email").toBeDefined();
    return followUpToken(mail!);
  }

  it("a discharge schedules three waves across the month end; a death schedules none", async () => {
    const { participantId } = await discharged();
    const rows = await surveysOf(participantId);
    expect(rows.map((r) => [r.wave, r.due_on, r.closes_on, r.status])).toEqual([
      [30, "2026-03-02", "2026-03-23", "scheduled"],
      [90, "2026-05-01", "2026-05-22", "scheduled"],
      [180, "2026-07-30", "2026-08-29", "scheduled"],
    ]);
    const died = await discharged({ reason: "died" });
    expect(await surveysOf(died.participantId)).toEqual([]);
  });

  it("the sweep emails the survey from 09:00 site time on the due day, once, with a working link and no PHI", async () => {
    const { participantId } = await discharged({ language: "es" });
    expect((await sweepAt(BEFORE_NINE)).sent).toBe(0);
    expect((await surveysOf(participantId))[0]!.status).toBe("scheduled");
    const token = await emailedToken(participantId);
    const mail = smtp.messages.find((m) => m.text.includes(token))!;
    expect(mail.subject).toBe("Unas preguntas breves");
    expect(mail.text).toContain("Hola, Robin:");
    expect(mail.text).not.toMatch(/Tester|tratamiento|PHQ|adicci/i);
    const [first] = await surveysOf(participantId);
    expect(first!.status).toBe("sent");
    expect(first!.token_hash).not.toContain(token);
    // Running again sends nothing more.
    expect((await sweepAt(new Date("2026-03-02T14:15:00Z"))).sent).toBe(0);

    const opened = await view(token);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ state: "open", firstName: "Robin", wave: 30, language: "es" });
    expect(opened.json().questionnaires.phq9.questionnaire.resourceType).toBe("Questionnaire");
    expect(JSON.stringify(opened.json())).not.toContain("Tester");
  });

  it("answered once: outcome, PHQ-9 and GAD-7 on the discharged episode, re-engagement alert; a second use is refused and changes nothing", async () => {
    const { participantId, episodeId } = await discharged();
    const token = await emailedToken(participantId);
    clock = new Date("2026-03-04T18:00:00Z");
    const key = randomUUID();
    const sent = await answer(token, {
      idempotencyKey: key,
      answers: {
        ...calmAnswers,
        alcoholDays: 4,
        heavyDrinkingDays: 1,
        inTreatment: false,
        wantsContact: true,
      },
      phq9: phq9(1, 1),
      gad7: gad7(2),
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ crisis: true, replayed: false });
    const [survey] = await surveysOf(participantId);
    expect(survey!.status).toBe("completed");
    expect(survey!.answers).toMatchObject({ alcoholDays: 4, wantsContact: true });
    expect(survey!.findings).toEqual(["use_resumed", "self_harm_thoughts", "wants_contact"]);
    expect(await responsesOf(participantId)).toEqual([
      { instrument_key: "gad7", total: 14, episode_id: episodeId, mode: "self" },
      { instrument_key: "phq9", total: 9, episode_id: episodeId, mode: "self" },
    ]);
    const alerts = await alertsOf(participantId);
    const reengagement = alerts.find((a) => a.kind === "alumni_reengagement");
    expect(reengagement).toMatchObject({
      severity: "urgent",
      evidence_kind: "follow_up_survey",
      evidence_item: "30",
    });
    expect(reengagement!.reason).toContain("not in treatment");
    expect(alerts.some((a) => a.evidence_kind === "assessment_response")).toBe(true);
    const alertCount = alerts.length;

    // The same submission retried: the first result, nothing recorded twice.
    const retried = await answer(token, { idempotencyKey: key, phq9: phq9(1, 1), gad7: gad7(2) });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().replayed).toBe(true);

    // A second use of the link: 409 with the date, nothing changes.
    const again = await answer(token, { answers: { ...calmAnswers, drugDays: 9 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("FOLLOW_UP_ALREADY_ANSWERED");
    expect(again.json().error.message).toContain("2026-03-04");
    expect((await surveysOf(participantId))[0]!.answers).toMatchObject({ alcoholDays: 4, drugDays: 0 });
    expect(await responsesOf(participantId)).toHaveLength(2);
    expect(await alertsOf(participantId)).toHaveLength(alertCount);
    expect((await view(token)).json()).toMatchObject({ state: "completed", completedOn: "2026-03-04" });
  });

  it("refuses bad answers with field paths and stores nothing", async () => {
    const { participantId } = await discharged();
    const token = await emailedToken(participantId);
    const heavy = await answer(token, { answers: { ...calmAnswers, alcoholDays: 1, heavyDrinkingDays: 3 } });
    expect(heavy.statusCode).toBe(400);
    expect(JSON.stringify(heavy.json())).toContain("heavyDrinkingDays");
    const { "9": _omitted, ...partial } = phq9();
    const missing = await answer(token, { phq9: partial });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ path: "phq9.9", message: "Answer this question." }]);
    expect(await responsesOf(participantId)).toEqual([]);
    expect((await surveysOf(participantId))[0]!.status).toBe("sent");
    const bogus = "A".repeat(43);
    expect((await view(bogus)).json().state).toBe("invalid");
    expect((await answer(bogus)).statusCode).toBe(400);
  });

  it("calm answers raise no re-engagement alert", async () => {
    const { participantId } = await discharged();
    const token = await emailedToken(participantId);
    expect((await answer(token)).json()).toMatchObject({ crisis: false });
    expect(await alertsOf(participantId)).toEqual([]);
  });

  it("reminders on day 3 and day 7, at most two, then expiry after the closing day", async () => {
    const email = `reminded-${randomUUID()}@example.test`;
    const { participantId } = await discharged({ email });
    await emailedToken(participantId);
    const mine = () => smtp.messages.filter((m) => m.to.includes(email));
    const count = () => mine().length;
    const start = count();
    expect((await sweepAt(new Date("2026-03-05T13:59:00Z"))).reminded).toBe(0);
    expect((await sweepAt(new Date("2026-03-05T14:00:00Z"))).reminded).toBe(1);
    expect(mine().at(-1)!.subject).toBe("Reminder: a few short questions");
    expect((await sweepAt(new Date("2026-03-09T14:00:00Z"))).reminded).toBe(1);
    expect((await sweepAt(new Date("2026-03-20T14:00:00Z"))).reminded).toBe(0);
    expect(count() - start).toBe(2);
    // The reminder carries the same working link.
    expect(followUpToken(mine().at(-1)!)).toBe(followUpToken(mine()[0]!));
    await sweepAt(new Date("2026-03-24T05:00:00Z"));
    const [survey] = await surveysOf(participantId);
    expect(survey!).toMatchObject({ status: "expired", reminders_sent: 2 });
  });

  it("opt-out cancels every remaining survey at once; a due reminder is not sent and the link says so", async () => {
    const { participantId } = await discharged({ member: true });
    const token = await emailedToken(participantId);
    const [{ email } = { email: "" }] = await queryRows<{ email: string }>(
      database.db,
      sql`select email from participants where id = ${participantId}`,
    );
    const mine = () => smtp.messages.filter((m) => m.to.includes(email)).length;
    const before = mine();
    const out = await optOut(token);
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ cancelled: 3 });
    const rows = await surveysOf(participantId);
    expect(rows.map((r) => [r.status, r.cancelled_reason])).toEqual([
      ["cancelled", "opted_out"],
      ["cancelled", "opted_out"],
      ["cancelled", "opted_out"],
    ]);
    const [membership] = await queryRows<{ at: Date | null }>(
      database.db,
      sql`select follow_ups_opted_out_at as at from alumni_memberships where participant_id = ${participantId}`,
    );
    expect(membership!.at).not.toBeNull();
    await sweepAt(new Date("2026-03-05T14:00:00Z"));
    await sweepAt(new Date("2026-05-01T14:00:00Z"));
    expect(mine()).toBe(before);
    expect((await view(token)).json().state).toBe("opted_out");
    const late = await answer(token);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("FOLLOW_UP_OPTED_OUT");
    expect(await responsesOf(participantId)).toEqual([]);
  });

  it("re-admission withdraws the earlier episode's open surveys; the link then says closed", async () => {
    const { participantId, episodeId } = await discharged();
    const token = await emailedToken(participantId);
    const [next] = await database.db
      .insert(episodes)
      .values({ participantId, siteId: ids.site!, admittedOn: "2026-03-03", previousEpisodeId: episodeId })
      .returning({ id: episodes.id });
    await database.db.transaction((tx) =>
      afterReadmission(tx, { participantId, episodeId: next!.id, previousEpisodeId: episodeId }, new Date()),
    );
    const rows = await surveysOf(participantId);
    expect(rows.map((r) => r.cancelled_reason)).toEqual(["readmitted", "readmitted", "readmitted"]);
    expect((await view(token)).json().state).toBe("expired");
    expect((await answer(token)).json().error.code).toBe("FOLLOW_UP_CLOSED");
  });

  it("with no email address the survey stays scheduled until due, then is marked no_email", async () => {
    const { participantId } = await discharged({ email: "" });
    expect((await surveysOf(participantId))[0]!.status).toBe("scheduled");
    await sweepAt(AT_NINE);
    expect((await surveysOf(participantId))[0]).toMatchObject({
      status: "cancelled",
      cancelled_reason: "no_email",
    });
    expect((await surveysOf(participantId))[1]!.status).toBe("scheduled");
  });

  it("the chart shows the waves to the care team only (audited); response rates need alumni.manage", async () => {
    const { participantId } = await discharged();
    const token = await emailedToken(participantId);
    await answer(token, { answers: { ...calmAnswers, housing: "homeless" } });
    const chart = await app.inject({
      url: `/api/v1/participants/${participantId}/follow-ups`,
      headers: { cookie: await cookieOf("counselor") },
    });
    expect(chart.statusCode).toBe(200);
    const body = chart.json();
    expect(body.surveys.map((s: { wave: number; status: string }) => [s.wave, s.status])).toEqual([
      [30, "completed"],
      [90, "scheduled"],
      [180, "scheduled"],
    ]);
    expect(body.surveys[0]).toMatchObject({ findings: ["homeless"], phq9: { total: 0 }, gad7: { total: 0 } });
    expect(body.surveys[0].tokenHash).toBeUndefined();
    const [audited] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'follow_up.list' and participant_id = ${participantId}`,
    );
    expect(audited!.n).toBe(1);
    const stranger = await app.inject({
      url: `/api/v1/participants/${participantId}/follow-ups`,
      headers: { cookie: await cookieOf("stranger") },
    });
    expect(stranger.statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/participants/${participantId}/follow-ups` })).statusCode).toBe(
      401,
    );

    const rates = await app.inject({
      url: `/api/v1/follow-ups/response-rates?siteId=${ids.site}&from=${DUE_30}&to=${DUE_30}`,
      headers: { cookie: await cookieOf("counselor") },
    });
    expect(rates.statusCode).toBe(200);
    const thirty = rates.json().waves[0];
    expect(thirty.wave).toBe(30);
    expect(thirty.completed).toBeGreaterThanOrEqual(1);
    expect(thirty.rate).toBe(thirty.completed / thirty.sent);
    expect(
      (
        await app.inject({
          url: "/api/v1/follow-ups/response-rates",
          headers: { cookie: await cookieOf("person") },
        })
      ).statusCode,
    ).toBe(403);
    const badRange = await app.inject({
      url: "/api/v1/follow-ups/response-rates?from=2026-05-01&to=2026-04-01",
      headers: { cookie: await cookieOf("counselor") },
    });
    expect(badRange.statusCode).toBe(400);
  });

  it("public link routes need the app's CSRF header", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/follow-ups/link",
      payload: { token: "A".repeat(43) },
    });
    expect(res.statusCode).toBe(403);
  });
});

import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { appointments, episodes, sites, trackEnrollments, trackFacilitators } from "../db/schema";

/**
 * The participant app's Today, recovery counter, absence requests and Help resources over HTTP.
 * Today is Tuesday 2026-11-24, 10:00 in New York. Casey's track meets Thursdays 18:00–21:00; a
 * video appointment starts at 10:20 today, and an in-person one was yesterday.
 */

const PEOPLE = ["admin", "counselor", "stranger", "casey", "robin"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("participant app: Today, counter, absence requests, help", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const cookies = {} as Record<Person, string>;
  const ids = { casey: "", robin: "", track: "", video: "", yesterday: "", counselor: "", caseyUser: "" };
  const THURSDAY = () => `group:${ids.track}:2026-11-26T18:00`;

  const call = (who: Person, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies[who] },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const audits = (action: string, outcome = "allowed") =>
    queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = ${action} and outcome = ${outcome}`,
    ).then((rows) => rows[0]!.n);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: testClock("2026-11-24T15:00:00Z").now });
    const db = database.db;
    const site = await givenSite(db);
    await db.update(sites).set({ onCallPhone: "(555) 010-4400" }).where(eq(sites.id, site.id));
    const users = {
      admin: await givenUser(db, { roles: ["administrator"], siteNames: [site.name] }),
      counselor: await givenUser(db, {
        roles: ["counselor"],
        siteNames: [site.name],
        displayName: "Dana Counselor",
      }),
      stranger: await givenUser(db, { roles: ["counselor"], siteNames: [site.name] }),
      casey: await givenUser(db, { kind: "participant", displayName: "Casey Rivers" }),
      robin: await givenUser(db, { kind: "participant", displayName: "Robin Other" }),
    };
    ids.counselor = users.counselor.id;
    ids.caseyUser = users.casey.id;
    const careTeam = [{ userId: users.counselor.id, role: "primary_counselor" }];
    ids.casey = (await givenParticipant(db, { siteId: site.id, userId: users.casey.id, careTeam })).id;
    ids.robin = (await givenParticipant(db, { siteId: site.id, userId: users.robin.id, careTeam })).id;
    const track = await givenTrack(db, {
      siteId: site.id,
      name: "Evening group",
      slots: [{ weekday: 4, start: "18:00", end: "21:00" }],
    });
    ids.track = track.id;
    await db.insert(trackFacilitators).values({ trackId: track.id, userId: users.counselor.id });
    const [episode] = await db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, ids.casey));
    await db.insert(trackEnrollments).values({
      trackId: track.id,
      participantId: ids.casey,
      episodeId: episode!.id,
      status: "enrolled",
      joinedOn: "2026-10-01",
    });
    const appointment = (startsAt: string, endsAt: string, telehealth: boolean) => ({
      siteId: site.id,
      participantId: ids.casey,
      kind: "individual",
      staffId: users.counselor.id,
      telehealth,
      location: telehealth ? "https://video.example/casey" : "Room 3",
      timeZone: "America/New_York",
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      localDate: startsAt.slice(0, 10),
    });
    const [video] = await db
      .insert(appointments)
      .values(appointment("2026-11-24T15:20:00Z", "2026-11-24T16:10:00Z", true))
      .returning({ id: appointments.id });
    ids.video = video!.id;
    const [past] = await db
      .insert(appointments)
      .values(appointment("2026-11-23T15:00:00Z", "2026-11-23T15:50:00Z", false))
      .returning({ id: appointments.id });
    ids.yesterday = past!.id;
    for (const person of PEOPLE)
      cookies[person] = (await signIn(app, users[person].email, users[person].password)).cookie;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("Today shows the video appointment about to start with its link, no count yet, and the on-call line", async () => {
    const response = await call("casey", "GET", "/me/today");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      today: "2026-11-24",
      timeZone: "America/New_York",
      nextSession: {
        id: `appointment:${ids.video}`,
        kind: "individual",
        date: "2026-11-24",
        start: "10:20",
        telehealth: true,
        place: null,
        videoLink: "https://video.example/casey",
      },
      daysInRecovery: null,
      onCall: { phone: "(555) 010-4400" },
    });
    expect(await audits("participant_app.today_view")).toBeGreaterThan(0);
    expect((await call("counselor", "GET", "/me/today")).statusCode).toBe(403);
  });

  it("restarts the counter kindly: the old count stays in the history, the chart shows it, bad dates are refused", async () => {
    const staffSet = await call("counselor", "PUT", `/participants/${ids.casey}/sobriety-date`, {
      sobrietyOn: "2026-10-01",
    });
    expect(staffSet.statusCode).toBe(200);
    expect((await call("casey", "GET", "/me/sobriety")).json()).toMatchObject({
      sobrietyOn: "2026-10-01",
      daysInRecovery: 54,
      history: [{ kind: "change", by: "care_team", daysCounted: null }],
    });

    const future = await call("casey", "POST", "/me/sobriety/restart", { restartOn: "2026-11-25" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: "SOBRIETY_RESTART_INVALID" });
    expect(future.json().error.fields[0].path).toBe("restartOn");
    const tooLong = await call("casey", "POST", "/me/sobriety/restart", {
      restartOn: "2026-11-24",
      message: "x".repeat(301),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0].path).toBe("message");

    const restart = await call("casey", "POST", "/me/sobriety/restart", {
      restartOn: "2026-11-23",
      message: "  Starting again, with what I learned.  ",
    });
    expect(restart.statusCode).toBe(200);
    expect(restart.json()).toMatchObject({
      sobrietyOn: "2026-11-23",
      daysInRecovery: 1,
      history: [
        {
          kind: "restart",
          from: "2026-10-01",
          to: "2026-11-23",
          daysCounted: 53,
          message: "Starting again, with what I learned.",
          by: "self",
        },
        { kind: "change", to: "2026-10-01" },
      ],
    });
    const again = await call("casey", "POST", "/me/sobriety/restart", { restartOn: "2026-11-23" });
    expect(again.statusCode).toBe(400);
    expect(await audits("sobriety.restart")).toBe(1);

    const chart = (await call("counselor", "GET", `/participants/${ids.casey}`)).json();
    expect(chart.sobrietyHistory[0]).toMatchObject({
      from: "2026-10-01",
      to: "2026-11-23",
      restart: true,
      message: "Starting again, with what I learned.",
      changedBy: { name: "Casey Rivers" },
    });

    const staffRestart = await call("counselor", "PUT", `/participants/${ids.casey}/sobriety-date`, {
      sobrietyOn: "2026-11-24",
      restart: true,
      message: "One day at a time; we are with you.",
    });
    expect(staffRestart.statusCode).toBe(200);
    const staffBackwards = await call("counselor", "PUT", `/participants/${ids.casey}/sobriety-date`, {
      sobrietyOn: "2026-11-01",
      restart: true,
    });
    expect(staffBackwards.json().error).toMatchObject({ code: "SOBRIETY_RESTART_INVALID" });
    expect((await call("casey", "GET", "/me/sobriety")).json().history[0]).toMatchObject({
      kind: "restart",
      by: "care_team",
      daysCounted: 1,
      message: "One day at a time; we are with you.",
    });
    expect((await call("casey", "GET", "/me/today")).json().daysInRecovery).toBe(0);
  });

  it("asks to be excused from Thursday's group: the counselor is alerted, approves, and the roster defaults to excused", async () => {
    const created = await call("casey", "POST", "/me/absence-requests", {
      sessionId: THURSDAY(),
      reason: "work",
      note: "Double shift",
    });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({
      status: "pending",
      kind: "group",
      title: "Evening group",
      occursOn: "2026-11-26",
    });

    const [alert] = await queryRows<{
      severity: string;
      state: string;
      evidence_item: string;
      reason: string;
    }>(
      database.db,
      sql`select severity, state, evidence_item, reason from alerts
          where kind = 'absence_request' and evidence_id = ${request.id}`,
    );
    expect(alert).toMatchObject({ severity: "info", state: "open", evidence_item: "2026-11-26" });
    expect(alert!.reason).not.toContain("Double shift");

    const duplicate = await call("casey", "POST", "/me/absence-requests", {
      sessionId: THURSDAY(),
      reason: "illness",
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe("ABSENCE_REQUEST_DUPLICATE");
    const past = await call("casey", "POST", "/me/absence-requests", {
      sessionId: `appointment:${ids.yesterday}`,
      reason: "illness",
    });
    expect(past.json().error.code).toBe("ABSENCE_REQUEST_SESSION_PAST");
    const notMine = await call("robin", "POST", "/me/absence-requests", {
      sessionId: THURSDAY(),
      reason: "work",
    });
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.code).toBe("ABSENCE_REQUEST_SESSION_NOT_FOUND");
    const badReason = await call("casey", "POST", "/me/absence-requests", {
      sessionId: `appointment:${ids.video}`,
      reason: "bored",
    });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().error.fields[0].path).toBe("reason");

    const chartList = await call("counselor", "GET", `/participants/${ids.casey}/absence-requests`);
    expect(chartList.json().requests.map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect(await audits("absence_request.list")).toBeGreaterThan(0);

    const refused = await call("stranger", "POST", `/absence-requests/${request.id}/decision`, {
      decision: "approve",
    });
    expect([403, 404]).toContain(refused.statusCode);
    expect(await audits("absence_request.decide", "denied")).toBe(1);
    expect(
      (await call("casey", "POST", `/absence-requests/${request.id}/decision`, { decision: "approve" }))
        .statusCode,
    ).not.toBe(200);

    const approved = await call("counselor", "POST", `/absence-requests/${request.id}/decision`, {
      decision: "approve",
      note: "Thanks for letting us know.",
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      decidedBy: "Dana Counselor",
      decisionNote: "Thanks for letting us know.",
    });
    const [resolved] = await queryRows<{ state: string }>(
      database.db,
      sql`select state from alerts where kind = 'absence_request' and evidence_id = ${request.id}`,
    );
    expect(resolved!.state).toBe("resolved");
    const twice = await call("counselor", "POST", `/absence-requests/${request.id}/decision`, {
      decision: "decline",
    });
    expect(twice.statusCode).toBe(409);

    const roster = (
      await call("counselor", "GET", `/tracks/${ids.track}/occurrences/2026-11-26T18:00/roster`)
    ).json();
    expect(roster.participants).toEqual([
      expect.objectContaining({
        participant: expect.objectContaining({ id: ids.casey }),
        excusedInAdvance: true,
        mark: null,
      }),
    ]);

    const mine = (await call("casey", "GET", "/me/absence-requests")).json();
    expect(mine.requests[0]).toMatchObject({ id: request.id, status: "approved" });
    expect((await call("robin", "GET", "/me/absence-requests")).json().requests).toEqual([]);
    expect((await call("robin", "POST", `/me/absence-requests/${request.id}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await call("casey", "POST", `/me/absence-requests/${request.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn" });
    expect(withdrawn.json().status).toBe("withdrawn");
    expect((await call("casey", "POST", `/me/absence-requests/${request.id}/withdraw`)).statusCode).toBe(409);
    const unknown = await call("counselor", "POST", `/absence-requests/${randomUUID()}/decision`, {
      decision: "approve",
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("keeps the program's local help resources: administrators change them, participants read them with the on-call line", async () => {
    const bad = await call("admin", "PUT", "/help-resources", {
      resources: [{ name: "Food bank", url: "http://insecure.example" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("resources.0.url");
    const resources = [
      {
        name: "Recovery café",
        phone: "555 010 7788",
        url: "",
        description: "Open evenings",
        language: "any",
      },
      {
        name: "Clínica del pueblo",
        phone: "",
        url: "https://clinica.example",
        description: "",
        language: "es",
      },
    ];
    const saved = await call("admin", "PUT", "/help-resources", { resources });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().resources).toEqual(resources);
    expect((await call("counselor", "PUT", "/help-resources", { resources })).statusCode).toBe(403);
    expect((await call("casey", "GET", "/help-resources")).statusCode).toBe(403);
    expect((await call("casey", "GET", "/me/help-resources")).json()).toEqual({
      resources,
      onCall: { site: expect.any(String), phone: "(555) 010-4400" },
    });
    expect(await audits("settings.help_resources_update")).toBe(1);
  });
});

import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { appointments, assessmentAssignments, clinicalNotes, trackEnrollments } from "../db/schema";

/**
 * Recording a discharge over the API: the readiness view, bad dates and missing words refused by
 * field, the unsigned-notes warning with its list and the acknowledged discharge that follows, the
 * episode closed with every discharge column, the track place ended, booked appointments and open
 * questionnaires cancelled, the audit event; no open episode; a counselor outside the care team
 * refused. Then a re-admission that follows the discharged episode.
 */

const PEOPLE = ["counselor", "director", "outsider", "intake"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("discharges: readiness, recording a discharge, re-admission link", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  // 14:05 in New York on Monday 9 March 2026.
  const clock = testClock("2026-03-09T18:05:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let siteId = "";
  let siteName = "";
  let trackId = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (who: Person, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      ...(payload ? { payload } : {}),
    });
  const discharge = (participantId: string, body: object, who: Person = "counselor") =>
    call(who, "POST", `/participants/${participantId}/discharge`, {
      dischargedOn: "2026-03-06",
      reason: "completed",
      levelOfCare: "2.1",
      referredLevelOfCare: "1.0",
      note: "",
      ...body,
    });
  const episodeOf = async (participantId: string) =>
    (
      await queryRows<Record<string, unknown>>(
        database.db,
        sql`select id, discharged_on::text as discharged_on, discharge_reason, discharge_level_of_care,
              referred_level_of_care, discharge_note, discharged_by, discharge_recorded_at
            from episodes where participant_id = ${participantId} order by admitted_on`,
      )
    )[0]!;

  /** A participant in the program since 5 January with the counselor on their care team. */
  const admitted = async () => {
    const p = await givenParticipant(database.db, {
      siteId,
      admittedOn: "2026-01-05",
      trackId,
      careTeam: [{ userId: credentials.counselor.id, role: "primary_counselor" }],
    });
    const episodeId = String((await episodeOf(p.id)).id);
    return { id: p.id, episodeId };
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    siteId = site.id;
    siteName = site.name;
    credentials.counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [siteName],
      displayName: "Alex Kim",
    });
    credentials.director = await givenUser(db, {
      roles: ["clinical_director"],
      siteNames: [siteName],
      displayName: "Dana Reyes",
    });
    credentials.outsider = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [siteName],
      displayName: "Olu Other",
    });
    credentials.intake = await givenUser(db, { roles: ["intake_coordinator"], siteNames: [siteName] });
    trackId = (await givenTrack(db, { siteId, name: "Evening IOP" })).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("shows the readiness of the open episode with its unsigned notes, and audits the read", async () => {
    const p = await admitted();
    await database.db.insert(clinicalNotes).values({
      kind: "individual",
      siteId,
      participantId: p.id,
      episodeId: p.episodeId,
      format: "DAP",
      sessionDate: "2026-03-04",
      startsAt: new Date("2026-03-04T15:00:00Z"),
      endsAt: new Date("2026-03-04T15:50:00Z"),
      content: {},
      authorId: credentials.counselor.id,
    });
    const response = await call("counselor", "GET", `/participants/${p.id}/discharge-readiness`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.today).toBe("2026-03-09");
    expect(body.readiness).toMatchObject({
      episodeId: p.episodeId,
      admittedOn: "2026-01-05",
      plan: { signed: false, criteria: [] },
      objectives: { met: 0, total: 0 },
      unsignedNotes: [{ kind: "individual", sessionDate: "2026-03-04", author: "Alex Kim", status: "draft" }],
    });
    expect(body.readiness.attendance.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      "2026-02-09",
      "2026-02-16",
      "2026-02-23",
      "2026-03-02",
    ]);
    expect(body.readiness.concerns).toEqual(
      expect.arrayContaining(["no_signed_plan", "attendance_below_minimum", "unsigned_notes"]),
    );
    expect(body.episodes).toEqual([
      expect.objectContaining({ id: p.episodeId, dischargedOn: null, reason: null, previousEpisode: null }),
    ]);
    const audit = await queryRows<{ outcome: string }>(
      database.db,
      sql`select outcome from audit_events where action = 'discharge.readiness_view' and participant_id = ${p.id}`,
    );
    expect(audit.map((a) => a.outcome)).toEqual(["allowed"]);
  });

  it("refuses a discharge dated before the admission, in the future, or `other` without words, by field", async () => {
    const p = await admitted();
    const cases = [
      [{ dischargedOn: "2026-01-04" }, "dischargedOn", /before the admission on 2026-01-05/],
      [{ dischargedOn: "2026-03-10" }, "dischargedOn", /cannot be in the future \(today is 2026-03-09/],
      [{ reason: "other", note: " " }, "note", /why the episode ended/],
      [
        { reason: "transferred", referredLevelOfCare: null },
        "referredLevelOfCare",
        /transferred or referred/,
      ],
      [{ levelOfCare: "2.2" }, "levelOfCare", /not a level of care/],
    ] as const;
    for (const [body, path, message] of cases) {
      const response = await discharge(p.id, body);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code).toBe("VALIDATION_FAILED");
      expect(response.json().error.fields).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    const bad = await discharge(p.id, { reason: "graduated" });
    expect(bad.statusCode).toBe(400);
    expect((await episodeOf(p.id)).discharged_on).toBeNull();
    // Each refused attempt is in the audit trail; the malformed reason never reached the service.
    const refused = await queryRows<{ details: string }>(
      database.db,
      sql`select details from audit_events where action = 'discharge.refused' and participant_id = ${p.id} order by seq`,
    );
    expect(refused.map((r) => JSON.parse(r.details).code)).toEqual(
      Array(cases.length).fill("VALIDATION_FAILED"),
    );
  });

  it("warns with the list of unsigned notes, then discharges when the clinician acknowledges them", async () => {
    const p = await admitted();
    const db = database.db;
    const [place] = await db
      .insert(trackEnrollments)
      .values({
        trackId,
        participantId: p.id,
        episodeId: p.episodeId,
        status: "enrolled",
        joinedOn: "2026-01-05",
      })
      .returning({ id: trackEnrollments.id });
    const booking = (startsAt: string, localDate: string) => ({
      siteId,
      participantId: p.id,
      episodeId: p.episodeId,
      kind: "individual",
      staffId: credentials.counselor.id,
      timeZone: "America/New_York",
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + 50 * 60_000),
      localDate,
    });
    const [past, future] = await db
      .insert(appointments)
      .values([booking("2026-03-09T13:00:00Z", "2026-03-09"), booking("2026-03-12T15:00:00Z", "2026-03-12")])
      .returning({ id: appointments.id });
    await db.insert(assessmentAssignments).values({
      participantId: p.id,
      siteId,
      instrumentKey: "phq9",
      assignedAt: new Date("2026-03-02T12:00:00Z"),
      dueOn: "2026-03-16",
    });
    await db.insert(clinicalNotes).values({
      kind: "individual",
      siteId,
      participantId: p.id,
      episodeId: p.episodeId,
      format: "DAP",
      sessionDate: "2026-03-05",
      startsAt: new Date("2026-03-05T15:00:00Z"),
      endsAt: new Date("2026-03-05T15:50:00Z"),
      content: {},
      authorId: credentials.director.id,
    });

    const warned = await discharge(p.id, {});
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error).toMatchObject({
      code: "DISCHARGE_UNSIGNED_NOTES",
      message: expect.stringMatching(/1 unsigned note/),
      unsignedNotes: [
        { kind: "individual", sessionDate: "2026-03-05", author: "Dana Reyes", status: "draft" },
      ],
    });
    expect((await episodeOf(p.id)).discharged_on).toBeNull();

    const done = await discharge(p.id, { acknowledgeUnsignedNotes: true, note: "Met every goal." });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({
      episode: {
        id: p.episodeId,
        dischargedOn: "2026-03-06",
        reason: "completed",
        tedsReasonCode: 1,
        dischargeLevelOfCare: "2.1",
        tedsServiceCode: 6,
        referredLevelOfCare: "1.0",
        note: "Met every goal.",
        dischargedBy: "Alex Kim",
      },
      exitedTrack: "Evening IOP",
      cancelledAppointments: 1,
      cancelledAssignments: 1,
    });
    const episode = await episodeOf(p.id);
    expect(episode).toMatchObject({
      discharged_on: "2026-03-06",
      discharge_reason: "completed",
      discharge_level_of_care: "2.1",
      referred_level_of_care: "1.0",
      discharge_note: "Met every goal.",
      discharged_by: credentials.counselor.id,
    });
    expect(new Date(String(episode.discharge_recorded_at)).toISOString()).toBe("2026-03-09T18:05:00.000Z");
    const enrollment = await queryRows<{ status: string; exited_on: string; exit_reason: string }>(
      db,
      sql`select status, exited_on::text as exited_on, exit_reason from track_enrollments where id = ${place!.id}`,
    );
    expect(enrollment).toEqual([{ status: "exited", exited_on: "2026-03-06", exit_reason: "discharged" }]);
    const booked = await queryRows<{ id: string; status: string }>(
      db,
      sql`select id, status from appointments where participant_id = ${p.id}`,
    );
    expect(Object.fromEntries(booked.map((b) => [b.id, b.status]))).toEqual({
      [past!.id]: "scheduled",
      [future!.id]: "cancelled",
    });
    const open = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from assessment_assignments where participant_id = ${p.id} and cancelled_at is null`,
    );
    expect(open[0]!.n).toBe(0);
    const audit = await queryRows<{ purpose: string; details: string }>(
      db,
      sql`select purpose, details from audit_events where action = 'discharge.record' and participant_id = ${p.id}`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      reason: "completed",
      tedsReason: 1,
      dischargedOn: "2026-03-06",
      unsignedNotes: 1,
      unsignedNoteList: expect.stringMatching(/^2026-03-05 individual by Dana Reyes/),
      cancelledAppointments: 1,
    });

    // No open episode any more: a second discharge is refused plainly.
    const again = await discharge(p.id, { acknowledgeUnsignedNotes: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("DISCHARGE_NO_OPEN_EPISODE");
    const view = (await call("counselor", "GET", `/participants/${p.id}/discharge-readiness`)).json();
    expect(view.readiness).toBeNull();
    expect(view.episodes[0]).toMatchObject({ reason: "completed", tedsReasonCode: 1 });
  });

  it("refuses a counselor outside the care team and leaves the episode open; a clinical director may discharge", async () => {
    const p = await admitted();
    const refused = await discharge(p.id, {}, "outsider");
    expect(refused.statusCode).toBe(403);
    expect((await episodeOf(p.id)).discharged_on).toBeNull();
    const readRefused = await call("outsider", "GET", `/participants/${p.id}/discharge-readiness`);
    expect(readRefused.statusCode).toBe(403);
    const denied = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where participant_id = ${p.id} and outcome = 'denied'`,
    );
    expect(denied[0]!.n).toBe(2);
    const byDirector = await discharge(
      p.id,
      { reason: "left_against_advice", referredLevelOfCare: null },
      "director",
    );
    expect(byDirector.statusCode).toBe(201);
    expect(byDirector.json().episode).toMatchObject({ reason: "left_against_advice", tedsReasonCode: 2 });
  });

  it("a re-admission opens a new episode that follows the discharged one", async () => {
    const p = await admitted();
    expect((await discharge(p.id, { reason: "transferred", referredLevelOfCare: "3.5" })).statusCode).toBe(
      201,
    );
    const lead = await call("intake", "POST", "/admissions/referrals", {
      siteId,
      source: "residential",
      personName: "Robin Tester",
      contactMethod: "phone",
      phone: "555 010 0002",
    });
    const leadId = lead.json().id as string;
    await call("intake", "POST", `/admissions/leads/${leadId}/stage`, { to: "screening_scheduled" });
    await call("intake", "POST", `/admissions/leads/${leadId}/stage`, { to: "screened" });
    const [person] = await queryRows<{ given_name: string; family_name: string }>(
      database.db,
      sql`select given_name, family_name from participants where id = ${p.id}`,
    );
    const readmitted = await call("intake", "POST", `/admissions/leads/${leadId}/admission`, {
      legalGivenName: person!.given_name,
      legalFamilyName: person!.family_name,
      bornOn: "1990-04-12",
      phone: "555 010 0002",
      admittedOn: "2026-03-09",
      primaryCounselorId: credentials.counselor.id,
      diagnoses: [{ code: "F10.20", primary: true }],
      readmitParticipantId: p.id,
    });
    expect(readmitted.statusCode).toBe(201);
    const view = (await call("counselor", "GET", `/participants/${p.id}/discharge-readiness`)).json();
    expect(view.episodes).toHaveLength(2);
    expect(view.episodes[0]).toMatchObject({
      admittedOn: "2026-03-09",
      dischargedOn: null,
      previousEpisode: { id: p.episodeId, admittedOn: "2026-01-05" },
    });
    expect(view.episodes[1]).toMatchObject({ id: p.episodeId, reason: "transferred", tedsReasonCode: 4 });
    expect(view.readiness.episodeId).toBe(view.episodes[0].id);
  });
});

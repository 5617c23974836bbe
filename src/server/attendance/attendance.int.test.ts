import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { episodes, trackEnrollments, trackExceptions, tracks } from "../db/schema";
import { insertMark } from "./attendance.sql";

/**
 * Taking attendance over the API: the roster of a session pre-filled from enrollment, marking all
 * present then the exceptions, minutes checked against the session, edits after the fact with a
 * reason, weekly hours from the marks, and who may take attendance where.
 *
 * The track meets Mon/Tue/Thu 18:00–21:00 in New York (180 minutes); today is Wednesday 2026-03-11.
 */

const PEOPLE = ["counselor", "frontDesk", "otherCounselor"] as const;
type Person = (typeof PEOPLE)[number];

const MONDAY = "2026-03-09T18:00";
const TUESDAY = "2026-03-10T18:00";
const THURSDAY = "2026-03-12T18:00";

describeEachEngine("attendance: roster, marks, edits and weekly hours", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-11T16:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string }>;
  const sessions = new Map<Person, string>();
  const p = { ana: "", ben: "", eve: "", gone: "", waiting: "" };
  let trackId = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const roster = async (key: string, who: Person = "counselor") =>
    app.inject({
      url: `/api/v1/tracks/${trackId}/occurrences/${key}/roster`,
      headers: { cookie: await cookie(who) },
    });
  const record = async (key: string, payload: object, who: Person = "counselor") =>
    app.inject({
      method: "PUT",
      url: `/api/v1/tracks/${trackId}/occurrences/${key}/attendance`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      payload,
    });
  const marksOf = (key: string) =>
    queryRows<{ participant_id: string; status: string; minutes_attended: number }>(
      database.db,
      sql`select participant_id, status, minutes_attended from attendance_marks
          where track_id = ${trackId} and occurrence_key = ${key}`,
    );
  const auditOf = (action: string) =>
    queryRows<{ participant_id: string | null; details: string | null }>(
      database.db,
      sql`select participant_id, details from audit_events where action = ${action} order by seq`,
    );

  async function enroll(
    participantId: string,
    values: { status: string; joinedOn?: string; exitedOn?: string; waitlistedAt?: Date },
  ) {
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, participantId));
    await database.db.insert(trackEnrollments).values({
      trackId,
      participantId,
      episodeId: episode!.id,
      ...values,
      ...(values.exitedOn ? { exitReason: "moved to the morning track" } : {}),
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    const otherSite = await givenSite(db);
    const counselor = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    credentials.counselor = counselor;
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.otherCounselor = await givenUser(db, { roles: ["counselor"], siteNames: [otherSite.name] });

    trackId = (await givenTrack(db, { siteId: site.id, name: "Adult evening" })).id;
    await db
      .update(tracks)
      .set({
        pattern: {
          slots: [
            { weekday: 1, start: "18:00", end: "21:00" },
            { weekday: 2, start: "18:00", end: "21:00" },
            { weekday: 4, start: "18:00", end: "21:00" },
          ],
        },
      })
      .where(eq(tracks.id, trackId));

    const admitted = { siteId: site.id, admittedOn: "2026-01-15" };
    const careTeam = [{ userId: counselor.id, role: "primary_counselor" }];
    p.ana = (
      await givenParticipant(db, { ...admitted, givenName: "Ana", familyName: "Alvarez", careTeam })
    ).id;
    p.ben = (
      await givenParticipant(db, { ...admitted, givenName: "Ben", familyName: "Brooks", careTeam })
    ).id;
    p.eve = (await givenParticipant(db, { ...admitted, givenName: "Eve", familyName: "Evans", careTeam })).id;
    p.gone = (await givenParticipant(db, { ...admitted, givenName: "Gil", familyName: "Gone" })).id;
    p.waiting = (await givenParticipant(db, { ...admitted, givenName: "Wes", familyName: "Waiting" })).id;
    await enroll(p.ana, { status: "enrolled", joinedOn: "2026-02-02" });
    await enroll(p.ben, { status: "enrolled", joinedOn: "2026-02-02" });
    await enroll(p.eve, { status: "enrolled", joinedOn: "2026-03-02" });
    await enroll(p.gone, { status: "exited", joinedOn: "2026-02-02", exitedOn: "2026-03-06" });
    await enroll(p.waiting, { status: "waitlisted", waitlistedAt: new Date("2026-03-01T12:00:00Z") });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("pre-fills the roster from enrollment: someone who exited before the date or is waitlisted is not on it", async () => {
    const response = await roster(TUESDAY);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.occurrence).toMatchObject({
      key: TUESDAY,
      date: "2026-03-10",
      start: "18:00",
      end: "21:00",
      status: "scheduled",
      durationMinutes: 180,
      startsAt: "2026-03-10T22:00:00.000Z",
      track: { id: trackId, name: "Adult evening", timeZone: "America/New_York" },
    });
    expect(body.participants).toEqual([
      { participant: { id: p.ana, name: "Ana Alvarez" }, mark: null, excusedInAdvance: false },
      { participant: { id: p.ben, name: "Ben Brooks" }, mark: null, excusedInAdvance: false },
      { participant: { id: p.eve, name: "Eve Evans" }, mark: null, excusedInAdvance: false },
    ]);
    // Before the exit, the one who left was on it.
    const earlier = (await roster("2026-03-03T18:00")).json();
    expect(earlier.participants.map((e: { participant: { id: string } }) => e.participant.id)).toContain(
      p.gone,
    );
    const audited = await auditOf("attendance.roster_view");
    expect(audited.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(audited[0]!.details!)).toMatchObject({ occurrenceKey: TUESDAY, participants: 3 });
  });

  it("names a key that is not a session of the series", async () => {
    const response = await roster("2026-03-11T18:00");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("ATTENDANCE_OCCURRENCE_NOT_FOUND");
    expect(response.json().error.message).toBe(
      "Adult evening has no session on Wednesday 2026-03-11 at 18:00.",
    );
  });

  it("marks everyone present, then two exceptions, one audit event per participant", async () => {
    const response = await record(TUESDAY, {
      marks: [
        { participantId: p.ana, status: "present" },
        { participantId: p.ben, status: "late", minutesAttended: 150, note: "Bus was late" },
        { participantId: p.eve, status: "absent_unexcused" },
      ],
    });
    expect(response.statusCode).toBe(200);
    const marks = Object.fromEntries(
      response
        .json()
        .participants.map(
          (e: { participant: { id: string }; mark: { status: string; minutesAttended: number } }) => [
            e.participant.id,
            `${e.mark.status}:${e.mark.minutesAttended}`,
          ],
        ),
    );
    expect(marks).toEqual({ [p.ana]: "present:180", [p.ben]: "late:150", [p.eve]: "absent_unexcused:0" });
    const audited = await auditOf("attendance.record");
    expect(audited.map((a) => a.participant_id).sort()).toEqual([p.ana, p.ben, p.eve].sort());
  });

  it("refuses minutes above the session's length, naming the field, and saves nothing", async () => {
    const response = await record(MONDAY, {
      marks: [
        { participantId: p.ana, status: "present" },
        { participantId: p.ben, status: "present" },
        { participantId: p.eve, status: "late", minutesAttended: 200 },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
    expect(response.json().error.fields).toEqual([
      {
        path: "marks.2.minutesAttended",
        message: "Minutes attended cannot be more than the session's 180 minutes.",
      },
    ]);
    expect(await marksOf(MONDAY)).toEqual([]);
  });

  it("refuses someone not on the roster and a cancelled session", async () => {
    const stranger = await record(MONDAY, { marks: [{ participantId: p.gone, status: "present" }] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.code).toBe("ATTENDANCE_NOT_ON_ROSTER");
    expect(stranger.json().error.fields[0].path).toBe("marks.0.participantId");

    await database.db
      .insert(trackExceptions)
      .values({ trackId, occurrenceKey: "2026-03-16T18:00", kind: "cancelled", reason: "Staff training" });
    const cancelled = await record("2026-03-16T18:00", {
      marks: [{ participantId: p.ana, status: "present" }],
    });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.code).toBe("ATTENDANCE_OCCURRENCE_CANCELLED");
    expect(await marksOf("2026-03-16T18:00")).toEqual([]);
  });

  it("refuses an edit without a reason and records one with a reason in attendance_mark_edits", async () => {
    const change = { participantId: p.ana, status: "absent_excused" };
    const refused = await record(TUESDAY, { marks: [change] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: "reason", message: "Say why the attendance is being changed." },
    ]);
    expect((await marksOf(TUESDAY)).find((m) => m.participant_id === p.ana)?.status).toBe("present");

    // Sending the unchanged marks again needs no reason and writes nothing.
    const same = await record(TUESDAY, {
      marks: [{ participantId: p.ben, status: "late", minutesAttended: 150, note: "Bus was late" }],
    });
    expect(same.statusCode).toBe(200);

    const edited = await record(TUESDAY, {
      marks: [change],
      reason: "Marked by mistake; she called in sick",
    });
    expect(edited.statusCode).toBe(200);
    expect((await marksOf(TUESDAY)).find((m) => m.participant_id === p.ana)?.status).toBe("absent_excused");
    const edits = await queryRows<{ reason: string; before: { status: string }; after: { status: string } }>(
      database.db,
      sql`select reason, before, after from attendance_mark_edits`,
    );
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      reason: "Marked by mistake; she called in sick",
      before: { status: "present", minutesAttended: 180 },
      after: { status: "absent_excused", minutesAttended: 0 },
    });
    const audited = await auditOf("attendance.edit");
    expect(audited.map((a) => a.participant_id)).toEqual([p.ana]);
    expect((await auditOf("attendance.record")).length).toBe(3);
  });

  it("counts weekly hours mid-week: two absences leave the minimum out of reach", async () => {
    const monday = await record(MONDAY, {
      marks: [
        { participantId: p.ana, status: "present" },
        { participantId: p.ben, status: "present" },
        { participantId: p.eve, status: "absent_unexcused" },
      ],
    });
    expect(monday.statusCode).toBe(200);
    for (const query of ["?week=2026-03-12", ""]) {
      const response = await app.inject({
        url: `/api/v1/participants/${p.eve}/weekly-hours${query}`,
        headers: { cookie: await cookie("counselor") },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        participantId: p.eve,
        today: "2026-03-11",
        timeZone: "America/New_York",
        weekStart: "2026-03-09",
        weekEnd: "2026-03-15",
        weekState: "in_progress",
        ageGroup: "adult",
        scheduledMinutes: 540,
        attendedMinutes: 0,
        openSessions: 1,
        projectedMinutes: 180,
        minimumMinutes: 540,
        shortfallMinutes: 360,
        verdict: "cannot_reach",
      });
      expect(response.json().sessions.map((s: { key: string }) => s.key)).toEqual([
        MONDAY,
        TUESDAY,
        THURSDAY,
      ]);
    }
    const ben = await app.inject({
      url: `/api/v1/participants/${p.ben}/weekly-hours?week=2026-03-09`,
      headers: { cookie: await cookie("counselor") },
    });
    expect(ben.json()).toMatchObject({
      attendedMinutes: 330,
      projectedMinutes: 510,
      verdict: "cannot_reach",
    });
  });

  it("lets the front desk record attendance and refuses a counselor at another site", async () => {
    const frontDesk = await record(
      THURSDAY,
      { marks: [{ participantId: p.ana, status: "present" }] },
      "frontDesk",
    );
    expect(frontDesk.statusCode).toBe(200);
    expect(await marksOf(THURSDAY)).toEqual([
      { participant_id: p.ana, status: "present", minutes_attended: 180 },
    ]);

    const read = await roster(THURSDAY, "otherCounselor");
    expect(read.statusCode).toBe(404);
    const write = await record(
      THURSDAY,
      { marks: [{ participantId: p.ben, status: "present" }] },
      "otherCounselor",
    );
    expect(write.statusCode).toBe(404);
    expect(write.json().error.message).toBe("No such track.");
    const hours = await app.inject({
      url: `/api/v1/participants/${p.ben}/weekly-hours`,
      headers: { cookie: await cookie("otherCounselor") },
    });
    expect(hours.statusCode).toBe(404);
    expect(await marksOf(THURSDAY)).toHaveLength(1);
  });

  it("leaves a mark recorded meanwhile by someone else alone (the second first-recording gets nothing back)", async () => {
    const row = {
      trackId,
      occurrenceKey: "2026-04-06T18:00",
      participantId: p.ana,
      occurredOn: "2026-04-06",
      status: "present",
      minutesAttended: 180,
      sessionMinutes: 180,
      recordedAt: clock.now(),
    };
    expect(await insertMark(database.db, row)).toEqual(expect.any(String));
    expect(
      await insertMark(database.db, { ...row, status: "absent_unexcused", minutesAttended: 0 }),
    ).toBeUndefined();
  });
});

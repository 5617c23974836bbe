import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aScreening, givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { admissionLeads, episodes, tracks } from "../db/schema";

/**
 * Enrollment over the API: rolling admission into a track from a date, the waitlist when it is full
 * (TRACK_FULL unless asked), moving between tracks mid-episode with the history kept, leaving and
 * admitting from the waitlist, who sees which names, two requests racing for the last place, and an
 * admission placing its new episode.
 *
 * Today is Wednesday 2026-03-11; everyone was admitted on Monday 2026-03-02 at the Northside site.
 */

const PEOPLE = ["frontDesk", "counselor", "director", "otherSiteCounselor"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("enrollment: places, waitlist, moves and exits", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-11T16:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const sessions = new Map<Person, string>();
  let siteId = "";
  const track = { evening: "", morning: "", teens: "", winter: "", uptown: "", solo: "", race: "" };
  const p = { ana: "", ben: "", cal: "", dee: "", eve: "", fay: "", gus: "" };
  const racers: string[] = [];

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const get = async (url: string, who: Person = "frontDesk") =>
    app.inject({ url, headers: { cookie: await cookie(who) } });
  const post = async (url: string, payload: object, who: Person = "frontDesk") =>
    app.inject({ method: "POST", url, headers: { ...appHeaders, cookie: await cookie(who) }, payload });
  const place = (participantId: string, payload: object, who: Person = "frontDesk") =>
    post(`/api/v1/participants/${participantId}/enrollments`, payload, who);
  const move = (participantId: string, payload: object, who: Person = "frontDesk") =>
    post(`/api/v1/participants/${participantId}/enrollments/move`, payload, who);
  const rowsOf = (participantId: string) =>
    queryRows<{ track_id: string; status: string; joined_on: string | null; exited_on: string | null }>(
      database.db,
      sql`select track_id, status, joined_on::text as joined_on, exited_on::text as exited_on
          from track_enrollments where participant_id = ${participantId} order by created_at, id`,
    );
  const episodeTrackOf = async (participantId: string) =>
    (await database.db.select().from(episodes).where(eq(episodes.participantId, participantId)))[0]!.trackId;
  const auditCount = async (action: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_events where action = ${action} and outcome = 'allowed'`,
      )
    )[0]!.n;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Northside");
    const otherSite = await givenSite(db, "Uptown");
    siteId = site.id;
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.counselor = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    credentials.director = await givenUser(db, { roles: ["clinical_director"], siteNames: [site.name] });
    credentials.otherSiteCounselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [otherSite.name],
    });
    track.evening = (await givenTrack(db, { siteId, name: "Adult evening", capacity: 2 })).id;
    track.morning = (await givenTrack(db, { siteId, name: "Morning dual-diagnosis", capacity: 6 })).id;
    track.teens = (await givenTrack(db, { siteId, name: "Adolescent after-school" })).id;
    await db.update(tracks).set({ audience: "adolescent" }).where(eq(tracks.id, track.teens));
    track.winter = (
      await givenTrack(db, { siteId, name: "Winter track", startsOn: "2025-12-01", endsOn: "2026-02-27" })
    ).id;
    track.uptown = (await givenTrack(db, { siteId: otherSite.id, name: "Uptown evening" })).id;
    track.solo = (await givenTrack(db, { siteId, name: "Saturday track", capacity: 1 })).id;
    track.race = (await givenTrack(db, { siteId, name: "Last places", capacity: 2 })).id;
    const names = {
      ana: ["Ana", "Alvarez"],
      ben: ["Ben", "Brooks"],
      cal: ["Cal", "Carter"],
      dee: ["Dee", "Dunn"],
      eve: ["Eve", "Evans"],
      fay: ["Fay", "Fisher"],
      gus: ["Gus", "Grant"],
    } as const;
    for (const key of Object.keys(p) as (keyof typeof p)[]) {
      const [givenName, familyName] = names[key];
      p[key] = (
        await givenParticipant(db, {
          siteId,
          givenName,
          familyName,
          admittedOn: "2026-03-02",
          careTeam: key === "ana" ? [{ userId: credentials.counselor.id, role: "primary_counselor" }] : [],
        })
      ).id;
    }
    for (let i = 0; i < 5; i++) {
      racers.push((await givenParticipant(db, { siteId, givenName: "Racer", admittedOn: "2026-03-02" })).id);
    }
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("places participants from a date, lists them with their join dates, and the episode shows the track", async () => {
    const ana = await place(p.ana, { trackId: track.evening, joinOn: "2026-03-09" });
    expect(ana.statusCode).toBe(201);
    expect(ana.json()).toMatchObject({
      track: { id: track.evening, name: "Adult evening" },
      status: "enrolled",
      joinedOn: "2026-03-09",
      exitedOn: null,
      waitlistPosition: null,
    });
    expect((await place(p.ben, { trackId: track.evening, joinOn: "2026-03-10" })).statusCode).toBe(201);
    expect(await episodeTrackOf(p.ana)).toBe(track.evening);

    const list = await get(`/api/v1/tracks/${track.evening}/enrollments?on=2026-03-09`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      track: { name: "Adult evening", capacity: 2 },
      on: "2026-03-09",
      placesTaken: 1,
      placesTakenAtMost: 2,
      waitlist: [],
    });
    expect(list.json().enrolled).toEqual([
      {
        enrollmentId: ana.json().id,
        participant: { id: p.ana, name: "Ana Alvarez" },
        joinedOn: "2026-03-09",
        exitsOn: null,
      },
      {
        enrollmentId: expect.any(String),
        participant: { id: p.ben, name: "Ben Brooks" },
        joinedOn: "2026-03-10",
        exitsOn: null,
      },
    ]);
    expect(await auditCount("schedule.enrollment_place")).toBe(2);
    expect(await auditCount("schedule.track_enrollments_view")).toBe(1);
  });

  it("refuses a full track with TRACK_FULL naming trackId and saves nothing; waitlists in order when asked", async () => {
    const refused = await place(p.cal, { trackId: track.evening, joinOn: "2026-03-12" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "TRACK_FULL",
      message:
        "Adult evening is full on 2026-03-12: 2 of 2 places are taken. Add the participant to its waitlist, or choose another track.",
      fields: [{ path: "trackId" }],
    });
    expect(await rowsOf(p.cal)).toEqual([]);

    const cal = await place(p.cal, { trackId: track.evening, joinOn: "2026-03-12", waitlistIfFull: true });
    expect(cal.statusCode).toBe(201);
    expect(cal.json()).toMatchObject({ status: "waitlisted", joinedOn: null, waitlistPosition: 1 });
    clock.advanceMinutes(5);
    const dee = await place(p.dee, { trackId: track.evening, joinOn: "2026-03-12", waitlistIfFull: true });
    expect(dee.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });

    const list = (await get(`/api/v1/tracks/${track.evening}/enrollments`)).json();
    expect(list.on).toBe("2026-03-11");
    expect(
      list.waitlist.map((w: { position: number; participant: { name: string } }) => [
        w.position,
        w.participant.name,
      ]),
    ).toEqual([
      [1, "Cal Carter"],
      [2, "Dee Dunn"],
    ]);
  });

  it("counts a join planned for a later date from its date", async () => {
    expect((await place(p.eve, { trackId: track.solo, joinOn: "2026-04-04" })).statusCode).toBe(201);
    const earlier = await place(p.fay, { trackId: track.solo, joinOn: "2026-03-14" });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.json().error.message).toContain(
      "Saturday track is full from 2026-04-04 (joins already planned): 1 of 1 place is taken.",
    );
    const list = (await get(`/api/v1/tracks/${track.solo}/enrollments?on=2026-03-14`)).json();
    expect([list.placesTaken, list.placesTakenAtMost]).toEqual([0, 1]);
  });

  it("refuses a second place in the same episode and says to move instead", async () => {
    const again = await place(p.ana, { trackId: track.morning, joinOn: "2026-03-12" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "ENROLLMENT_OPEN_EXISTS",
      message: "The participant is already in Adult evening. Move them to the other track instead.",
    });
    const waiting = await place(p.cal, { trackId: track.morning, joinOn: "2026-03-12" });
    expect(waiting.json().error.message).toContain("already on the waitlist of Adult evening");
  });

  it("names the field of each bad track or date, and saves nothing", async () => {
    const cases: [object, string, string][] = [
      [
        { trackId: track.morning, joinOn: "2026-03-01" },
        "joinOn",
        "The participant was admitted on 2026-03-02",
      ],
      [
        { trackId: track.uptown, joinOn: "2026-03-12" },
        "trackId",
        "Choose a track at the participant's site.",
      ],
      [{ trackId: track.winter, joinOn: "2026-03-12" }, "joinOn", "Winter track runs until 2026-02-27"],
      [
        { trackId: "00000000-0000-4000-8000-000000000000", joinOn: "2026-03-12" },
        "trackId",
        "Choose a track.",
      ],
      [{ trackId: track.morning, joinOn: "2026-02-30" }, "joinOn", "Use a date like 2026-11-23."],
    ];
    for (const [payload, path, message] of cases) {
      const response = await place(p.gus, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.fields[0]).toMatchObject({
        path,
        message: expect.stringContaining(message),
      });
    }
    expect(await rowsOf(p.gus)).toEqual([]);
  });

  it("moves a participant mid-episode in one step, keeping the history; the episode's track follows", async () => {
    const before = await move(p.ana, { trackId: track.morning, on: "2026-03-08" });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields).toEqual([
      {
        path: "on",
        message: "The participant joined Adult evening on 2026-03-09; the move cannot be earlier.",
      },
    ]);
    const teens = await move(p.ana, { trackId: track.teens, on: "2026-03-23" });
    expect(teens.json().error.fields[0]).toMatchObject({
      path: "trackId",
      message: expect.stringContaining("same age group"),
    });
    const elsewhere = await move(p.ana, { trackId: track.uptown, on: "2026-03-23" });
    expect(elsewhere.json().error.fields[0].path).toBe("trackId");

    const moved = await move(p.ana, { trackId: track.morning, on: "2026-03-23" });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      left: {
        track: { id: track.evening },
        status: "exited",
        joinedOn: "2026-03-09",
        exitedOn: "2026-03-23",
        exitReason: "moved",
      },
      joined: { track: { id: track.morning }, status: "enrolled", joinedOn: "2026-03-23" },
    });
    expect(await episodeTrackOf(p.ana)).toBe(track.morning);

    const history = await get(`/api/v1/participants/${p.ana}/enrollments`);
    expect(history.statusCode).toBe(200);
    expect(
      history
        .json()
        .enrollments.map(
          (e: { track: { name: string }; status: string; joinedOn: string; exitedOn: string | null }) => [
            e.track.name,
            e.status,
            e.joinedOn,
            e.exitedOn,
          ],
        ),
    ).toEqual([
      ["Adult evening", "exited", "2026-03-09", "2026-03-23"],
      ["Morning dual-diagnosis", "enrolled", "2026-03-23", null],
    ]);
    // Ana still holds her evening place until the 23rd, shown with her exit ahead.
    const evening = (await get(`/api/v1/tracks/${track.evening}/enrollments`)).json();
    expect(
      evening.enrolled.find((e: { participant: { id: string } }) => e.participant.id === p.ana),
    ).toMatchObject({
      exitsOn: "2026-03-23",
    });
    expect(await auditCount("schedule.enrollment_move")).toBe(1);
    expect(await auditCount("schedule.enrollments_view")).toBe(1);
  });

  it("admits the first in line when a place frees, and refuses while the track is still full", async () => {
    const waitlist = (await get(`/api/v1/tracks/${track.evening}/enrollments`)).json().waitlist;
    const calId = waitlist[0].enrollmentId;
    const early = await post(`/api/v1/enrollments/${calId}/admit-from-waitlist`, { joinOn: "2026-03-16" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: "TRACK_FULL",
      message:
        "Adult evening is full on 2026-03-16: 2 of 2 places are taken. The participant stays on the waitlist.",
      fields: [{ path: "joinOn" }],
    });

    const admitted = await post(`/api/v1/enrollments/${calId}/admit-from-waitlist`, { joinOn: "2026-03-23" });
    expect(admitted.statusCode).toBe(200);
    expect(admitted.json()).toMatchObject({
      status: "enrolled",
      joinedOn: "2026-03-23",
      waitlistPosition: null,
    });
    expect(await episodeTrackOf(p.cal)).toBe(track.evening);
    const again = await post(`/api/v1/enrollments/${calId}/admit-from-waitlist`, { joinOn: "2026-03-23" });
    expect(again.json().error.code).toBe("ENROLLMENT_NOT_WAITLISTED");
    const list = (await get(`/api/v1/tracks/${track.evening}/enrollments?on=2026-03-23`)).json();
    expect(list.placesTaken).toBe(2);
    expect(
      list.waitlist.map((w: { participant: { id: string }; position: number }) => [
        w.participant.id,
        w.position,
      ]),
    ).toEqual([[p.dee, 1]]);
  });

  it("takes someone off the waitlist with a reason, and refuses to end a place twice or before it began", async () => {
    const deeId = (await get(`/api/v1/tracks/${track.evening}/enrollments`)).json().waitlist[0].enrollmentId;
    const noReason = await post(`/api/v1/enrollments/${deeId}/exit`, { on: "2026-03-20", reason: "" });
    expect(noReason.json().error.fields[0].path).toBe("reason");
    const removed = await post(`/api/v1/enrollments/${deeId}/exit`, {
      on: "2026-03-20",
      reason: "Joined a program closer to home",
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({
      status: "exited",
      joinedOn: null,
      exitedOn: "2026-03-20",
      exitReason: "Joined a program closer to home",
    });
    expect(
      (await post(`/api/v1/enrollments/${deeId}/exit`, { on: "2026-03-20", reason: "Again" })).json().error
        .code,
    ).toBe("ENROLLMENT_CLOSED");
    expect((await get(`/api/v1/tracks/${track.evening}/enrollments`)).json().waitlist).toEqual([]);

    const benId = (await get(`/api/v1/participants/${p.ben}/enrollments`)).json().enrollments[0].id;
    const tooEarly = await post(`/api/v1/enrollments/${benId}/exit`, {
      on: "2026-03-09",
      reason: "Schedule conflict",
    });
    expect(tooEarly.json().error.fields).toEqual([
      {
        path: "on",
        message: "The participant joined Adult evening on 2026-03-10; they cannot leave before.",
      },
    ]);
    // Dee, off the waitlist, can be placed again from the date she left it.
    const placedAgain = await place(p.dee, { trackId: track.morning, joinOn: "2026-03-19" });
    expect(placedAgain.json().error.fields[0].message).toBe(
      "The participant left their last track on 2026-03-20; choose a date from then.",
    );
    expect((await place(p.dee, { trackId: track.morning, joinOn: "2026-03-20" })).statusCode).toBe(201);
  });

  it("moves into a full track only onto its waitlist when asked; refused, nothing changes", async () => {
    const refused = await move(p.ben, { trackId: track.solo, on: "2026-04-06" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("TRACK_FULL");
    expect(await rowsOf(p.ben)).toEqual([
      { track_id: track.evening, status: "enrolled", joined_on: "2026-03-10", exited_on: null },
    ]);
    const waiting = await move(p.ben, { trackId: track.solo, on: "2026-04-06", waitlistIfFull: true });
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json().joined).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect(waiting.json().left).toMatchObject({
      status: "exited",
      exitedOn: "2026-04-06",
      exitReason: "moved",
    });
  });

  it("shows names only to those who may list the participant, and hides other sites' tracks", async () => {
    const asCounselor = (
      await get(`/api/v1/tracks/${track.morning}/enrollments?on=2026-03-23`, "counselor")
    ).json();
    const named = asCounselor.enrolled.map((e: { participant: { id: string; name: string | null } }) => [
      e.participant.id,
      e.participant.name,
    ]);
    expect(named).toContainEqual([p.ana, "Ana Alvarez"]);
    expect(named).toContainEqual([p.dee, null]);
    const asDirector = (
      await get(`/api/v1/tracks/${track.morning}/enrollments?on=2026-03-23`, "director")
    ).json();
    expect(
      asDirector.enrolled.every((e: { participant: { name: string | null } }) => e.participant.name !== null),
    ).toBe(true);
    expect((await get(`/api/v1/tracks/${track.morning}/enrollments`, "otherSiteCounselor")).statusCode).toBe(
      404,
    );
    expect((await get(`/api/v1/participants/${p.ana}/enrollments`, "otherSiteCounselor")).statusCode).toBe(
      404,
    );
  });

  it("lets only staff who may manage the participant's schedule change a place, and audits the refusal", async () => {
    const anaMorning = (await get(`/api/v1/participants/${p.ana}/enrollments`)).json().enrollments[1].id;
    const deeMorning = (await get(`/api/v1/participants/${p.dee}/enrollments`)).json().enrollments[1].id;
    const exit = { on: "2026-03-30", reason: "Started a night shift" };
    expect(
      (await post(`/api/v1/enrollments/${anaMorning}/exit`, exit, "otherSiteCounselor")).statusCode,
    ).toBe(404);
    // A counselor manages their caseload; Dee is not on it (emergency access is offered, not granted).
    const notMine = await post(`/api/v1/enrollments/${deeMorning}/exit`, exit, "counselor");
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe("ACCESS_BREAK_GLASS_AVAILABLE");
    const denied = await queryRows<{ participant_id: string }>(
      database.db,
      sql`select participant_id from audit_events where action = 'schedule.enrollment_exit' and outcome = 'denied'`,
    );
    expect(denied.map((d) => d.participant_id)).toContain(p.dee);
    expect(
      (await place(p.gus, { trackId: track.morning, joinOn: "2026-03-12" }, "counselor")).statusCode,
    ).toBe(403);
    const mine = await post(`/api/v1/enrollments/${anaMorning}/exit`, exit, "counselor");
    expect(mine.statusCode).toBe(200);
    expect(await auditCount("schedule.enrollment_exit")).toBe(2);
  });

  describe("two requests racing for the last places", () => {
    it("gives the places to as many as fit and a clear TRACK_FULL to the rest", async () => {
      const responses = await Promise.all(
        racers.map((id) => place(id, { trackId: track.race, joinOn: "2026-03-16" })),
      );
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([201, 201, 409, 409, 409]);
      for (const r of responses.filter((x) => x.statusCode === 409))
        expect(r.json().error.code).toBe("TRACK_FULL");
      const taken = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from track_enrollments where track_id = ${track.race} and status = 'enrolled'`,
      );
      expect(taken[0]!.n).toBe(2);
    });

    it("puts the others on the waitlist when they ask for it, numbered from the first in line", async () => {
      const losers = [];
      for (const id of racers) if ((await rowsOf(id)).length === 0) losers.push(id);
      const responses = await Promise.all(
        losers.map((id) => place(id, { trackId: track.race, joinOn: "2026-03-16", waitlistIfFull: true })),
      );
      expect(responses.map((r) => r.json().status)).toEqual(["waitlisted", "waitlisted", "waitlisted"]);
      const list = (await get(`/api/v1/tracks/${track.race}/enrollments`)).json();
      expect(list.waitlist.map((w: { position: number }) => w.position)).toEqual([1, 2, 3]);
      expect(list.placesTakenAtMost).toBe(2);
    });
  });

  it("places an admission in its track: enrolled on the admission date, or waitlisted when the track is full", async () => {
    const intake = await givenUser(database.db, { roles: ["intake_coordinator"], siteNames: ["Northside"] });
    const intakeCookie = (await signIn(app, intake.email, intake.password)).cookie;
    const admit = async (name: string, trackId: string) => {
      const [lead] = await database.db
        .insert(admissionLeads)
        .values({
          reference: `BW-${name.toUpperCase()}`,
          siteId,
          kind: "referral",
          stage: "screening_scheduled",
          stageChangedAt: new Date("2026-03-03T15:00:00Z"),
          personName: `${name} Newcomer`,
          contactMethod: "phone",
          phone: "555 010 4000",
          createdAt: new Date("2026-03-03T15:00:00Z"),
        })
        .returning();
      const headers = { ...appHeaders, cookie: intakeCookie };
      await app.inject({
        method: "POST",
        url: `/api/v1/admissions/leads/${lead!.id}/screening`,
        headers,
        payload: aScreening(),
      });
      return app.inject({
        method: "POST",
        url: `/api/v1/admissions/leads/${lead!.id}/admission`,
        headers,
        payload: {
          legalGivenName: name,
          legalFamilyName: "Newcomer",
          bornOn: "1991-05-05",
          admittedOn: "2026-03-10",
          primaryCounselorId: credentials.counselor.id,
          trackId,
          diagnoses: [{ code: "F10.20", primary: true }],
        },
      });
    };
    const enrolled = await admit("Hana", track.morning);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.json().trackPlacement).toEqual({
      trackId: track.morning,
      status: "enrolled",
      joinedOn: "2026-03-10",
      waitlistPosition: null,
    });
    clock.advanceMinutes(2);
    const waitlisted = await admit("Ivan", track.race);
    expect(waitlisted.statusCode).toBe(201);
    expect(waitlisted.json().trackPlacement).toMatchObject({
      status: "waitlisted",
      joinedOn: null,
      waitlistPosition: 4,
    });
    expect(await rowsOf(waitlisted.json().participantId)).toEqual([
      { track_id: track.race, status: "waitlisted", joined_on: null, exited_on: null },
    ]);
  });
});

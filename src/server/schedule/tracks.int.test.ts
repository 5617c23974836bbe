import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { episodes, trackEnrollments } from "../db/schema";

/**
 * Tracks over the API: the list scoped to the actor's sites, the administrator's edit with field
 * errors, occurrences across the autumn DST change, and exceptions to single sessions.
 */

const ADULT_EVENING = [
  { weekday: 1, start: "18:00", end: "21:00" },
  { weekday: 2, start: "18:00", end: "21:00" },
  { weekday: 4, start: "18:00", end: "21:00" },
];

const PEOPLE = ["admin", "counselor", "otherSiteCounselor"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("tracks: list, edit, occurrences and exceptions", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-10-20T15:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const sessions = new Map<Person, string>();
  let siteId = "";
  let evening = "";
  let otherTrack = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const get = async (url: string, who: Person = "counselor") =>
    app.inject({ url, headers: { cookie: await cookie(who) } });
  const send = async (
    method: "PUT" | "POST" | "DELETE",
    url: string,
    payload?: object,
    who: Person = "admin",
  ) => app.inject({ method, url, headers: { ...appHeaders, cookie: await cookie(who) }, payload });
  const aValidEdit = (overrides: Record<string, unknown> = {}) => ({
    pattern: { slots: ADULT_EVENING },
    location: "Room 3",
    telehealth: false,
    capacity: 12,
    startsOn: "2026-09-07",
    endsOn: null,
    facilitatorIds: [credentials.counselor.id],
    ...overrides,
  });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Tracks Site");
    const otherSite = await givenSite(db, "Tracks Other Site");
    siteId = site.id;
    credentials.admin = await givenUser(db, { roles: ["administrator"], siteNames: [site.name] });
    credentials.counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Dana Facilitator",
    });
    credentials.otherSiteCounselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [otherSite.name],
    });
    evening = (
      await givenTrack(db, {
        siteId,
        name: "Adult evening",
        startsOn: "2026-09-07",
        slots: ADULT_EVENING,
      })
    ).id;
    otherTrack = (await givenTrack(db, { siteId: otherSite.id, name: "Other site track" })).id;
    // Two participants enrolled in the evening track, one waiting for a place.
    for (const admittedOn of ["2026-09-08", "2026-09-15", "2026-10-01"]) {
      await givenParticipant(db, { siteId, admittedOn, trackId: evening });
    }
    const rows = await db.select().from(episodes).where(sql`${episodes.trackId} = ${evening}`);
    await db.insert(trackEnrollments).values(
      rows.map((episode, index) =>
        index < 2
          ? {
              trackId: evening,
              participantId: episode.participantId,
              episodeId: episode.id,
              joinedOn: episode.admittedOn,
            }
          : {
              trackId: evening,
              participantId: episode.participantId,
              episodeId: episode.id,
              status: "waitlisted",
              waitlistedAt: clock.now(),
            },
      ),
    );
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("lists the tracks at the actor's sites with places taken, and refuses another site's", async () => {
    const mine = await get("/api/v1/tracks");
    expect(mine.statusCode).toBe(200);
    const tracks = mine.json().tracks as {
      id: string;
      name: string;
      enrolledCount: number;
      waitlistCount: number;
    }[];
    expect(tracks.map((t) => t.name)).toEqual(["Adult evening"]);
    expect(tracks[0]).toMatchObject({
      enrolledCount: 2,
      waitlistCount: 1,
      pattern: { slots: ADULT_EVENING },
    });

    const theirs = await get("/api/v1/tracks", "otherSiteCounselor");
    expect(theirs.json().tracks.map((t: { id: string }) => t.id)).toEqual([otherTrack]);
    expect((await get(`/api/v1/tracks?siteId=${siteId}`, "otherSiteCounselor")).statusCode).toBe(404);
    expect(
      (await get(`/api/v1/tracks/${evening}/occurrences?from=2026-10-01&to=2026-10-07`, "otherSiteCounselor"))
        .statusCode,
    ).toBe(404);
  });

  it("refuses an edit with a session ending before it starts, naming the field, and saves nothing", async () => {
    const response = await send(
      "PUT",
      `/api/v1/tracks/${evening}`,
      aValidEdit({
        pattern: { slots: [{ weekday: 1, start: "18:00", end: "17:00" }] },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toContainEqual({
      path: "pattern.slots.0.end",
      message: "The session must end after it starts.",
    });
    const listed = await get("/api/v1/tracks");
    expect(listed.json().tracks[0].pattern.slots).toEqual(ADULT_EVENING);
  });

  it("refuses a capacity below the enrolled count and a facilitator from another site", async () => {
    const tooSmall = await send("PUT", `/api/v1/tracks/${evening}`, aValidEdit({ capacity: 1 }));
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().error).toMatchObject({ code: "SCHEDULE_CAPACITY_BELOW_ENROLLED" });
    expect(tooSmall.json().error.message).toContain("2 participants are enrolled");
    expect(tooSmall.json().error.fields[0].path).toBe("capacity");

    const stranger = await send(
      "PUT",
      `/api/v1/tracks/${evening}`,
      aValidEdit({ facilitatorIds: [credentials.counselor.id, credentials.otherSiteCounselor.id] }),
    );
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["facilitatorIds.1"]);
  });

  it("saves an edit with its facilitators and audits it", async () => {
    const saved = await send("PUT", `/api/v1/tracks/${evening}`, aValidEdit({ location: "Room 7" }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      location: "Room 7",
      facilitators: [{ id: credentials.counselor.id, name: "Dana Facilitator" }],
    });
    const audited = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'settings.track_update' and resource_id = ${evening}`,
    );
    expect(audited[0]!.n).toBe(1);
  });

  it("keeps an 18:00 session at 18:00 local across the 2026-11-01 change, its UTC instant moving an hour", async () => {
    const response = await get(`/api/v1/tracks/${evening}/occurrences?from=2026-10-26&to=2026-11-03`);
    expect(response.statusCode).toBe(200);
    const list = response.json().occurrences as {
      key: string;
      start: string;
      startsAt: string;
      durationMinutes: number;
    }[];
    expect(list.map((o) => [o.key, o.start, o.startsAt, o.durationMinutes])).toEqual([
      ["2026-10-26T18:00", "18:00", "2026-10-26T22:00:00.000Z", 180],
      ["2026-10-27T18:00", "18:00", "2026-10-27T22:00:00.000Z", 180],
      ["2026-10-29T18:00", "18:00", "2026-10-29T22:00:00.000Z", 180],
      ["2026-11-02T18:00", "18:00", "2026-11-02T23:00:00.000Z", 180],
      ["2026-11-03T18:00", "18:00", "2026-11-03T23:00:00.000Z", 180],
    ]);
  });

  it("refuses a range longer than 93 days or ending before it starts, naming the field", async () => {
    const long = await get(`/api/v1/tracks/${evening}/occurrences?from=2026-01-01&to=2026-06-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0]).toMatchObject({ path: "querystring.to" });
    const backwards = await get(`/api/v1/tracks/${evening}/occurrences?from=2026-06-01&to=2026-05-01`);
    expect(backwards.statusCode).toBe(400);
  });

  it("cancels Thanksgiving, shows why, refuses a second exception for it, and takes it back", async () => {
    const thanksgiving = {
      kind: "cancelled",
      on: { date: "2026-11-26", start: "18:00" },
      reason: "Thanksgiving",
    };
    const created = await send("POST", `/api/v1/tracks/${evening}/exceptions`, thanksgiving);
    expect(created.statusCode).toBe(201);
    const week = await get(`/api/v1/tracks/${evening}/occurrences?from=2026-11-23&to=2026-11-29`);
    const statuses = week
      .json()
      .occurrences.map((o: { date: string; status: string; exception: { reason: string } | null }) => [
        o.date,
        o.status,
        o.exception?.reason ?? null,
      ]);
    expect(statuses).toEqual([
      ["2026-11-23", "scheduled", null],
      ["2026-11-24", "scheduled", null],
      ["2026-11-26", "cancelled", "Thanksgiving"],
    ]);

    const again = await send("POST", `/api/v1/tracks/${evening}/exceptions`, {
      kind: "substitute",
      on: { date: "2026-11-26", start: "18:00" },
      reason: "Dana is away",
      facilitatorIds: [credentials.counselor.id],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("SCHEDULE_EXCEPTION_EXISTS");

    const removed = await send("DELETE", `/api/v1/tracks/${evening}/exceptions/${created.json().id}`);
    expect(removed.statusCode).toBe(204);
    const after = await get(`/api/v1/tracks/${evening}/occurrences?from=2026-11-26&to=2026-11-26`);
    expect(after.json().occurrences[0].status).toBe("scheduled");
    const audited = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where action like 'settings.track_exception_%' order by seq`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      "settings.track_exception_add",
      "settings.track_exception_remove",
    ]);
  });

  it("names a substitute facilitator on the occurrence", async () => {
    const created = await send("POST", `/api/v1/tracks/${evening}/exceptions`, {
      kind: "substitute",
      on: { date: "2026-12-01", start: "18:00" },
      reason: "Training day",
      facilitatorIds: [credentials.counselor.id],
    });
    expect(created.statusCode).toBe(201);
    const day = await get(`/api/v1/tracks/${evening}/occurrences?from=2026-12-01&to=2026-12-01`);
    expect(day.json().occurrences[0]).toMatchObject({
      status: "scheduled",
      exception: { kind: "substitute", facilitators: [{ name: "Dana Facilitator" }] },
    });
  });

  it("says for each session how many participants have attendance recorded", async () => {
    const key = "2026-10-27T18:00";
    const roster = await get(`/api/v1/tracks/${evening}/occurrences/${key}/roster`);
    const people = roster.json().participants as { participant: { id: string } }[];
    expect(people).toHaveLength(2);
    const recorded = await send(
      "PUT",
      `/api/v1/tracks/${evening}/occurrences/${key}/attendance`,
      { marks: people.map((p) => ({ participantId: p.participant.id, status: "present" })) },
      "counselor",
    );
    expect(recorded.statusCode).toBe(200);
    const days = await get(`/api/v1/tracks/${evening}/occurrences?from=2026-10-26&to=2026-10-27`);
    expect(
      days.json().occurrences.map((o: { key: string; marksRecorded: number }) => [o.key, o.marksRecorded]),
    ).toEqual([
      ["2026-10-26T18:00", 0],
      [key, 2],
    ]);
  });

  it("refuses a move to a local time that does not exist, and a session the track does not have", async () => {
    const gap = await send("POST", `/api/v1/tracks/${evening}/exceptions`, {
      kind: "moved",
      on: { date: "2027-03-08", start: "18:00" },
      reason: "Room needed",
      movedTo: { date: "2027-03-14", start: "02:30", end: "04:00" },
    });
    expect(gap.statusCode).toBe(400);
    expect(gap.json().error.fields).toEqual([
      {
        path: "movedTo.start",
        message: expect.stringContaining("02:30 does not exist on 2027-03-14 in America/New_York"),
      },
    ]);
    const noSession = await send("POST", `/api/v1/tracks/${evening}/exceptions`, {
      kind: "cancelled",
      on: { date: "2026-11-25", start: "18:00" },
      reason: "Holiday eve",
    });
    expect(noSession.statusCode).toBe(400);
    expect(noSession.json().error.fields[0].path).toBe("on.start");
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from track_exceptions where track_id = ${evening}`,
    );
    expect(rows[0]!.n).toBe(1);
  });
});

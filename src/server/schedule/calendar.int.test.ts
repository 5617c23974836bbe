import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { CalendarEntry } from "../../core/schedule/calendar.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import {
  appointments,
  episodes,
  rooms,
  trackEnrollments,
  trackExceptions,
  trackFacilitators,
  tracks,
} from "../db/schema";

/**
 * The calendar read model over the API. Site A is in New York; the clocks go back on Sunday
 * 2026-11-01, inside the fortnight read (2026-10-26 to 2026-11-08). The evening track meets
 * Mon/Tue/Thu 18:00–21:00 in Room 2, run by Dana (a counselor: her participant list reaches her
 * caseload only); Ana is on Dana's caseload, Ben is not. Exceptions: Sam substitutes on Monday
 * 2026-11-02, Tuesday 2026-11-03 moves to Wednesday 17:00–20:00. The morning track is by video.
 */

const PEOPLE = ["director", "dana", "sam", "frontDesk", "otherSite", "ana"] as const;
type Person = (typeof PEOPLE)[number];

const FORTNIGHT = "from=2026-10-26&to=2026-11-08";

describeEachEngine("calendar: sessions by site, room, staff and participant; my week", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-10-28T15:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const sessions = new Map<Person, string>();
  const ids = {
    siteA: "",
    siteB: "",
    room2: "",
    roomB: "",
    evening: "",
    morning: "",
    ana: "",
    ben: "",
    eve: "",
    anaVisit: "",
    anaVideo: "",
    benFamily: "",
    eveCancelled: "",
  };

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const get = async (url: string, who: Person) =>
    app.inject({ url: `/api/v1${url}`, headers: { cookie: await cookie(who) } });
  const entriesOf = (body: { entries: CalendarEntry[] }) => body.entries;
  const auditOf = (action: string) =>
    queryRows<{ participant_id: string | null; purpose: string; outcome: string; actor_user_id: string }>(
      database.db,
      sql`select participant_id, purpose, outcome, actor_user_id from audit_events where action = ${action} order by seq`,
    );

  async function enroll(trackId: string, participantId: string, joinedOn: string) {
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, participantId));
    await database.db
      .insert(trackEnrollments)
      .values({ trackId, participantId, episodeId: episode!.id, status: "enrolled", joinedOn });
  }

  async function book(values: {
    participantId: string;
    kind: "individual" | "family";
    staffId: string;
    startsAt: string;
    endsAt: string;
    localDate: string;
    roomId?: string;
    location?: string;
    telehealth?: boolean;
    cancelReason?: string;
  }): Promise<string> {
    const [row] = await database.db
      .insert(appointments)
      .values({
        siteId: ids.siteA,
        timeZone: "America/New_York",
        ...values,
        startsAt: new Date(values.startsAt),
        endsAt: new Date(values.endsAt),
        status: values.cancelReason ? "cancelled" : "scheduled",
        cancelReason: values.cancelReason ?? null,
      })
      .returning({ id: appointments.id });
    return row!.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const siteA = await givenSite(db, "Calendar Site A");
    const siteB = await givenSite(db, "Calendar Site B");
    ids.siteA = siteA.id;
    ids.siteB = siteB.id;
    const staff = async (
      who: Person,
      role: "clinical_director" | "counselor" | "front_desk",
      name: string,
    ) => {
      credentials[who] = await givenUser(db, {
        roles: [role],
        siteNames: [who === "otherSite" ? siteB.name : siteA.name],
        displayName: name,
      });
    };
    await staff("director", "clinical_director", "Casey Director");
    await staff("dana", "counselor", "Dana Facilitator");
    await staff("sam", "counselor", "Sam Substitute");
    await staff("frontDesk", "front_desk", "Frankie Desk");
    await staff("otherSite", "counselor", "Olive Elsewhere");
    credentials.ana = await givenUser(db, { kind: "participant", displayName: "Ana Quill" });

    const [room2] = await db.insert(rooms).values({ siteId: siteA.id, name: "Room 2" }).returning();
    const [roomB] = await db.insert(rooms).values({ siteId: siteB.id, name: "Room B" }).returning();
    ids.room2 = room2!.id;
    ids.roomB = roomB!.id;

    ids.evening = (
      await givenTrack(db, {
        siteId: siteA.id,
        name: "Adult evening",
        startsOn: "2026-09-07",
        slots: [
          { weekday: 1, start: "18:00", end: "21:00" },
          { weekday: 2, start: "18:00", end: "21:00" },
          { weekday: 4, start: "18:00", end: "21:00" },
        ],
      })
    ).id;
    await db.update(tracks).set({ roomId: ids.room2, location: "Room 2" }).where(eq(tracks.id, ids.evening));
    ids.morning = (
      await givenTrack(db, {
        siteId: siteA.id,
        name: "Morning dual-diagnosis",
        startsOn: "2026-09-07",
        slots: [{ weekday: 3, start: "09:00", end: "12:00" }],
      })
    ).id;
    await db
      .update(tracks)
      .set({ telehealth: true, location: "https://video.example/morning" })
      .where(eq(tracks.id, ids.morning));
    await db.insert(trackFacilitators).values([
      { trackId: ids.evening, userId: credentials.dana.id },
      { trackId: ids.morning, userId: credentials.sam.id },
    ]);
    await db.insert(trackExceptions).values([
      {
        trackId: ids.evening,
        occurrenceKey: "2026-11-02T18:00",
        kind: "substitute",
        reason: "Dana at a training",
        facilitatorIds: [credentials.sam.id],
      },
      {
        trackId: ids.evening,
        occurrenceKey: "2026-11-03T18:00",
        kind: "moved",
        reason: "Election day",
        movedOn: "2026-11-04",
        movedStart: "17:00",
        movedEnd: "20:00",
      },
    ]);

    ids.ana = (
      await givenParticipant(db, {
        siteId: siteA.id,
        givenName: "Ana",
        familyName: "Quill",
        userId: credentials.ana.id,
        careTeam: [{ userId: credentials.dana.id, role: "primary_counselor" }],
      })
    ).id;
    ids.ben = (await givenParticipant(db, { siteId: siteA.id, givenName: "Ben", familyName: "Rook" })).id;
    ids.eve = (await givenParticipant(db, { siteId: siteA.id, givenName: "Eve", familyName: "Stone" })).id;
    await enroll(ids.evening, ids.ana, "2026-10-01");
    await enroll(ids.evening, ids.ben, "2026-10-29");

    ids.anaVisit = await book({
      participantId: ids.ana,
      kind: "individual",
      staffId: credentials.dana.id,
      roomId: ids.room2,
      startsAt: "2026-11-04T15:00:00Z",
      endsAt: "2026-11-04T16:00:00Z",
      localDate: "2026-11-04",
    });
    ids.anaVideo = await book({
      participantId: ids.ana,
      kind: "individual",
      staffId: credentials.dana.id,
      telehealth: true,
      location: "https://video.example/ana",
      startsAt: "2026-10-29T16:00:00Z",
      endsAt: "2026-10-29T16:50:00Z",
      localDate: "2026-10-29",
    });
    ids.benFamily = await book({
      participantId: ids.ben,
      kind: "family",
      staffId: credentials.sam.id,
      telehealth: true,
      location: "https://video.example/ben",
      startsAt: "2026-11-05T19:00:00Z",
      endsAt: "2026-11-05T20:00:00Z",
      localDate: "2026-11-05",
    });
    ids.eveCancelled = await book({
      participantId: ids.eve,
      kind: "individual",
      staffId: credentials.sam.id,
      roomId: ids.room2,
      startsAt: "2026-11-06T14:00:00Z",
      endsAt: "2026-11-06T15:00:00Z",
      localDate: "2026-11-06",
      cancelReason: "Participant unwell",
    });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists a site's group sessions across the autumn DST change at the same local time, with substitutes, moves and places taken", async () => {
    const response = await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "director");
    expect(response.statusCode).toBe(200);
    const groups = entriesOf(response.json()).filter((e) => e.group?.trackId === ids.evening);
    const at = (key: string) => groups.find((e) => e.group!.occurrenceKey === key)!;

    // 18:00 local on both sides of the change: 22:00 UTC in daylight time, 23:00 UTC after.
    expect(at("2026-10-26T18:00")).toMatchObject({
      id: `group:${ids.evening}:2026-10-26T18:00`,
      kind: "group",
      title: "Adult evening",
      date: "2026-10-26",
      start: "18:00",
      end: "21:00",
      timeZone: "America/New_York",
      startsAt: "2026-10-26T22:00:00.000Z",
      endsAt: "2026-10-27T01:00:00.000Z",
      location: "Room 2",
      room: { id: ids.room2, name: "Room 2" },
      telehealth: false,
      status: "scheduled",
      staff: [{ id: credentials.dana.id, name: "Dana Facilitator" }],
      participant: null,
    });
    expect(at("2026-11-02T18:00")).toMatchObject({
      startsAt: "2026-11-02T23:00:00.000Z",
      staff: [{ id: credentials.sam.id, name: "Sam Substitute" }],
      group: { exception: { kind: "substitute", reason: "Dana at a training" } },
    });
    expect(at("2026-11-03T18:00")).toMatchObject({
      status: "moved",
      date: "2026-11-04",
      start: "17:00",
      startsAt: "2026-11-04T22:00:00.000Z",
    });
    // Places taken on the session's date: Ben joins on Thursday 2026-10-29.
    expect(at("2026-10-27T18:00").group).toMatchObject({ placesTaken: 1, capacity: 12 });
    expect(at("2026-10-29T18:00").group).toMatchObject({ placesTaken: 2, capacity: 12 });
    expect(groups).toHaveLength(6);

    const morning = entriesOf(response.json()).find((e) => e.group?.trackId === ids.morning)!;
    expect(morning).toMatchObject({
      location: "video",
      telehealth: true,
      videoLink: "https://video.example/morning",
      room: null,
    });
  });

  it("never names the members of a group, and names an appointment's participant only to who may list them", async () => {
    const director = (await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "director")).json();
    const titles = (body: { entries: CalendarEntry[] }) =>
      Object.fromEntries(
        entriesOf(body)
          .filter((e) => e.appointment)
          .map((e) => [e.appointment!.id, { title: e.title, participant: e.participant?.id ?? null }]),
      );
    expect(titles(director)).toEqual({
      [ids.anaVideo]: { title: "Ana Quill", participant: ids.ana },
      [ids.anaVisit]: { title: "Ana Quill", participant: ids.ana },
      [ids.benFamily]: { title: "Ben Rook — family session", participant: ids.ben },
    });
    for (const entry of entriesOf(director).filter((e) => e.group)) expect(entry.participant).toBeNull();

    // Dana's list reaches her caseload: Ana. Ben's session with Sam is just an appointment to her.
    const dana = await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "dana");
    expect(titles(dana.json())[ids.benFamily]).toEqual({ title: "Appointment", participant: null });
    expect(titles(dana.json())[ids.anaVisit]).toEqual({ title: "Ana Quill", participant: ids.ana });
    expect(dana.body).not.toContain("Rook");
    // Sam runs Ben's family session: he is told who it is with, though Ben is not on his caseload.
    const sam = await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "sam");
    expect(titles(sam.json())[ids.benFamily]?.title).toBe("Ben Rook — family session");
    expect(titles(sam.json())[ids.anaVisit]?.title).toBe("Appointment");
    // The front desk lists the whole site.
    const desk = await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "frontDesk");
    expect(titles(desk.json())[ids.benFamily]?.participant).toBe(ids.ben);
  });

  it("audits a read that names participants, once per participant named", async () => {
    const before = (await auditOf("schedule.calendar_view")).length;
    await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "dana");
    const events = (await auditOf("schedule.calendar_view")).slice(before);
    expect(events).toEqual([
      {
        participant_id: ids.ana,
        purpose: "treatment",
        outcome: "allowed",
        actor_user_id: credentials.dana.id,
      },
    ]);
    // A read naming nobody (Dana's own room, next month) leaves no event.
    const none = await get(
      `/calendar?view=room&siteId=${ids.siteA}&roomId=${ids.room2}&from=2026-12-01&to=2026-12-07`,
      "dana",
    );
    expect(none.statusCode).toBe(200);
    expect((await auditOf("schedule.calendar_view")).length).toBe(before + 1);
  });

  it("shows cancelled appointments only when asked, marked cancelled", async () => {
    const url = `/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`;
    const plain = entriesOf((await get(url, "director")).json());
    expect(plain.some((e) => e.appointment?.id === ids.eveCancelled)).toBe(false);
    const all = entriesOf((await get(`${url}&includeCancelled=true`, "director")).json());
    expect(all.find((e) => e.appointment?.id === ids.eveCancelled)).toMatchObject({
      status: "cancelled",
      kind: "individual",
      date: "2026-11-06",
      start: "09:00",
      end: "10:00",
    });
  });

  it("shows a room's sessions, and a staff member's — their groups (as a substitute too) and appointments", async () => {
    const room = entriesOf(
      (
        await get(`/calendar?view=room&siteId=${ids.siteA}&roomId=${ids.room2}&${FORTNIGHT}`, "frontDesk")
      ).json(),
    );
    expect(room.every((e) => e.room?.id === ids.room2)).toBe(true);
    expect(room.filter((e) => e.group).length).toBe(6);
    expect(room.map((e) => e.appointment?.id).filter(Boolean)).toEqual([ids.anaVisit]);

    const sam = entriesOf(
      (
        await get(
          `/calendar?view=staff&siteId=${ids.siteA}&staffId=${credentials.sam.id}&${FORTNIGHT}`,
          "director",
        )
      ).json(),
    );
    expect(sam.map((e) => e.id)).toEqual([
      `group:${ids.morning}:2026-10-28T09:00`,
      `group:${ids.evening}:2026-11-02T18:00`,
      `group:${ids.morning}:2026-11-04T09:00`,
      `appointment:${ids.benFamily}`,
    ]);
    const dana = entriesOf(
      (
        await get(
          `/calendar?view=staff&siteId=${ids.siteA}&staffId=${credentials.dana.id}&${FORTNIGHT}`,
          "director",
        )
      ).json(),
    );
    expect(dana.some((e) => e.id === `group:${ids.evening}:2026-11-02T18:00`)).toBe(false);
    expect(dana.filter((e) => e.group).length).toBe(5);
  });

  it("shows a participant's own sessions to their care team and to themselves, audited under the participant", async () => {
    const response = await get(
      `/calendar?view=participant&participantId=${ids.ben}&${FORTNIGHT}`,
      "director",
    );
    expect(response.statusCode).toBe(200);
    const entries = entriesOf(response.json());
    // Ben joined on 2026-10-29: the groups from then, and his family session.
    expect(entries.map((e) => e.id)).toEqual([
      `group:${ids.evening}:2026-10-29T18:00`,
      `group:${ids.evening}:2026-11-02T18:00`,
      `group:${ids.evening}:2026-11-03T18:00`,
      `appointment:${ids.benFamily}`,
      `group:${ids.evening}:2026-11-05T18:00`,
    ]);
    expect(entries.every((e) => e.participant?.id === ids.ben)).toBe(true);
    expect(entries[3]!.title).toBe("Family session");
    const events = await auditOf("schedule.calendar_view");
    expect(events.at(-1)).toMatchObject({
      participant_id: ids.ben,
      purpose: "treatment",
      outcome: "allowed",
    });

    const self = await get(`/calendar?view=participant&participantId=${ids.ana}&${FORTNIGHT}`, "ana");
    expect(self.statusCode).toBe(200);
    expect((await auditOf("schedule.calendar_view")).at(-1)).toMatchObject({
      participant_id: ids.ana,
      purpose: "self",
    });
    expect(
      (await get(`/calendar?view=participant&participantId=${ids.ben}&${FORTNIGHT}`, "ana")).statusCode,
    ).toBe(404);
  });

  it("refuses readers outside the participant's care team or site, and the site views to participants", async () => {
    const outsider = await get(`/calendar?view=participant&participantId=${ids.ben}&${FORTNIGHT}`, "dana");
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe("ACCESS_BREAK_GLASS_AVAILABLE");
    expect((await auditOf("schedule.calendar_view")).at(-1)).toMatchObject({
      participant_id: ids.ben,
      outcome: "denied",
    });
    const otherSite = await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "otherSite");
    expect(otherSite.statusCode).toBe(404);
    expect((await get(`/calendar?view=site&siteId=${ids.siteA}&${FORTNIGHT}`, "ana")).statusCode).toBe(403);
    const foreignRoom = await get(
      `/calendar?view=room&siteId=${ids.siteA}&roomId=${ids.roomB}&${FORTNIGHT}`,
      "director",
    );
    expect(foreignRoom.statusCode).toBe(404);
    expect(foreignRoom.json().error.fields[0].path).toBe("querystring.roomId");
  });

  it("names the field of a bad range or a missing choice", async () => {
    const tooLong = await get(
      `/calendar?view=site&siteId=${ids.siteA}&from=2026-10-01&to=2026-11-12`,
      "director",
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toEqual([
      expect.objectContaining({ path: "querystring.to", message: "Ask for at most 42 days at a time." }),
    ]);
    const backwards = await get(
      `/calendar?view=site&siteId=${ids.siteA}&from=2026-11-02&to=2026-11-01`,
      "director",
    );
    expect(backwards.json().error.fields[0].path).toBe("querystring.to");
    const noRoom = await get(`/calendar?view=room&siteId=${ids.siteA}&${FORTNIGHT}`, "director");
    expect(noRoom.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["querystring.roomId"]);
    const noSite = await get(`/calendar?view=site&${FORTNIGHT}`, "director");
    expect(noSite.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["querystring.siteId"]);
  });

  it("gives a signed-in participant their week: their groups and appointments, with the video link", async () => {
    const response = await get("/me/schedule", "ana");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // Wednesday 2026-10-28 in New York: the week of Monday 2026-10-26.
    expect(body).toMatchObject({
      participantId: ids.ana,
      from: "2026-10-26",
      to: "2026-11-01",
      timeZone: "America/New_York",
    });
    expect(body.entries.map((e: CalendarEntry) => [e.date, e.start, e.title, e.videoLink])).toEqual([
      ["2026-10-26", "18:00", "Adult evening", null],
      ["2026-10-27", "18:00", "Adult evening", null],
      ["2026-10-29", "12:00", "Individual session", "https://video.example/ana"],
      ["2026-10-29", "18:00", "Adult evening", null],
    ]);
    expect((await auditOf("schedule.my_week_view")).at(-1)).toMatchObject({
      participant_id: ids.ana,
      purpose: "self",
    });

    const next = (await get("/me/schedule?from=2026-11-02&to=2026-11-08", "ana")).json();
    expect(next.entries.map((e: CalendarEntry) => e.id)).toContain(`appointment:${ids.anaVisit}`);
    expect((await get("/me/schedule", "dana")).statusCode).toBe(403);
    const half = await get("/me/schedule?from=2026-11-02", "ana");
    expect(half.json().error.fields[0].path).toBe("querystring.to");
  });
});

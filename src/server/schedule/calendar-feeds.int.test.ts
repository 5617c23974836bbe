import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import ICAL from "ical.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import {
  appointments,
  episodes,
  rooms,
  trackEnrollments,
  trackExceptions,
  trackFacilitators,
  tracks,
  users,
} from "../db/schema";

/**
 * Personal iCalendar feeds, parsed with ical.js (an independent parser). Today is Tuesday 2026-10-20
 * in New York; a feed reaches 30 days back and 180 ahead (2026-09-20 to 2027-04-18), over both DST
 * changes. The track meets Mondays and Thursdays 18:00–21:00 in "Room 2, East wing", run by Dana;
 * Thanksgiving (Thursday 2026-11-26) is cancelled, Monday 2026-11-09 moved to Tuesday 19:00–22:00.
 * Its name says what no calendar should say by default.
 */

const TRACK_NAME = "Dual-diagnosis, evening; relapse prevention";
const CLINICAL_WORDS = ["dual", "diagnosis", "relapse", "prevention", "therapy", "Quill", "Rook"];

const PEOPLE = ["admin", "dana", "frontDesk", "prescriber", "ana"] as const;
type Person = (typeof PEOPLE)[number];

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  status: string | null;
  start: string;
  end: string;
  stamp: string;
}

/** Parse a feed with ical.js and read every event's properties as plain values. */
function parse(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    const end = vevent.getFirstPropertyValue("dtend") as ICAL.Time;
    const stamp = vevent.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    return {
      uid: event.uid,
      summary: event.summary,
      location: (vevent.getFirstPropertyValue("location") as string | null) ?? null,
      description: (vevent.getFirstPropertyValue("description") as string | null) ?? null,
      status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
      start: start.toJSDate().toISOString(),
      end: end.toJSDate().toISOString(),
      stamp: stamp.toJSDate().toISOString(),
    };
  });
  return { name: String(calendar.getFirstPropertyValue("x-wr-calname")), events };
}

/** RFC 5545 §3.1: lines end with CRLF and are at most 75 octets, folded with CRLF + one space. */
function expectWellFolded(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.slice(0, -2).split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  }
}

describeEachEngine("calendar feeds: secret URLs, RFC 5545 text, privacy by default", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-10-20T15:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const sessions = new Map<Person, string>();
  const ids = { site: "", track: "", ana: "", video: "" };

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (
    method: "GET" | "POST" | "DELETE" | "PUT",
    url: string,
    who: Person,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      payload,
    });
  /** The feed as a calendar app reads it: no cookie, from its own address. */
  const fetchFeed = (url: string, remoteAddress = "198.51.100.7") =>
    app.inject({ url: new URL(url).pathname, remoteAddress });
  const setDetail = async (detail: "private" | "detailed", includeVideoLinks = false) => {
    const response = await call("PUT", "/settings/calendar-feeds", "admin", { detail, includeVideoLinks });
    expect(response.statusCode).toBe(200);
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Feeds Site");
    ids.site = site.id;
    credentials.admin = await givenUser(db, { roles: ["administrator"], siteNames: [site.name] });
    credentials.dana = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Dana Facilitator",
    });
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.prescriber = await givenUser(db, { roles: ["prescriber"], siteNames: [site.name] });
    credentials.ana = await givenUser(db, { kind: "participant", displayName: "Ana Quill" });

    const [room] = await db.insert(rooms).values({ siteId: site.id, name: "Room 2, East wing" }).returning();
    ids.track = (
      await givenTrack(db, {
        siteId: site.id,
        name: TRACK_NAME,
        startsOn: "2026-09-07",
        slots: [
          { weekday: 1, start: "18:00", end: "21:00" },
          { weekday: 4, start: "18:00", end: "21:00" },
        ],
      })
    ).id;
    await db.update(tracks).set({ roomId: room!.id, location: room!.name }).where(eq(tracks.id, ids.track));
    await db.insert(trackFacilitators).values({ trackId: ids.track, userId: credentials.dana.id });
    await db.insert(trackExceptions).values([
      { trackId: ids.track, occurrenceKey: "2026-11-26T18:00", kind: "cancelled", reason: "Thanksgiving" },
      {
        trackId: ids.track,
        occurrenceKey: "2026-11-09T18:00",
        kind: "moved",
        reason: "Staff meeting",
        movedOn: "2026-11-10",
        movedStart: "19:00",
        movedEnd: "22:00",
      },
    ]);
    ids.ana = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Ana",
        familyName: "Quill",
        userId: credentials.ana.id,
        careTeam: [{ userId: credentials.dana.id, role: "primary_counselor" }],
      })
    ).id;
    const [episode] = await db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, ids.ana));
    await db.insert(trackEnrollments).values({
      trackId: ids.track,
      participantId: ids.ana,
      episodeId: episode!.id,
      status: "enrolled",
      joinedOn: "2026-10-01",
    });
    const [video] = await db
      .insert(appointments)
      .values({
        siteId: site.id,
        participantId: ids.ana,
        kind: "individual",
        staffId: credentials.dana.id,
        telehealth: true,
        location: "https://video.example/ana?room=7;pin=1",
        timeZone: "America/New_York",
        startsAt: new Date("2026-10-22T16:00:00Z"),
        endsAt: new Date("2026-10-22T16:50:00Z"),
        localDate: "2026-10-22",
      })
      .returning({ id: appointments.id });
    ids.video = video!.id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("gives a staff member a feed URL once, then only says whether one exists", async () => {
    expect((await call("GET", "/me/calendar-feed", "dana")).json()).toEqual({ feed: null });
    const created = await call("POST", "/me/calendar-feed", "dana");
    expect(created.statusCode).toBe(201);
    const { url, webcalUrl, feed } = created.json();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(webcalUrl).toBe(url.replace("http:", "webcal:"));
    expect(feed).toMatchObject({ owner: "staff", lastUsedAt: null, createdBy: { id: credentials.dana.id } });
    const token = url.split("/").at(-1)!.replace(".ics", "");
    const status = await call("GET", "/me/calendar-feed", "dana");
    expect(status.json().feed.id).toBe(feed.id);
    expect(status.body).not.toContain(token);
    // Only a keyed hash of the token is stored.
    const stored = await queryRows<{ token_hash: string }>(
      database.db,
      sql`select token_hash from calendar_feeds`,
    );
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
  });

  it("serves valid RFC 5545 that an independent parser reads: UTC times across both DST changes, stable UIDs", async () => {
    const { url } = (await call("POST", "/me/calendar-feed", "dana")).json();
    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expectWellFolded(response.body);
    const { events, name } = parse(response.body);
    expect(name).toBe("Sessions");
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.size).toBe(events.length);
    const uid = (key: string) => `group-${ids.track}-${key.replace(":", "")}@localhost`;

    // 18:00 in New York: 22:00 UTC in daylight time, 23:00 UTC in standard time, both ways.
    expect(byUid.get(uid("2026-10-26T18:00"))).toMatchObject({
      start: "2026-10-26T22:00:00.000Z",
      end: "2026-10-27T01:00:00.000Z",
    });
    expect(byUid.get(uid("2026-11-02T18:00"))?.start).toBe("2026-11-02T23:00:00.000Z");
    expect(byUid.get(uid("2027-03-08T18:00"))?.start).toBe("2027-03-08T23:00:00.000Z");
    expect(byUid.get(uid("2027-03-15T18:00"))?.start).toBe("2027-03-15T22:00:00.000Z");
    // The range: a month back, half a year ahead.
    const starts = events.map((e) => e.start).sort();
    expect(starts[0]! >= "2026-09-20").toBe(true);
    expect(starts.at(-1)! <= "2027-04-19").toBe(true);
    expect(events.every((e) => e.stamp === "2026-10-20T15:00:00.000Z")).toBe(true);

    // A cancelled session stays, cancelled, under its UID; a moved one keeps its UID at the new time.
    expect(byUid.get(uid("2026-11-26T18:00"))).toMatchObject({ status: "CANCELLED" });
    expect(byUid.get(uid("2026-11-09T18:00"))).toMatchObject({
      status: "CONFIRMED",
      start: "2026-11-11T00:00:00.000Z",
      end: "2026-11-11T03:00:00.000Z",
    });
    // Read again: the same UIDs, so subscribed calendars replace events rather than add them.
    const again = parse((await fetchFeed(url)).body).events.map((e) => e.uid);
    expect(again.sort()).toEqual([...byUid.keys()].sort());
  });

  it("says nothing clinical by default: 'Group session', 'Appointment', the room or 'Video session'", async () => {
    await setDetail("private");
    const { url } = (await call("POST", "/me/calendar-feed", "dana")).json();
    const body = (await fetchFeed(url)).body;
    for (const word of CLINICAL_WORDS) expect(body.toLowerCase()).not.toContain(word.toLowerCase());
    expect(body).not.toContain("Ana");
    expect(body).not.toContain("video.example");
    const { events } = parse(body);
    expect(new Set(events.map((e) => e.summary))).toEqual(new Set(["Group session", "Appointment"]));
    const group = events.find((e) => e.summary === "Group session")!;
    // The comma in the room's name is escaped in the file and read back whole.
    expect(body).toContain("LOCATION:Room 2\\, East wing");
    expect(group.location).toBe("Room 2, East wing");
    expect(events.find((e) => e.uid === `appointment-${ids.video}@localhost`)).toMatchObject({
      summary: "Appointment",
      location: "Video session",
      description: null,
      start: "2026-10-22T16:00:00.000Z",
    });
  });

  it("names the track, and the participant by first name and initial, when the program chooses detailed; escapes and folds", async () => {
    const long = `${TRACK_NAME}\nsecond line — ${"é".repeat(40)}`;
    await database.db.update(tracks).set({ name: long }).where(eq(tracks.id, ids.track));
    await setDetail("detailed", true);
    try {
      const { url } = (await call("POST", "/me/calendar-feed", "dana")).json();
      const body = (await fetchFeed(url)).body;
      expectWellFolded(body);
      expect(body).toContain("SUMMARY:Dual-diagnosis\\, evening\\; relapse prevention\\nsecond line");
      const { events } = parse(body);
      expect(events.find((e) => e.uid.startsWith("group-"))!.summary).toBe(long);
      expect(events.find((e) => e.uid === `appointment-${ids.video}@localhost`)).toMatchObject({
        summary: "Individual session: Ana Q.",
        description: "With Dana Facilitator\nJoin by video: https://video.example/ana?room=7;pin=1",
      });
      expect(body).not.toContain("Quill");
      // A detailed staff feed names Ana: her access log shows the disclosure.
      const audit = await queryRows<{ purpose: string; actor_kind: string; actor_user_id: string }>(
        database.db,
        sql`select purpose, actor_kind, actor_user_id from audit_events
            where action = 'calendar_feed.read' and participant_id = ${ids.ana} order by seq desc limit 1`,
      );
      expect(audit[0]).toEqual({
        purpose: "disclosure",
        actor_kind: "calendar_feed",
        actor_user_id: credentials.dana.id,
      });
    } finally {
      await database.db.update(tracks).set({ name: TRACK_NAME }).where(eq(tracks.id, ids.track));
      await setDetail("private");
    }
  });

  it("answers 404 with no detail to a revoked, replaced or made-up address, and records when a feed was last read", async () => {
    const first = (await call("POST", "/me/calendar-feed", "dana")).json();
    expect((await fetchFeed(first.url)).statusCode).toBe(200);
    const status = (await call("GET", "/me/calendar-feed", "dana")).json();
    expect(status.feed.lastUsedAt).toBe("2026-10-20T15:00:00.000Z");

    const second = (await call("POST", "/me/calendar-feed", "dana")).json();
    const replaced = await fetchFeed(first.url);
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found." } });
    expect((await fetchFeed(second.url)).statusCode).toBe(200);

    expect((await call("DELETE", "/me/calendar-feed", "dana")).statusCode).toBe(204);
    expect((await fetchFeed(second.url)).json()).toEqual({
      error: { code: "NOT_FOUND", message: "Not found." },
    });
    expect((await call("GET", "/me/calendar-feed", "dana")).json()).toEqual({ feed: null });
    expect(
      (await fetchFeed(`http://localhost:3000/api/v1/calendar-feeds/${"A".repeat(43)}.ics`)).statusCode,
    ).toBe(404);
    expect((await fetchFeed("http://localhost:3000/api/v1/calendar-feeds/x.ics")).statusCode).toBe(404);
  });

  it("stops a deactivated staff member's feed", async () => {
    const { url } = (await call("POST", "/me/calendar-feed", "dana")).json();
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, credentials.dana.id));
    try {
      expect((await fetchFeed(url)).statusCode).toBe(404);
    } finally {
      await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, credentials.dana.id));
    }
  });

  it("lets staff who book sessions make and revoke a participant's feed, audited; the participant sees it as theirs", async () => {
    expect((await call("POST", `/participants/${ids.ana}/calendar-feed`, "prescriber")).statusCode).toBe(403);
    const created = await call("POST", `/participants/${ids.ana}/calendar-feed`, "dana");
    expect(created.statusCode).toBe(201);
    const mine = (await call("GET", "/me/calendar-feed", "ana")).json();
    expect(mine.feed).toMatchObject({
      id: created.json().feed.id,
      owner: "participant",
      createdBy: { id: credentials.dana.id },
    });

    const response = await fetchFeed(created.json().url);
    const { events } = parse(response.body);
    // Ana's groups from the day she joined (2026-10-01), and her appointment; nothing clinical.
    expect(events.filter((e) => e.summary === "Group session").every((e) => e.start >= "2026-10-01")).toBe(
      true,
    );
    expect(events.some((e) => e.uid === `appointment-${ids.video}@localhost`)).toBe(true);
    for (const word of CLINICAL_WORDS) expect(response.body.toLowerCase()).not.toContain(word.toLowerCase());

    const audit = await queryRows<{ action: string; purpose: string; actor_user_id: string | null }>(
      database.db,
      sql`select action, purpose, actor_user_id from audit_events
          where participant_id = ${ids.ana} and action like 'calendar_feed.%' order by seq`,
    );
    expect(audit.slice(-2)).toEqual([
      { action: "calendar_feed.create", purpose: "treatment", actor_user_id: credentials.dana.id },
      { action: "calendar_feed.read", purpose: "disclosure", actor_user_id: credentials.ana.id },
    ]);

    expect((await call("DELETE", `/participants/${ids.ana}/calendar-feed`, "frontDesk")).statusCode).toBe(
      204,
    );
    expect((await fetchFeed(created.json().url)).statusCode).toBe(404);
    const revoked = await queryRows<{ action: string; actor_user_id: string }>(
      database.db,
      sql`select action, actor_user_id from audit_events where participant_id = ${ids.ana} order by seq desc limit 1`,
    );
    expect(revoked[0]).toEqual({ action: "calendar_feed.revoke", actor_user_id: credentials.frontDesk.id });

    // The participant makes their own; the one before stops working.
    const own = (await call("POST", "/me/calendar-feed", "ana")).json();
    expect((await fetchFeed(own.url)).statusCode).toBe(200);
  });

  it("keeps the feed setting to administrators, private by default, with field errors", async () => {
    expect((await call("GET", "/settings/calendar-feeds", "admin")).json()).toEqual({
      detail: "private",
      includeVideoLinks: false,
    });
    expect((await call("GET", "/settings/calendar-feeds", "dana")).statusCode).toBe(403);
    const bad = await call("PUT", "/settings/calendar-feeds", "admin", {
      detail: "everything",
      includeVideoLinks: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["detail", "includeVideoLinks"]);
  });

  it("limits how often one address may ask for feeds", async () => {
    const { url } = (await call("POST", "/me/calendar-feed", "dana")).json();
    let limited = 0;
    for (let i = 0; i < 32; i++) {
      if ((await fetchFeed(url, "203.0.113.9")).statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});

import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DischargeReason } from "../../core/participants/episodes.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { afterDischarge, afterReadmission } from "../discharges/after-discharge";

/**
 * The alumni program over the API: enrolment on discharge, the weekly check-in with its re-engagement
 * alert (once per check-in), idempotency per week, RSVP capacity, opting out at once (with follow-up
 * surveys cancelled), alumni threads kept apart from care-team threads, and refusals.
 */

const PEOPLE = ["ana", "ben", "cal", "coordinator", "otherSite", "frontDesk"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("Alumni: a lighter app after discharge", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  // A Wednesday; the week on the site's calendar (New York) starts Monday 2026-11-23.
  const clock = testClock("2026-11-25T15:00:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  const ids = { site: "", ana: "", ben: "", cal: "", dee: "" };

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (who: Person, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      ...(payload ? { payload } : {}),
    });
  const episodeOf = async (participantId: string) =>
    (
      await queryRows<{ id: string }>(
        database.db,
        sql`select id from episodes where participant_id = ${participantId} order by admitted_on desc limit 1`,
      )
    )[0]!.id;
  const discharge = async (participantId: string, reason: DischargeReason) => {
    const episodeId = await episodeOf(participantId);
    await database.db.transaction((tx) =>
      afterDischarge(
        tx,
        {
          participantId,
          episodeId,
          siteId: ids.site,
          dischargedOn: "2026-11-20",
          reason,
          timeZone: "America/New_York",
        },
        clock.now(),
      ),
    );
  };
  const alertsOf = (participantId: string) =>
    queryRows<{ severity: string; evidence_id: string; evidence_item: string }>(
      database.db,
      sql`select severity, evidence_id, evidence_item from alerts
          where participant_id = ${participantId} and kind = 'alumni_reengagement' and evidence_kind = 'alumni_check_in'`,
    );
  const auditCount = (action: string, outcome = "allowed") =>
    queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = ${action} and outcome = ${outcome}`,
    ).then((r) => Number(r[0]!.n));
  const calm = {
    usedSinceLast: false,
    craving: 2,
    mood: 4,
    meetingsAttended: 3,
    wantsContact: false,
    note: "",
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    const other = await givenSite(db);
    ids.site = site.id;
    credentials.coordinator = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    credentials.otherSite = await givenUser(db, { roles: ["counselor"], siteNames: [other.name] });
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    for (const who of ["ana", "ben", "cal"] as const) {
      credentials[who] = await givenUser(db, { kind: "participant" });
    }
    ids.ana = (
      await givenParticipant(db, {
        siteId: site.id,
        userId: credentials.ana.id,
        dischargedOn: "2026-11-20",
        careTeam: [{ userId: credentials.coordinator.id, role: "primary_counselor" }],
      })
    ).id;
    ids.ben = (
      await givenParticipant(db, { siteId: site.id, userId: credentials.ben.id, dischargedOn: "2026-11-20" })
    ).id;
    ids.cal = (await givenParticipant(db, { siteId: site.id, userId: credentials.cal.id })).id;
    ids.dee = (await givenParticipant(db, { siteId: site.id, dischargedOn: "2026-11-20" })).id;
    await discharge(ids.ana, "completed");
    await discharge(ids.ben, "left_against_advice");
    await discharge(ids.dee, "died");
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe("enrolment", () => {
    it("a discharge enrols the person as an active alumnus; a death enrols nobody", async () => {
      const rows = await queryRows<{ participant_id: string; status: string; joined_on: string }>(
        database.db,
        sql`select participant_id, status, joined_on::text as joined_on from alumni_memberships`,
      );
      const byId = new Map(rows.map((r) => [r.participant_id, r]));
      expect(byId.get(ids.ana)).toMatchObject({ status: "active", joined_on: "2026-11-20" });
      expect(byId.get(ids.ben)?.status).toBe("active");
      expect(byId.has(ids.dee)).toBe(false);
      expect(await auditCount("alumni.enrol")).toBe(2);
    });

    it("the home page's status says alumni; a participant in care is not, and the alumni routes say why", async () => {
      expect((await call("ana", "GET", "/me/alumni/status")).json()).toEqual({
        alumni: true,
        status: "active",
      });
      expect((await call("cal", "GET", "/me/alumni/status")).json()).toEqual({ alumni: false, status: null });
      const refused = await call("cal", "GET", "/me/alumni");
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe("ALUMNI_IN_CARE");
    });

    it("staff have no alumni home of their own", async () => {
      const response = await call("coordinator", "GET", "/me/alumni");
      expect(response.statusCode).toBe(403);
    });
  });

  describe("the weekly check-in", () => {
    it("a calm check-in is stored for this week and raises nothing", async () => {
      const response = await call("ben", "PUT", "/me/alumni/check-ins/current", calm);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ created: true, checkIn: { weekOf: "2026-11-23", flags: [] } });
      expect(await alertsOf(ids.ben)).toEqual([]);
    });

    it("use resumed raises one urgent re-engagement alert with the check-in as evidence, once per check-in", async () => {
      const first = await call("ana", "PUT", "/me/alumni/check-ins/current", {
        ...calm,
        usedSinceLast: true,
      });
      expect(first.statusCode).toBe(200);
      const id = first.json().checkIn.id;
      expect(first.json().checkIn.flags).toEqual(["use_resumed"]);
      // Saved again the same week: the same check-in is updated, no second alert.
      const again = await call("ana", "PUT", "/me/alumni/check-ins/current", {
        ...calm,
        usedSinceLast: true,
        wantsContact: true,
        note: "Rough week.",
      });
      expect(again.json()).toMatchObject({ created: false, checkIn: { id, note: "Rough week." } });
      const alerts = await alertsOf(ids.ana);
      expect(alerts).toEqual([{ severity: "urgent", evidence_id: id, evidence_item: "2026-11-23" }]);
      const history = (await call("ana", "GET", "/me/alumni/check-ins")).json();
      expect(history.checkIns).toHaveLength(1);
      expect(history.checkIns[0]).toMatchObject({
        id,
        wantsContact: true,
        flags: ["use_resumed", "wants_contact"],
      });
    });

    it("bad answers are refused with the field named, and nothing is stored", async () => {
      const response = await call("ben", "PUT", "/me/alumni/check-ins/current", {
        ...calm,
        craving: 11,
        note: "x".repeat(1001),
      });
      expect(response.statusCode).toBe(400);
      const paths = response.json().error.fields.map((f: { path: string }) => f.path);
      expect(paths.join(" ")).toMatch(/craving/);
      expect(paths.join(" ")).toMatch(/note/);
      const history = (await call("ben", "GET", "/me/alumni/check-ins")).json();
      expect(history.checkIns[0].craving).toBe(2);
    });

    it("the chart shows the membership and check-ins to the care team, audited; another site is refused", async () => {
      const response = await call("coordinator", "GET", `/participants/${ids.ana}/alumni`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        membership: { status: "active" },
        checkIns: [{ usedSinceLast: true }],
      });
      expect(await auditCount("alumni.chart_view")).toBeGreaterThanOrEqual(1);
      expect((await call("otherSite", "GET", `/participants/${ids.ana}/alumni`)).statusCode).toBe(404);
      expect((await call("ben", "GET", `/participants/${ids.ana}/alumni`)).statusCode).toBe(404);
    });
  });

  describe("events", () => {
    let eventId = "";
    const event = () => ({
      siteId: ids.site,
      title: "Alumni dinner",
      kind: "event",
      startsAt: "2026-12-05T23:00:00Z",
      endsAt: "2026-12-06T01:00:00Z",
      timeZone: "America/New_York",
      location: "Community room",
      capacity: 1,
    });

    it("the coordinator creates an event; bad input names the fields", async () => {
      const bad = await call("coordinator", "POST", "/alumni-events", {
        ...event(),
        endsAt: "2026-12-05T22:00:00Z",
        onlineUrl: "http://insecure.example.org",
        capacity: 0,
      });
      expect(bad.statusCode).toBe(400);
      const paths = bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .join(" ");
      expect(paths).toMatch(/endsAt/);
      expect(paths).toMatch(/onlineUrl/);
      expect(paths).toMatch(/capacity/);
      const created = await call("coordinator", "POST", "/alumni-events", event());
      expect(created.statusCode).toBe(200);
      eventId = created.json().id;
      expect(created.json()).toMatchObject({ going: 0, capacity: 1, cancelledAt: null });
    });

    it("staff without alumni.manage, or at another site, cannot manage events", async () => {
      expect((await call("frontDesk", "POST", "/alumni-events", event())).statusCode).toBe(403);
      expect((await call("otherSite", "POST", "/alumni-events", event())).statusCode).toBe(403);
      expect((await call("otherSite", "GET", `/alumni-events?siteId=${ids.site}`)).statusCode).toBe(403);
      expect((await call("ana", "GET", `/alumni-events?siteId=${ids.site}`)).statusCode).toBe(403);
    });

    it("the alumni home lists it; the last place goes to the first 'going' and a full event says so", async () => {
      const home = (await call("ana", "GET", "/me/alumni")).json();
      expect(home.events).toEqual([expect.objectContaining({ id: eventId, myRsvp: null, going: 0 })]);
      expect(home.thisWeek).toMatchObject({ weekOf: "2026-11-23" });
      const going = await call("ana", "POST", `/me/alumni/events/${eventId}/rsvp`, { status: "going" });
      expect(going.json()).toMatchObject({ myRsvp: "going", going: 1 });
      const full = await call("ben", "POST", `/me/alumni/events/${eventId}/rsvp`, { status: "going" });
      expect(full.statusCode).toBe(409);
      expect(full.json().error.code).toBe("ALUMNI_EVENT_FULL");
      // Answering "going" again keeps the place; "not going" frees it.
      expect(
        (await call("ana", "POST", `/me/alumni/events/${eventId}/rsvp`, { status: "going" })).statusCode,
      ).toBe(200);
      await call("ana", "POST", `/me/alumni/events/${eventId}/rsvp`, { status: "not_going" });
      expect(
        (await call("ben", "POST", `/me/alumni/events/${eventId}/rsvp`, { status: "going" })).json().going,
      ).toBe(1);
    });

    it("a cancelled event keeps its answers and takes no more", async () => {
      const cancelled = await call("coordinator", "POST", `/alumni-events/${eventId}/cancel`);
      expect(cancelled.json()).toMatchObject({ going: 1 });
      expect(cancelled.json().cancelledAt).not.toBeNull();
      const rsvp = await call("ana", "POST", `/me/alumni/events/${eventId}/rsvp`, { status: "going" });
      expect(rsvp.json().error.code).toBe("ALUMNI_EVENT_CANCELLED");
      expect((await call("ana", "GET", "/me/alumni")).json().events).toEqual([]);
      const list = (await call("coordinator", "GET", `/alumni-events?siteId=${ids.site}`)).json();
      expect(list.events[0].cancelledAt).not.toBeNull();
    });
  });

  describe("messages with the alumni coordinator", () => {
    let threadId = "";
    const key = () => crypto.randomUUID();

    it("the alumnus starts a thread; the coordinator sees it in the alumni inbox and replies; unread counts follow", async () => {
      const started = await call("ana", "POST", "/me/alumni/messages", {
        subject: "Sponsor",
        body: "Could we talk about finding a sponsor?",
        idempotencyKey: key(),
      });
      expect(started.statusCode).toBe(200);
      threadId = started.json().thread.id;
      const inbox = (await call("coordinator", "GET", `/alumni-messages?siteId=${ids.site}`)).json();
      expect(inbox.threads.map((t: { id: string }) => t.id)).toEqual([threadId]);
      expect(inbox.threads[0].unread).toBe(1);
      clock.advanceMinutes(5);
      const reply = await call("coordinator", "POST", `/alumni-messages/${threadId}`, {
        body: "Yes — Thursday at 5?",
        idempotencyKey: key(),
      });
      expect(reply.statusCode).toBe(200);
      expect((await call("ana", "GET", "/me/alumni")).json().unreadMessages).toBe(1);
      const thread = (await call("ana", "GET", `/me/alumni/messages/${threadId}`)).json();
      expect(thread.messages.map((m: { body: string }) => m.body)).toEqual([
        "Could we talk about finding a sponsor?",
        "Yes — Thursday at 5?",
      ]);
      expect((await call("ana", "GET", "/me/alumni")).json().unreadMessages).toBe(0);
    });

    it("alumni threads never appear among care-team messages, and care-team routes do not open them", async () => {
      const mine = (await call("ana", "GET", "/me/message-threads")).json();
      expect(mine.threads).toEqual([]);
      expect((await call("ana", "GET", `/me/message-threads/${threadId}`)).statusCode).toBe(404);
      const inbox = (await call("coordinator", "GET", "/message-threads")).json();
      expect(inbox.threads.map((t: { id: string }) => t.id)).not.toContain(threadId);
      expect((await call("coordinator", "GET", `/message-threads/${threadId}`)).statusCode).toBe(404);
    });

    it("another alumnus and unrelated staff cannot open it", async () => {
      expect((await call("ben", "GET", `/me/alumni/messages/${threadId}`)).statusCode).toBe(404);
      expect((await call("ben", "GET", "/me/alumni/messages")).json().threads).toEqual([]);
      expect((await call("otherSite", "GET", `/alumni-messages/${threadId}`)).statusCode).toBe(403);
      expect((await call("frontDesk", "GET", `/alumni-messages/${threadId}`)).statusCode).toBe(403);
      expect((await call("otherSite", "GET", `/alumni-messages?siteId=${ids.site}`)).statusCode).toBe(403);
    });
  });

  describe("roster and opting out", () => {
    it("the roster lists members with their last check-in and its flags", async () => {
      const roster = (await call("coordinator", "GET", `/alumni?siteId=${ids.site}`)).json();
      const ana = roster.members.find((m: { participantId: string }) => m.participantId === ids.ana);
      expect(ana).toMatchObject({
        status: "active",
        lastCheckInWeek: "2026-11-23",
        lastFlags: ["use_resumed", "wants_contact"],
      });
      expect(roster.members).toHaveLength(2);
      expect((await call("otherSite", "GET", `/alumni?siteId=${ids.site}`)).statusCode).toBe(403);
    });

    it("opting out is immediate: the alumni routes refuse, pending follow-ups are cancelled, answered ones kept", async () => {
      const episodeId = await episodeOf(ids.ana);
      await database.db.execute(sql`delete from follow_up_surveys where participant_id = ${ids.ana}`);
      await database.db.execute(
        sql`insert into follow_up_surveys (participant_id, episode_id, site_id, wave, due_on, closes_on, status, completed_at)
            values (${ids.ana}, ${episodeId}, ${ids.site}, 30, '2026-12-20', '2027-01-03', 'completed', now()),
                   (${ids.ana}, ${episodeId}, ${ids.site}, 90, '2027-02-18', '2027-03-04', 'sent', null),
                   (${ids.ana}, ${episodeId}, ${ids.site}, 180, '2027-05-19', '2027-06-02', 'scheduled', null)`,
      );
      const out = await call("ana", "POST", "/me/alumni/opt-out", { alsoFollowUps: true });
      expect(out.statusCode).toBe(200);
      expect(out.json()).toMatchObject({ status: "opted_out", optOutSource: "app" });
      expect(out.json().followUpsOptedOutAt).not.toBeNull();
      const surveys = await queryRows<{ wave: number; status: string; cancelled_reason: string | null }>(
        database.db,
        sql`select wave, status, cancelled_reason from follow_up_surveys where participant_id = ${ids.ana} order by wave`,
      );
      expect(surveys).toEqual([
        { wave: 30, status: "completed", cancelled_reason: null },
        { wave: 90, status: "cancelled", cancelled_reason: "opted_out" },
        { wave: 180, status: "cancelled", cancelled_reason: "opted_out" },
      ]);
      for (const [method, url, body] of [
        ["GET", "/me/alumni", undefined],
        ["PUT", "/me/alumni/check-ins/current", calm],
        ["GET", "/me/alumni/messages", undefined],
      ] as const) {
        const refused = await call("ana", method, url, body);
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error.code).toBe("ALUMNI_NOT_MEMBER");
      }
      expect((await call("ana", "GET", "/me/alumni/status")).json()).toEqual({
        alumni: true,
        status: "opted_out",
      });
      expect((await call("ana", "POST", "/me/alumni/opt-out", { alsoFollowUps: false })).statusCode).toBe(
        403,
      );
      const reply = await call(
        "coordinator",
        "POST",
        `/alumni-messages/${(await call("coordinator", "GET", `/alumni-messages?siteId=${ids.site}`)).json().threads[0].id}`,
        {
          body: "Are you still there?",
          idempotencyKey: crypto.randomUUID(),
        },
      );
      expect(reply.json().error.code).toBe("ALUMNI_NOT_MEMBER");
    });

    it("a later discharge keeps an opted-out person out; rejoining is theirs to do", async () => {
      await discharge(ids.ana, "completed");
      expect((await call("ana", "GET", "/me/alumni/status")).json().status).toBe("opted_out");
      const back = await call("ana", "POST", "/me/alumni/rejoin");
      expect(back.json()).toMatchObject({ status: "active", optedOutAt: null });
      expect((await call("ana", "GET", "/me/alumni")).statusCode).toBe(200);
    });

    it("staff record a member's request to leave; a second request says it is already done", async () => {
      const out = await call("coordinator", "POST", `/alumni/${ids.ben}/opt-out`, { alsoFollowUps: false });
      expect(out.json()).toMatchObject({
        status: "opted_out",
        optOutSource: "staff",
        followUpsOptedOutAt: null,
      });
      const again = await call("coordinator", "POST", `/alumni/${ids.ben}/opt-out`, { alsoFollowUps: false });
      expect(again.json().error.code).toBe("ALUMNI_ALREADY_OPTED_OUT");
      expect(
        (await call("otherSite", "POST", `/alumni/${ids.ana}/opt-out`, { alsoFollowUps: false })).statusCode,
      ).toBe(403);
    });

    it("a re-admission ends the membership and the alumni app gives way to the care team", async () => {
      const previous = await episodeOf(ids.ana);
      await database.db.execute(
        sql`insert into episodes (participant_id, site_id, admitted_on, previous_episode_id) values (${ids.ana}, ${ids.site}, '2026-11-25', ${previous})`,
      );
      const episodeId = await episodeOf(ids.ana);
      await database.db.transaction((tx) =>
        afterReadmission(tx, { participantId: ids.ana, episodeId, previousEpisodeId: previous }, clock.now()),
      );
      expect((await call("ana", "GET", "/me/alumni/status")).json()).toEqual({
        alumni: false,
        status: "readmitted",
      });
      expect((await call("ana", "GET", "/me/alumni")).json().error.code).toBe("ALUMNI_IN_CARE");
    });
  });
});

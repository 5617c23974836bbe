import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { MyPractice, PracticeReflections } from "../../core/practice/practice.schema";
import { insertMark } from "../attendance/attendance.sql";
import { upsertPlanned } from "../curriculum/curriculum.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { assessmentResponses, episodes, trackEnrollments, trackFacilitators } from "../db/schema";

/**
 * Practice over the API: assignments from the groups a participant attended that had a module
 * (newest first, the newest current until the group meets again), marking done with a reflection,
 * changing it and undoing it while open, the window closed once the next group starts, clear
 * refusals (not attended, no module), the facilitator's view of the roster's reflections with read
 * marks and who may open it, and a participant never reaching another's practice or measures.
 *
 * The group meets on Mondays 18:00–19:30 in New York. The clock starts on Tuesday 2026-03-10 at 11:00
 * local (15:00 UTC), the morning after the 9 March session.
 */

const PEOPLE = ["facilitator", "director", "outsider", "ana", "ben"] as const;
type Person = (typeof PEOPLE)[number];

const NO_MODULE = "2026-02-23T18:00";
const EARLIER = "2026-03-02T18:00";
const MONDAY = "2026-03-09T18:00";
const NEXT_MONDAY = "2026-03-16T18:00";

describeEachEngine("practice: assignments, done with a reflection, the facilitator's view", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-10T15:00:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  const p = { ana: "", ben: "", cara: "" };
  let trackId = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (
    who: Person,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      ...(payload ? { payload } : {}),
    });
  const myPractice = async (who: Person) => (await call(who, "GET", "/me/practice")).json() as MyPractice;
  const markDone = (who: Person, key: string, reflection?: string) =>
    call(who, "PUT", `/me/practice/${trackId}/${key}`, reflection === undefined ? {} : { reflection });
  const undo = (who: Person, key: string) => call(who, "DELETE", `/me/practice/${trackId}/${key}`);
  const reflections = (who: Person, key: string) =>
    call(who, "GET", `/tracks/${trackId}/occurrences/${key}/practice`);
  const mark = (participantId: string, key: string, status: string) =>
    insertMark(database.db, {
      trackId,
      occurrenceKey: key,
      participantId,
      occurredOn: key.slice(0, 10),
      status,
      minutesAttended: status === "absent_unexcused" ? 0 : 90,
      sessionMinutes: 90,
      telehealth: false,
      note: "",
      recordedAt: clock.now(),
    });
  const auditOf = (action: string) =>
    queryRows<{ participant_id: string | null; outcome: string; purpose: string }>(
      database.db,
      sql`select participant_id, outcome, purpose from audit_events where action = ${action} order by seq`,
    );

  async function enroll(participantId: string) {
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, participantId));
    await database.db
      .insert(trackEnrollments)
      .values({ trackId, participantId, episodeId: episode!.id, status: "enrolled", joinedOn: "2026-02-02" });
    return episode!.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    credentials.facilitator = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Fran Facilitator",
    });
    credentials.director = await givenUser(db, {
      roles: ["clinical_director"],
      siteNames: [site.name],
      displayName: "Dana Director",
    });
    credentials.outsider = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    credentials.ana = await givenUser(db, { kind: "participant", displayName: "Ana" });
    credentials.ben = await givenUser(db, { kind: "participant", displayName: "Ben" });
    trackId = (
      await givenTrack(db, {
        siteId: site.id,
        name: "Evening relapse prevention",
        slots: [{ weekday: 1, start: "18:00", end: "19:30" }],
      })
    ).id;
    await db.insert(trackFacilitators).values({ trackId, userId: credentials.facilitator.id });
    const careTeam = [{ userId: credentials.director.id, role: "clinical_director" }];
    const admitted = { siteId: site.id, admittedOn: "2026-01-15", careTeam };
    p.ana = (
      await givenParticipant(db, {
        ...admitted,
        givenName: "Ana",
        familyName: "Alvarez",
        userId: credentials.ana.id,
      })
    ).id;
    p.ben = (
      await givenParticipant(db, {
        ...admitted,
        givenName: "Ben",
        familyName: "Brooks",
        userId: credentials.ben.id,
      })
    ).id;
    p.cara = (await givenParticipant(db, { ...admitted, givenName: "Cara", familyName: "Castillo" })).id;
    const anaEpisode = await enroll(p.ana);
    for (const id of [p.ben, p.cara]) await enroll(id);
    const plannedAt = clock.now();
    const by = credentials.director.id;
    await upsertPlanned(db, {
      trackId,
      occurrenceKey: EARLIER,
      moduleKey: "cravings-urge-surfing",
      plannedBy: by,
      plannedAt,
    });
    await upsertPlanned(db, {
      trackId,
      occurrenceKey: MONDAY,
      moduleKey: "communication-skills",
      plannedBy: by,
      plannedAt,
    });
    await mark(p.ana, NO_MODULE, "present");
    await mark(p.ana, EARLIER, "present");
    await mark(p.ana, MONDAY, "late");
    await mark(p.ben, EARLIER, "present");
    await mark(p.ben, MONDAY, "absent_unexcused");
    await mark(p.cara, MONDAY, "present");
    // Ana's PHQ-9 twice in her episode: her measures, and nobody else's.
    for (const [completedOn, total] of [
      ["2026-02-01", 14],
      ["2026-03-01", 8],
    ] as const) {
      await db.insert(assessmentResponses).values({
        participantId: p.ana,
        siteId: site.id,
        episodeId: anaEpisode,
        instrumentKey: "phq9",
        questionnaireUrl: "fixture",
        questionnaireVersion: "fixture",
        answers: {},
        language: "en",
        mode: "self",
        idempotencyKey: randomUUID(),
        completedOn,
        submittedAt: new Date(`${completedOn}T15:00:00Z`),
        scored: true,
        total,
        band: "mild",
        subscales: {},
        flags: [],
        missing: [],
        critical: [],
      });
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe("the participant's assignments", () => {
    it("lists the attended sessions that had a module, newest first, the newest current until the next group", async () => {
      const { assignments } = await myPractice("ana");
      expect(assignments.map((a) => [a.occurrenceKey, a.current, a.open, a.done])).toEqual([
        [MONDAY, true, true, null],
        [EARLIER, false, false, null],
      ]);
      const current = assignments[0]!;
      expect(current.closesAt).toBe("2026-03-16T22:00:00.000Z");
      expect(current.sessionDate).toBe("2026-03-09");
      expect(current.track).toEqual({ id: trackId, name: "Evening relapse prevention" });
      expect(current.module.key).toBe("communication-skills");
      expect(current.module.handout.length).toBeGreaterThan(100);
      expect(current.module.practice.length).toBeGreaterThan(10);
      expect(current.module.skills.length).toBeGreaterThan(0);
      expect((await auditOf("practice.my_list")).at(-1)).toEqual({
        participant_id: p.ana,
        outcome: "allowed",
        purpose: "self",
      });
    });

    it("gives the handout and practice in the page's language when asked, else the account's", async () => {
      const english = (await myPractice("ana")).assignments[0]!.module;
      const spanish = (await call("ana", "GET", "/me/practice?language=es")).json() as MyPractice;
      expect(spanish.assignments[0]!.module.key).toBe(english.key);
      expect(spanish.assignments[0]!.module.title).not.toBe(english.title);
      expect(spanish.assignments[0]!.module.practice).not.toBe(english.practice);
      const wrong = await call("ana", "GET", "/me/practice?language=fr");
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields[0].path).toBe("querystring.language");
    });

    it("gives a participant only their own: Ben missed Monday, so his practice is the one before", async () => {
      const { assignments } = await myPractice("ben");
      expect(assignments.map((a) => [a.occurrenceKey, a.open])).toEqual([[EARLIER, false]]);
    });

    it("refuses practice of a session not attended, without a module, or whose window closed", async () => {
      const notAttended = await markDone("ben", MONDAY, "I practised anyway");
      expect(notAttended.statusCode).toBe(409);
      expect(notAttended.json().error.code).toBe("PRACTICE_NOT_ATTENDED");
      const noModule = await markDone("ana", NO_MODULE, "Nothing to do");
      expect(noModule.json().error.code).toBe("PRACTICE_NO_MODULE");
      const closed = await markDone("ana", EARLIER, "Late, sorry");
      expect(closed.statusCode).toBe(409);
      expect(closed.json().error.code).toBe("PRACTICE_CLOSED");
      expect((await undo("ana", EARLIER)).json().error.code).toBe("PRACTICE_CLOSED");
      const noSuchGroup = await call("ana", "PUT", `/me/practice/${randomUUID()}/${MONDAY}`, {});
      expect(noSuchGroup.statusCode).toBe(404);
    });

    it("names the field when the input is wrong", async () => {
      const tooLong = await markDone("ana", MONDAY, "x".repeat(1001));
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.fields[0].path).toBe("reflection");
      const badKey = await call("ana", "PUT", `/me/practice/${trackId}/monday`, {});
      expect(badKey.statusCode).toBe(400);
      expect(badKey.json().error.fields[0].path).toBe("params.occurrenceKey");
    });

    it("marks done with a reflection, changes it, undoes it and marks it again (idempotent)", async () => {
      const done = await markDone("ana", MONDAY, "  I asked my sister for help using an I-statement.  ");
      expect(done.statusCode).toBe(200);
      const first = (done.json() as MyPractice).assignments[0]!;
      expect(first.done?.reflection).toBe("I asked my sister for help using an I-statement.");
      clock.advanceMinutes(5);
      const again = (
        await markDone("ana", MONDAY, "I asked my sister for help using an I-statement.")
      ).json();
      expect(again.assignments[0].done).toEqual(first.done);
      const undone = await undo("ana", MONDAY);
      expect((undone.json() as MyPractice).assignments[0]!.done).toBeNull();
      expect((await markDone("ana", MONDAY)).json().assignments[0].done.reflection).toBe("");
      expect((await markDone("ana", MONDAY, "Used it twice this week.")).statusCode).toBe(200);
      expect((await auditOf("practice.complete")).map((e) => [e.participant_id, e.purpose])).toContainEqual([
        p.ana,
        "self",
      ]);
      expect((await auditOf("practice.undo")).at(-1)?.participant_id).toBe(p.ana);
    });

    it("refuses the participant routes to staff", async () => {
      expect((await call("director", "GET", "/me/practice")).statusCode).toBe(403);
      expect((await markDone("director", MONDAY, "x")).statusCode).toBe(403);
    });
  });

  describe("the facilitator's view", () => {
    it("shows the roster's reflections on the previous session's practice before the next session", async () => {
      const response = await reflections("facilitator", NEXT_MONDAY);
      expect(response.statusCode).toBe(200);
      const view = response.json() as PracticeReflections;
      expect(view.previous).toEqual({
        occurrenceKey: MONDAY,
        sessionDate: "2026-03-09",
        module: { key: "communication-skills", title: expect.any(String) },
      });
      const byName = Object.fromEntries(view.people.map((x) => [x.name, x]));
      expect(Object.keys(byName)).toEqual(["Ana Alvarez", "Ben Brooks", "Cara Castillo"]);
      expect(byName["Ana Alvarez"]!.attended).toBe(true);
      expect(byName["Ana Alvarez"]!.completion).toMatchObject({
        reflection: "Used it twice this week.",
        readAt: null,
      });
      expect(byName["Ben Brooks"]).toMatchObject({ attended: false, completion: null });
      expect(byName["Cara Castillo"]).toMatchObject({ attended: true, completion: null });
      const audit = await auditOf("practice.reflections_view");
      expect(audit.at(-1)).toEqual({ participant_id: p.ana, outcome: "allowed", purpose: "treatment" });
    });

    it("marks reflections read; a changed reflection is unread again", async () => {
      const view = (await reflections("facilitator", NEXT_MONDAY)).json() as PracticeReflections;
      const id = view.people.find((x) => x.participantId === p.ana)!.completion!.id;
      const read = await call(
        "facilitator",
        "POST",
        `/tracks/${trackId}/occurrences/${NEXT_MONDAY}/practice/read`,
        {
          completionIds: [id, randomUUID()],
        },
      );
      expect(read.statusCode).toBe(200);
      const ana = (read.json() as PracticeReflections).people.find((x) => x.participantId === p.ana)!;
      expect(ana.completion?.readBy).toEqual({ id: credentials.facilitator.id, name: "Fran Facilitator" });
      expect(ana.completion?.readAt).toBe(clock.now().toISOString());
      expect((await auditOf("practice.reflection_read")).map((e) => e.participant_id)).toEqual([p.ana]);
      await markDone("ana", MONDAY, "Used it three times this week.");
      const after = (await reflections("facilitator", NEXT_MONDAY)).json() as PracticeReflections;
      expect(after.people.find((x) => x.participantId === p.ana)!.completion).toMatchObject({
        reflection: "Used it three times this week.",
        readAt: null,
        readBy: null,
      });
    });

    it("lets the director who covers the whole roster in, and refuses a counselor who neither runs it nor covers it", async () => {
      expect((await reflections("director", NEXT_MONDAY)).statusCode).toBe(200);
      const refused = await reflections("outsider", NEXT_MONDAY);
      expect(refused.statusCode).toBe(403);
      expect((await auditOf("practice.reflections_view")).at(-1)?.outcome).toBe("denied");
      const readRefused = await call(
        "outsider",
        "POST",
        `/tracks/${trackId}/occurrences/${NEXT_MONDAY}/practice/read`,
        {
          completionIds: [randomUUID()],
        },
      );
      expect(readRefused.statusCode).toBe(403);
      expect((await reflections("ana", NEXT_MONDAY)).statusCode).toBe(403);
      const noSession = await reflections("facilitator", "2026-03-17T18:00");
      expect(noSession.statusCode).toBe(404);
    });

    it("has no previous practice for the group's first session", async () => {
      const view = (await reflections("facilitator", "2026-01-05T18:00")).json() as PracticeReflections;
      expect(view.previous).toBeNull();
    });
  });

  describe("once the next group starts", () => {
    it("closes the practice: it cannot be changed or undone, and nothing is current", async () => {
      // From Tuesday 15:00 UTC to Monday 16 March 22:00 UTC (18:00 New York).
      clock.advanceMinutes((6 * 24 + 7) * 60 - 5);
      sessions.clear();
      expect((await markDone("ana", MONDAY, "One more")).json().error.code).toBe("PRACTICE_CLOSED");
      expect((await undo("ana", MONDAY)).json().error.code).toBe("PRACTICE_CLOSED");
      const { assignments } = await myPractice("ana");
      expect(assignments.map((a) => [a.occurrenceKey, a.current, a.open])).toEqual([
        [MONDAY, false, false],
        [EARLIER, false, false],
      ]);
      expect(assignments[0]!.done?.reflection).toBe("Used it three times this week.");
    });
  });

  describe("my measures", () => {
    it("gives the participant their own totals only, without bands", async () => {
      const ana = await call("ana", "GET", "/me/measures");
      expect(ana.statusCode).toBe(200);
      expect(ana.json()).toEqual({
        measures: [
          {
            instrumentKey: "phq9",
            direction: "lower_is_better",
            range: { min: 0, max: 27 },
            points: [
              { on: "2026-02-01", score: 14 },
              { on: "2026-03-01", score: 8 },
            ],
          },
        ],
      });
      expect((await call("ben", "GET", "/me/measures")).json()).toEqual({ measures: [] });
      expect((await call("director", "GET", "/me/measures")).statusCode).toBe(403);
      expect(
        (await auditOf("assessment.my_measures_view")).map((e) => [e.participant_id, e.purpose]),
      ).toEqual([
        [p.ana, "self"],
        [p.ben, "self"],
      ]);
    });
  });
});

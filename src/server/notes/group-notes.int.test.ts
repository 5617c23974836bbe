import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  givenParticipant,
  givenSite,
  givenTrack,
  givenUser,
  TEST_PASSWORD,
} from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { EMPTY_GROUP_ENTRY, type GroupEntryContent } from "../../core/notes/note.schema";
import { insertMark } from "../attendance/attendance.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";
import {
  clinicalNoteAddenda,
  episodes,
  trackEnrollments,
  trackExceptions,
  trackFacilitators,
} from "../db/schema";
import { aCompletePlan } from "../treatment-plans/plans.test-data";

/**
 * Group notes over the API, one screen per session: starting the draft once the session has begun,
 * autosaving the shared part and each entry under optimistic locking, objectives only from the
 * participant's current plan, the roster's bounds, who may open the screen (a facilitator outside the
 * care team may; a counselor who neither runs the session nor covers its roster may not), the
 * cloned-entry check, signing refused with every missing part named and then signed and locked, and
 * the chart's privacy rule: each participant's chart holds their own entry and nobody else's.
 *
 * The track meets on Mondays 18:00–19:30 in New York. The clock starts at 18:30 on Monday 2026-03-09
 * (22:30 UTC, daylight time), while the session is under way.
 */

const PEOPLE = ["facilitator", "director", "outsider"] as const;
type Person = (typeof PEOPLE)[number];

const EARLIER = "2026-03-02T18:00";
const MONDAY = "2026-03-09T18:00";
const NEXT_MONDAY = "2026-03-16T18:00";
const CANCELLED = "2026-03-23T18:00";
const SUBSTITUTED = "2026-03-30T18:00";

const entry = (text: string, extra: Partial<GroupEntryContent> = {}): GroupEntryContent => ({
  ...EMPTY_GROUP_ENTRY,
  participation: "active",
  moodAffect: "Calm, bright",
  contribution: text,
  ...extra,
});

/** One template written for two people: the cloned-entry check must see through the names. */
const template = (name: string, pronoun: string) =>
  `${name} named payday evenings as the main trigger this week and practised urge surfing twice during the group, rating ${pronoun} craving at six before the exercise and three after it.`;

describeEachEngine("group notes: one screen, locking, signing and chart privacy", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-09T22:30:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  const p = { ana: "", ben: "", cara: "", gil: "" };
  const objective = { ana: "" };
  let trackId = "";
  let noteId = "";
  const anaEntry = () =>
    entry(template("Ana", "her"), {
      objectives: [{ objectiveId: objective.ana, progress: "progressing", comment: "Named two triggers." }],
    });

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
  const screen = (key: string, who: Person = "facilitator") =>
    call(who, "GET", `/tracks/${trackId}/occurrences/${key}/group-note`);
  const saveShared = (key: string, revision: number | null, narrative: string, who: Person = "facilitator") =>
    call(who, "PUT", `/tracks/${trackId}/occurrences/${key}/group-note`, {
      revision,
      shared: { moduleKey: null, moduleVersion: null, topic: "Cravings and urge surfing", narrative },
    });
  const saveEntry = (
    note: string,
    participantId: string,
    revision: number | null,
    content: GroupEntryContent,
  ) => call("facilitator", "PUT", `/group-notes/${note}/entries/${participantId}`, { revision, content });
  const mark = (participantId: string, key: string, status: string) =>
    insertMark(database.db, {
      trackId,
      occurrenceKey: key,
      participantId,
      occurredOn: key.slice(0, 10),
      status,
      minutesAttended: status === "present" ? 90 : 0,
      sessionMinutes: 90,
      telehealth: false,
      note: "",
      recordedAt: clock.now(),
    });
  const auditOf = (action: string) =>
    queryRows<{ participant_id: string | null; outcome: string }>(
      database.db,
      sql`select participant_id, outcome from audit_events where action = ${action} order by seq`,
    );

  async function enroll(participantId: string) {
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, participantId));
    await database.db
      .insert(trackEnrollments)
      .values({ trackId, participantId, episodeId: episode!.id, status: "enrolled", joinedOn: "2026-02-02" });
  }

  /** A signed plan with one objective; its id. */
  async function givenSignedPlan(participantId: string): Promise<string> {
    const content = aCompletePlan("2026-03-02");
    await database.db.execute(
      sql`insert into treatment_plans (participant_id, episode_id, site_id)
          select participant_id, id, site_id from episodes where participant_id = ${participantId}`,
    );
    await database.db.execute(
      sql`insert into treatment_plan_versions (plan_id, number, status, language, starts_on, content, content_sha256, signed_at)
          select id, 1, 'signed', 'en', '2026-02-02', ${JSON.stringify(content)}::jsonb, 'fixture', now()
          from treatment_plans where participant_id = ${participantId}`,
    );
    return content.problems[0]!.objectives[0]!.id;
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
    credentials.outsider = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Otto Outsider",
    });
    trackId = (
      await givenTrack(db, {
        siteId: site.id,
        name: "Evening relapse prevention",
        slots: [{ weekday: 1, start: "18:00", end: "19:30" }],
      })
    ).id;
    await db.insert(trackFacilitators).values({ trackId, userId: credentials.facilitator.id });
    await db.insert(trackExceptions).values([
      { trackId, occurrenceKey: CANCELLED, kind: "cancelled", reason: "Holiday" },
      {
        trackId,
        occurrenceKey: SUBSTITUTED,
        kind: "substitute",
        reason: "Fran on leave",
        facilitatorIds: [credentials.outsider.id],
      },
    ]);

    // Nobody's care team holds the facilitator: running the group is the relationship.
    const careTeam = [{ userId: credentials.director.id, role: "clinical_director" }];
    const admitted = { siteId: site.id, admittedOn: "2026-01-15", careTeam };
    p.ana = (await givenParticipant(db, { ...admitted, givenName: "Ana", familyName: "Alvarez" })).id;
    p.ben = (await givenParticipant(db, { ...admitted, givenName: "Ben", familyName: "Brooks" })).id;
    p.cara = (await givenParticipant(db, { ...admitted, givenName: "Cara", familyName: "Castillo" })).id;
    p.gil = (await givenParticipant(db, { ...admitted, givenName: "Gil", familyName: "Gomez" })).id;
    for (const id of [p.ana, p.ben, p.cara]) await enroll(id);
    objective.ana = await givenSignedPlan(p.ana);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe("before and around the session", () => {
    it("shows the roster of a session not yet begun but refuses to start its note", async () => {
      const response = await screen(NEXT_MONDAY);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        occurrenceKey: NEXT_MONDAY,
        sessionDate: "2026-03-16",
        startsAt: "2026-03-16T22:00:00.000Z",
        endsAt: "2026-03-16T23:30:00.000Z",
        ended: false,
        note: null,
        canEdit: false,
      });
      expect(body.roster.map((r: { name: string }) => r.name)).toEqual([
        "Ana Alvarez",
        "Ben Brooks",
        "Cara Castillo",
      ]);
      const refused = await saveShared(NEXT_MONDAY, null, "Not yet.");
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe("NOTE_SESSION_NOT_STARTED");
    });

    it("refuses a note for a cancelled session", async () => {
      const refused = await saveShared(CANCELLED, null, "Holiday.");
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe("NOTE_SESSION_CANCELLED");
    });

    it("lets the facilitator open a session whose participants are not on their care team, and no other counselor", async () => {
      const facilitator = await screen(MONDAY);
      expect(facilitator.statusCode).toBe(200);
      expect(facilitator.json().canEdit).toBe(true);
      expect(
        facilitator.json().roster.find((r: { participantId: string }) => r.participantId === p.ana),
      ).toMatchObject({
        hasSignedPlan: true,
        objectives: [{ objectiveId: objective.ana, problemTitle: "Alcohol use" }],
      });
      // The read is audited once per participant on the roster.
      const views = (await auditOf("clinical_note.group_view")).filter((e) => e.outcome === "allowed");
      expect(
        views
          .slice(-3)
          .map((e) => e.participant_id)
          .sort(),
      ).toEqual([p.ana, p.ben, p.cara].sort());

      const outsider = await screen(MONDAY, "outsider");
      expect(outsider.statusCode).toBe(403);
      const outsiderSave = await saveShared(MONDAY, null, "Should not be saved.", "outsider");
      expect(outsiderSave.statusCode).toBe(403);
      expect((await auditOf("clinical_note.group_save")).at(-1)?.outcome).toBe("denied");
    });

    it("hands a session with a substitute to the substitute, and lets site-wide clinical staff read any", async () => {
      expect((await screen(SUBSTITUTED, "outsider")).statusCode).toBe(200);
      expect((await screen(SUBSTITUTED, "facilitator")).statusCode).toBe(403);
      const director = await screen(SUBSTITUTED, "director");
      expect(director.statusCode).toBe(200);
      expect(director.json().roster).toHaveLength(3);
    });
  });

  describe("autosave under optimistic locking", () => {
    it("starts the draft once; a second start and a stale save are conflicts that name the revision", async () => {
      const started = await saveShared(MONDAY, null, "The group practised urge surfing.");
      expect(started.statusCode).toBe(200);
      expect(started.json()).toMatchObject({ revision: 1 });
      noteId = started.json().id;

      const again = await saveShared(MONDAY, null, "A second start from another window.");
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("NOTE_EDIT_CONFLICT");

      const saved = await saveShared(
        MONDAY,
        1,
        "The group practised urge surfing and shared a high-risk situation each.",
      );
      expect(saved.statusCode).toBe(200);
      expect(saved.json().revision).toBe(2);

      const stale = await saveShared(MONDAY, 1, "Typed in a window opened before.");
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({
        code: "NOTE_EDIT_CONFLICT",
        fields: [{ path: "revision" }],
      });
      expect(stale.json().error.message).toContain("You saved this in another window");

      const shown = (await screen(MONDAY)).json();
      expect(shown.note).toMatchObject({
        id: noteId,
        status: "draft",
        revision: 2,
        author: { name: "Fran Facilitator" },
      });
      expect(shown.note.shared.narrative).toContain("high-risk situation");
    });

    it("saves each entry under its own revision", async () => {
      const first = await saveEntry(noteId, p.ana, null, entry(template("Ana", "her")));
      expect(first.statusCode).toBe(200);
      expect(first.json().revision).toBe(1);
      const twice = await saveEntry(noteId, p.ana, null, entry("A second first entry."));
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe("NOTE_EDIT_CONFLICT");
      const second = await saveEntry(noteId, p.ana, 1, anaEntry());
      expect(second.json().revision).toBe(2);
      const stale = await saveEntry(noteId, p.ana, 1, entry("Stale."));
      expect(stale.statusCode).toBe(409);
      // Another participant's entry is independent of Ana's revision.
      const ben = await saveEntry(noteId, p.ben, null, entry(template("Ben", "his")));
      expect(ben.statusCode).toBe(200);
      const row = (await screen(MONDAY))
        .json()
        .roster.find((r: { participantId: string }) => r.participantId === p.ana);
      expect(row.entry).toMatchObject({
        revision: 2,
        content: { objectives: [{ objectiveId: objective.ana }] },
      });
    });

    it("refuses an objective outside the participant's current plan, naming the field", async () => {
      const response = await saveEntry(
        noteId,
        p.ben,
        1,
        entry("Ben talked about weekends.", {
          objectives: [{ objectiveId: objective.ana, progress: "no_change", comment: "" }],
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: "NOTE_OBJECTIVE_NOT_IN_PLAN",
        fields: [{ path: "content.objectives.0.objectiveId" }],
      });
      const unknown = await saveEntry(
        noteId,
        p.ana,
        2,
        entry("x", { objectives: [{ objectiveId: randomUUID(), progress: null, comment: "" }] }),
      );
      expect(unknown.json().error.code).toBe("NOTE_OBJECTIVE_NOT_IN_PLAN");
    });

    it("refuses an entry for someone not on the session's roster", async () => {
      const response = await saveEntry(noteId, p.gil, null, entry("Gil is in another track."));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: "NOTE_NOT_ON_ROSTER",
        fields: [{ path: "participantId" }],
      });
    });
  });

  describe("the cloned-entry check", () => {
    it("flags one template written for two people, and an entry copied from the participant's earlier note", async () => {
      const earlier = await saveShared(EARLIER, null, "Relapse prevention, week one.");
      expect(earlier.statusCode).toBe(200);
      // Last week's entry pasted into this week's note.
      const pasted = await saveEntry(earlier.json().id, p.ana, null, anaEntry());
      expect(pasted.statusCode).toBe(200);

      const response = await call("facilitator", "GET", `/group-notes/${noteId}/cloned-entries`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.threshold).toBe(0.8);
      const summary = body.findings.map((f: { participantId: string; kind: string; identical: boolean }) => [
        f.participantId,
        f.kind,
        f.identical,
      ]);
      // Ana's entry adds a comment on her objective to the template: near-identical to Ben's, and
      // identical to her own entry of last week. Cara has no entry yet; nothing about her is flagged.
      // Findings come in the order of the note's entries (by participant id), so compare as a set.
      expect(summary).toHaveLength(3);
      expect(summary).toEqual(
        expect.arrayContaining([
          [p.ana, "same_note", false],
          [p.ana, "own_previous", true],
          [p.ben, "same_note", false],
        ]),
      );
      const find = (participantId: string, kind: string) =>
        body.findings.find(
          (f: { participantId: string; kind: string }) =>
            f.participantId === participantId && f.kind === kind,
        );
      const sameNote = find(p.ana, "same_note");
      const previous = find(p.ana, "own_previous");
      expect(sameNote.otherParticipantId).toBe(p.ben);
      expect(sameNote.similarity).toBeGreaterThanOrEqual(0.8);
      expect(previous.noteId).toBe(earlier.json().id);
      // The check reads every entry of the note: audited once per participant with an entry.
      const checks = await auditOf("clinical_note.clone_check");
      expect(checks.map((e) => e.participant_id).sort()).toEqual([p.ana, p.ben].sort());
    });
  });

  describe("signing", () => {
    it("refuses to sign while anything is missing, naming each part", async () => {
      await mark(p.ana, MONDAY, "present");
      await mark(p.ben, MONDAY, "present");
      await mark(p.cara, MONDAY, "present");
      const revision = (await screen(MONDAY)).json().note.revision;
      const response = await call("facilitator", "POST", `/group-notes/${noteId}/sign`, {
        revision,
        password: TEST_PASSWORD,
      });
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe("NOTE_INCOMPLETE");
      // The session is still on, and Cara was there with no entry.
      expect(error.fields.map((f: { path: string }) => f.path)).toEqual([
        "session",
        `entries.${p.cara}.contribution`,
      ]);
      expect(error.fields[1].message).toContain("Cara Castillo attended");
    });

    it("signs once everything is there, then locks the shared part and every entry", async () => {
      clock.advanceMinutes(90);
      // A staff session idles out after 15 minutes: sign in again.
      sessions.clear();
      const cara = await saveEntry(
        noteId,
        p.cara,
        null,
        entry(
          "Cara described loneliness after work as her trigger and planned a call to a peer each evening.",
        ),
      );
      expect(cara.statusCode).toBe(200);
      const before = (await screen(MONDAY)).json();
      expect(before.ended).toBe(true);
      const wrong = await call("facilitator", "POST", `/group-notes/${noteId}/sign`, {
        revision: before.note.revision,
        password: "not the password",
      });
      expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
      expect((await screen(MONDAY)).json().note.status).toBe("draft");

      const signed = await call("facilitator", "POST", `/group-notes/${noteId}/sign`, {
        revision: before.note.revision,
        password: TEST_PASSWORD,
      });
      expect(signed.statusCode).toBe(200);
      const body = signed.json();
      expect(body.note).toMatchObject({
        status: "signed",
        lateEntry: false,
        author: { name: "Fran Facilitator" },
      });
      expect(body.note.signatures).toEqual([
        expect.objectContaining({
          role: "author",
          method: "password",
          signer: expect.objectContaining({ name: "Fran Facilitator" }),
        }),
      ]);
      expect(body.canEdit).toBe(false);
      // One audit event per participant the note concerns.
      const signs = (await auditOf("clinical_note.sign")).filter((e) => e.outcome === "allowed");
      expect(signs.map((e) => e.participant_id).sort()).toEqual([p.ana, p.ben, p.cara].sort());

      const shared = await saveShared(MONDAY, body.note.revision, "A change after signing.");
      expect(shared.statusCode).toBe(409);
      expect(shared.json().error.code).toBe("NOTE_LOCKED");
      const anaEntry = body.roster.find((r: { participantId: string }) => r.participantId === p.ana).entry;
      const edited = await saveEntry(noteId, p.ana, anaEntry.revision, entry("A change after signing."));
      expect(edited.statusCode).toBe(409);
      expect(edited.json().error.code).toBe("NOTE_LOCKED");
      const again = await call("facilitator", "POST", `/group-notes/${noteId}/sign`, {
        revision: body.note.revision,
        password: TEST_PASSWORD,
      });
      expect(again.json().error.code).toBe("NOTE_LOCKED");
    });
  });

  describe("the chart's privacy rule", () => {
    it("shows each participant the shared part and their own entry only: no other name, entry or addendum", async () => {
      // An addendum on the shared part reaches every chart; one on Ben's entry reaches his only.
      await database.db.insert(clinicalNoteAddenda).values([
        {
          noteId,
          entryParticipantId: null,
          reason: "Later information",
          body: "The handout was sent by email after the group.",
          authorId: credentials.facilitator.id,
          method: "password",
          contentSha256: "fixture",
          createdAt: clock.now(),
        },
        {
          noteId,
          entryParticipantId: p.ben,
          reason: "Correction",
          body: "Ben Brooks left ten minutes early to catch a bus.",
          authorId: credentials.facilitator.id,
          method: "password",
          contentSha256: "fixture",
          createdAt: clock.now(),
        },
      ]);
      const people = {
        [p.ana]: ["Ana", "Alvarez"],
        [p.ben]: ["Ben", "Brooks"],
        [p.cara]: ["Cara", "Castillo"],
      };
      for (const [me, mine] of Object.entries(people)) {
        const response = await call("director", "GET", `/participants/${me}/notes`);
        expect(response.statusCode).toBe(200);
        const page = response.json();
        // The earlier session's note is a draft: not part of the chart.
        expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
        const [note] = page.items;
        expect(note).toMatchObject({
          id: noteId,
          kind: "group",
          status: "signed",
          title: "Evening relapse prevention",
        });
        expect(note.shared.narrative).toContain("high-risk situation");
        expect(note.entry.contribution).toContain(mine[0]);
        expect(note.addenda.map((a: { entryParticipantId: string | null }) => a.entryParticipantId)).toEqual(
          me === p.ben ? [null, p.ben] : [null],
        );
        const json = response.body;
        for (const [other, names] of Object.entries(people)) {
          if (other === me) continue;
          expect(json).not.toContain(other);
          for (const name of names) expect(json).not.toContain(name);
        }
        const one = await call("director", "GET", `/participants/${me}/notes/${noteId}`);
        expect(one.statusCode).toBe(200);
        expect(one.json()).toEqual(note);
      }
      const anaObjectives = (await call("director", "GET", `/participants/${p.ana}/notes`)).json().items[0]
        .objectives;
      expect(anaObjectives).toEqual([
        {
          objectiveId: objective.ana,
          statement: "Identify three triggers and a coping response for each",
          problemTitle: "Alcohol use",
        },
      ]);
    });

    it("lists no note to someone without an entry, filters by kind, and answers not found for a draft", async () => {
      const gil = await call("director", "GET", `/participants/${p.gil}/notes`);
      expect(gil.json()).toMatchObject({ items: [], total: 0 });
      const individualOnly = await call("director", "GET", `/participants/${p.ana}/notes?kind=individual`);
      expect(individualOnly.json().total).toBe(0);
      const earlier = (await screen(EARLIER)).json().note.id;
      const draft = await call("director", "GET", `/participants/${p.ana}/notes/${earlier}`);
      expect(draft.statusCode).toBe(404);
      const other = await call("director", "GET", `/participants/${p.gil}/notes/${noteId}`);
      expect(other.statusCode).toBe(404);
      // Each chart read is audited against the participant.
      expect((await auditOf("clinical_note.chart_list")).some((e) => e.participant_id === p.gil)).toBe(true);
    });
  });
});

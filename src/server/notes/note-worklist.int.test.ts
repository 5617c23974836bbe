import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { EMPTY_GROUP_ENTRY, EMPTY_GROUP_SHARED, EMPTY_SESSION_NOTE } from "../../core/notes/note.schema";
import { DEFAULT_NOTES_SETTINGS } from "../../core/notes/notes-settings.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { groupNoteEntries, trackEnrollments, trackExceptions, trackFacilitators } from "../db/schema";
import { insertNote } from "./notes.sql";

/**
 * The notes worklist, the note settings and the unsigned-note alerts, on a Monday-evening group in New
 * York across the autumn DST change (2026-11-01): sessions 18:00–21:00 local end at 01:00 UTC (EDT)
 * and then 02:00 UTC (EST) the next day.
 */

describeEachEngine("clinical notes worklist, settings and unsigned-note alerts", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-11-04T14:00:00Z");
  const ids: Record<string, string> = {};
  const accounts: Record<string, { email: string; password: string }> = {};
  // A fresh session at each call: the tests move the clock by days, past a session's lifetime.
  async function as(who: string) {
    const { cookie } = await signIn(app, accounts[who]!.email, accounts[who]!.password);
    return { ...appHeaders, cookie };
  }

  async function worklist(who: string, scope = "mine") {
    const response = await app.inject({
      method: "GET",
      url: `/api/v1/notes/worklist?scope=${scope}`,
      headers: await as(who),
    });
    return response;
  }

  const episodeOf = async (participantId: string) =>
    (
      await queryRows<{ id: string }>(
        database.db,
        sql`select id from episodes where participant_id = ${participantId}`,
      )
    )[0]!.id;

  const alertsOf = (participantId: string) =>
    queryRows<{ state: string; evidence_kind: string; evidence_id: string; recipients: string[] }>(
      database.db,
      sql`select a.state, a.evidence_kind, a.evidence_id,
            coalesce((select array_agg(r.user_id order by r.user_id) from alert_recipients r where r.alert_id = a.id), '{}') as recipients
          from alerts a where a.participant_id = ${participantId} and a.kind = 'clinical_note_unsigned'
          order by a.created_at`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Notes Worklist Site");
    for (const [name, role] of [
      ["counselor", "counselor"],
      ["colleague", "counselor"],
      ["substitute", "counselor"],
      ["director", "clinical_director"],
      ["admin", "administrator"],
    ] as const) {
      const user = await givenUser(database.db, {
        roles: [role],
        siteNames: [site.name],
        displayName: `Notes ${name}`,
      });
      ids[name] = user.id;
      accounts[name] = user;
    }
    const track = await givenTrack(database.db, {
      siteId: site.id,
      name: "Evening IOP",
      startsOn: "2026-09-07",
      slots: [{ weekday: 1, start: "18:00", end: "21:00" }],
    });
    ids.track = track.id;
    await database.db.insert(trackFacilitators).values({ trackId: track.id, userId: ids.counselor! });
    // 19 October: a substitute ran it (ended 20 Oct 01:00 UTC, outside 14 days anyway);
    // 26 October: cancelled for a holiday.
    await database.db.insert(trackExceptions).values([
      {
        trackId: track.id,
        occurrenceKey: "2026-10-26T18:00",
        kind: "cancelled",
        reason: "Holiday",
      },
    ]);
    // The participant's care team is the colleague alone: the counselor facilitates the group only.
    ids.pat = (
      await givenParticipant(database.db, {
        siteId: site.id,
        givenName: "Pat",
        familyName: "Notes",
        careTeam: [{ userId: ids.colleague!, role: "primary_counselor" }],
      })
    ).id;
    ids.sam = (
      await givenParticipant(database.db, {
        siteId: site.id,
        givenName: "Sam",
        familyName: "Notes",
        careTeam: [{ userId: ids.colleague!, role: "primary_counselor" }],
      })
    ).id;

    // Both are placed in the group from its first week.
    for (const participantId of [ids.pat, ids.sam]) {
      await database.db.insert(trackEnrollments).values({
        trackId: track.id,
        participantId,
        episodeId: await episodeOf(participantId),
        joinedOn: "2026-09-07",
      });
    }

    // The 2 November session (EST): 23:00 UTC to 02:00 UTC on the 3rd. Its note is a draft.
    const group = await insertNote(database.db, {
      kind: "group",
      siteId: site.id,
      trackId: track.id,
      occurrenceKey: "2026-11-02T18:00",
      sessionDate: "2026-11-02",
      startsAt: new Date("2026-11-02T23:00:00Z"),
      endsAt: new Date("2026-11-03T02:00:00Z"),
      content: EMPTY_GROUP_SHARED,
      authorId: ids.counselor!,
    });
    ids.groupNote = group!.id;
    await database.db.insert(groupNoteEntries).values([
      {
        noteId: group!.id,
        participantId: ids.pat,
        episodeId: await episodeOf(ids.pat),
        content: EMPTY_GROUP_ENTRY,
      },
      {
        noteId: group!.id,
        participantId: ids.sam,
        episodeId: await episodeOf(ids.sam),
        content: EMPTY_GROUP_ENTRY,
      },
    ]);
    // An individual session this morning: unsigned but not overdue.
    const individual = await insertNote(database.db, {
      kind: "individual",
      format: "DAP",
      siteId: site.id,
      participantId: ids.pat,
      episodeId: await episodeOf(ids.pat),
      sessionDate: "2026-11-04",
      startsAt: new Date("2026-11-04T11:00:00Z"),
      endsAt: new Date("2026-11-04T12:00:00Z"),
      content: EMPTY_SESSION_NOTE,
      authorId: ids.counselor!,
    });
    ids.individualNote = individual!.id;
    // The colleague (a supervisee) signed a family note on 1 November; it waits for the director.
    const family = await insertNote(database.db, {
      kind: "family",
      format: "BIRP",
      siteId: site.id,
      participantId: ids.sam,
      episodeId: await episodeOf(ids.sam),
      sessionDate: "2026-11-01",
      startsAt: new Date("2026-11-01T14:00:00Z"),
      endsAt: new Date("2026-11-01T15:00:00Z"),
      content: EMPTY_SESSION_NOTE,
      authorId: ids.colleague!,
      cosignerUserId: ids.director!,
      status: "awaiting_cosign",
      contentSha256: "0".repeat(64),
      signedAt: new Date("2026-11-01T16:00:00Z"),
    });
    ids.familyNote = family!.id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists my unsigned notes with their overdue state, and my facilitated sessions without a note", async () => {
    current = new Date("2026-11-04T14:00:00Z");
    const response = await worklist("counselor");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(
      body.unsigned.map((r: { id: string; overdue: boolean; hoursSinceSession: number; title: string }) => [
        r.id,
        r.title,
        r.overdue,
        r.hoursSinceSession,
      ]),
    ).toEqual([
      [ids.groupNote, "Evening IOP", false, 36],
      [ids.individualNote, "Pat Notes", false, 2],
    ]);
    // Signed now, the group note (36 hours after its session) would be a late entry (24 hours).
    expect(body.unsigned.map((r: { lateEntry: boolean }) => r.lateEntry)).toEqual([true, false]);
    expect(body.awaitingMyCosign).toEqual([]);
    // 26 October was cancelled, 2 November has its note; 19 October (EDT, ended 20 Oct 01:00 UTC) is
    // more than 14 days ago. Nothing is missing yet.
    expect(body.missingGroupNotes).toEqual([]);

    // A week later the 9 November session (ended 10 Nov 02:00 UTC) has no note; the draft is overdue.
    current = new Date("2026-11-11T14:00:00Z");
    const later = (await worklist("counselor")).json();
    expect(later.missingGroupNotes).toEqual([
      {
        trackId: ids.track,
        trackName: "Evening IOP",
        occurrenceKey: "2026-11-09T18:00",
        sessionDate: "2026-11-09",
        endsAt: "2026-11-10T02:00:00.000Z",
      },
    ]);
    expect(
      later.unsigned.map((r: { id: string; overdue: boolean; lateEntry: boolean }) => [
        r.id,
        r.overdue,
        r.lateEntry,
      ]),
    ).toEqual([
      [ids.groupNote, true, true],
      [ids.individualNote, true, true],
    ]);
  });

  it("gives a substituted session to the substitute, not to the standing facilitator", async () => {
    await database.db.insert(trackExceptions).values({
      trackId: ids.track!,
      occurrenceKey: "2026-11-16T18:00",
      kind: "substitute",
      reason: "Cover",
      facilitatorIds: [ids.substitute!],
    });
    current = new Date("2026-11-17T14:00:00Z");
    const mine = (await worklist("counselor")).json();
    expect(mine.missingGroupNotes.map((m: { occurrenceKey: string }) => m.occurrenceKey)).toEqual([
      "2026-11-09T18:00",
    ]);
    const theirs = (await worklist("substitute")).json();
    expect(theirs.missingGroupNotes.map((m: { occurrenceKey: string }) => m.occurrenceKey)).toEqual([
      "2026-11-16T18:00",
    ]);
  });

  it("shows the supervisor what awaits their co-signature, and the site's unsigned notes only to supervisors", async () => {
    current = new Date("2026-11-04T14:00:00Z");
    const director = (await worklist("director")).json();
    expect(
      director.awaitingMyCosign.map((r: { id: string; status: string; author: { name: string } }) => [
        r.id,
        r.status,
        r.author.name,
      ]),
    ).toEqual([[ids.familyNote, "awaiting_cosign", "Notes colleague"]]);
    expect(director.awaitingMyCosign[0].overdue).toBe(true);
    expect(director.unsigned).toEqual([]);

    const site = (await worklist("director", "site")).json();
    expect(site.unsigned.map((r: { id: string }) => r.id)).toEqual([
      ids.familyNote,
      ids.groupNote,
      ids.individualNote,
    ]);

    const refused = await worklist("counselor", "site");
    expect(refused.statusCode).toBe(403);
    const invalid = await worklist("counselor", "everyone");
    expect(invalid.statusCode).toBe(400);
  });

  it("audits each worklist view", async () => {
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'clinical_note.worklist_view' and actor_user_id = ${ids.counselor}`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it("reads the note settings for clinicians and lets only administrators change them, naming each bad field", async () => {
    const read = await app.inject({
      method: "GET",
      url: "/api/v1/settings/notes",
      headers: await as("counselor"),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(DEFAULT_NOTES_SETTINGS);

    const changed = { ...DEFAULT_NOTES_SETTINGS, unsignedAlertHours: 24, defaultFormat: "SOAP" };
    const refused = await app.inject({
      method: "PUT",
      url: "/api/v1/settings/notes",
      headers: await as("counselor"),
      payload: changed,
    });
    expect(refused.statusCode).toBe(403);

    const bad = await app.inject({
      method: "PUT",
      url: "/api/v1/settings/notes",
      headers: await as("admin"),
      payload: { ...changed, unsignedAlertHours: 2, cloneThreshold: 1.5 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = JSON.stringify(bad.json());
    expect(paths).toContain("unsignedAlertHours");
    expect(paths).toContain("cloneThreshold");

    const saved = await app.inject({
      method: "PUT",
      url: "/api/v1/settings/notes",
      headers: await as("admin"),
      payload: changed,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(changed);
    // Back to the defaults for the alert test below.
    await app.inject({
      method: "PUT",
      url: "/api/v1/settings/notes",
      headers: await as("admin"),
      payload: DEFAULT_NOTES_SETTINGS,
    });
  });

  it("raises one alert per overdue note and participant for its author, and resolves it once the note is signed", async () => {
    // 4 November 14:00 UTC: the group note (36 h) is not yet overdue; the family note (71 h) is.
    current = new Date("2026-11-04T14:00:00Z");
    expect(await app.noteAlerts.sweepNoteAlerts(current)).toEqual({ raised: 1, resolved: 0 });
    expect(await alertsOf(ids.sam!)).toEqual([
      {
        state: "open",
        evidence_kind: "clinical_note",
        evidence_id: ids.familyNote,
        recipients: [ids.colleague, ids.director].sort(),
      },
    ]);

    // 5 November 03:00 UTC: 49 hours after the group session. One alert per participant, for the
    // counselor who wrote it although they are on neither care team; nothing raised twice.
    current = new Date("2026-11-05T03:00:00Z");
    expect(await app.noteAlerts.sweepNoteAlerts(current)).toEqual({ raised: 2, resolved: 0 });
    expect(await app.noteAlerts.sweepNoteAlerts(current)).toEqual({ raised: 0, resolved: 0 });
    const pats = await alertsOf(ids.pat!);
    expect(pats).toEqual([
      {
        state: "open",
        evidence_kind: "clinical_note",
        evidence_id: ids.groupNote,
        recipients: [ids.counselor],
      },
    ]);

    // The author sees it in their inbox (as a recipient, outside the care team).
    const inbox = await app.inject({
      method: "GET",
      url: "/api/v1/alerts?scope=mine&kind=clinical_note_unsigned",
      headers: await as("counselor"),
    });
    expect(inbox.statusCode).toBe(200);
    expect(
      inbox
        .json()
        .alerts.map((a: { participant: { id: string }; evidence: { link: string } }) => [
          a.participant.id,
          a.evidence.link,
        ]),
    ).toEqual(
      expect.arrayContaining([
        [ids.pat, "/staff/notes"],
        [ids.sam, "/staff/notes"],
      ]),
    );
    // The primary counselor of the participants is not bothered with it.
    const colleagueInbox = await app.inject({
      method: "GET",
      url: "/api/v1/alerts?scope=mine&kind=clinical_note_unsigned",
      headers: await as("colleague"),
    });
    expect(colleagueInbox.json().alerts.map((a: { evidence: { id: string } }) => a.evidence.id)).toEqual([
      ids.familyNote,
    ]);

    // The group note is signed: its alerts resolve at the next sweep and are not raised again.
    await database.db.execute(
      sql`update clinical_notes set status = 'signed', content_sha256 = ${"1".repeat(64)},
            signed_at = ${new Date("2026-11-05T04:00:00Z")}, revision = revision + 1
          where id = ${ids.groupNote}`,
    );
    current = new Date("2026-11-05T05:00:00Z");
    expect(await app.noteAlerts.sweepNoteAlerts(current)).toEqual({ raised: 0, resolved: 2 });
    expect(await app.noteAlerts.sweepNoteAlerts(current)).toEqual({ raised: 0, resolved: 0 });
    expect((await alertsOf(ids.pat!)).map((a) => a.state)).toEqual(["resolved"]);
    expect((await alertsOf(ids.sam!)).map((a) => [a.evidence_id, a.state])).toEqual([
      [ids.familyNote, "open"],
      [ids.groupNote, "resolved"],
    ]);
  });
});

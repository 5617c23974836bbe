import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  givenParticipant,
  givenSite,
  givenTrack,
  givenUser,
  TEST_PASSWORD,
} from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { EMPTY_GROUP_ENTRY, EMPTY_SESSION_NOTE } from "../../core/notes/note.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { clinicalNotes, groupNoteEntries, users } from "../db/schema";
import { insertNote, insertSignature } from "./notes.sql";

/**
 * Co-signing and addenda through the routes: only the supervisor a note names (holding notes.cosign)
 * co-signs, with their password again; a draft takes no addendum; a group note's addendum may concern
 * one participant's entry; nothing of the signed note changes.
 */

const HASH = "a".repeat(64);

describeEachEngine("clinical note co-signing and addenda", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const current = new Date("2026-11-04T15:00:00Z");
  const ids: Record<string, string> = {};
  const accounts: Record<string, { email: string; password: string }> = {};
  let siteId = "";

  async function as(who: string) {
    const { cookie } = await signIn(app, accounts[who]!.email, accounts[who]!.password);
    return { ...appHeaders, cookie };
  }

  const post = async (who: string, url: string, payload: Record<string, unknown>) =>
    app.inject({ method: "POST", url: `/api/v1${url}`, headers: await as(who), payload });

  const episodeOf = async (participantId: string) =>
    (
      await queryRows<{ id: string }>(
        database.db,
        sql`select id from episodes where participant_id = ${participantId}`,
      )
    )[0]!.id;

  /** A note its supervisee author signed on 3 November, waiting for the director. */
  async function awaitingNote(): Promise<string> {
    const note = await insertNote(database.db, {
      kind: "individual",
      format: "DAP",
      siteId,
      participantId: ids.pat!,
      episodeId: await episodeOf(ids.pat!),
      sessionDate: "2026-11-03",
      startsAt: new Date("2026-11-03T14:00:00Z"),
      endsAt: new Date("2026-11-03T15:00:00Z"),
      content: { ...EMPTY_SESSION_NOTE, sections: { data: "Seen.", assessment: "Stable.", plan: "Weekly." } },
      authorId: ids.supervisee!,
      cosignerUserId: ids.director!,
      status: "awaiting_cosign",
      contentSha256: HASH,
      signedAt: new Date("2026-11-03T16:00:00Z"),
    });
    await insertSignature(database.db, {
      noteId: note!.id,
      role: "author",
      signerUserId: ids.supervisee!,
      method: "password",
      contentSha256: HASH,
      signedAt: new Date("2026-11-03T16:00:00Z"),
    });
    return note!.id;
  }

  const noteRow = async (id: string) =>
    (await database.db.select().from(clinicalNotes).where(eq(clinicalNotes.id, id)))[0]!;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Notes Lifecycle Site");
    siteId = site.id;
    for (const [name, role] of [
      ["supervisee", "counselor"],
      ["counselor", "counselor"],
      ["director", "clinical_director"],
      ["otherDirector", "clinical_director"],
    ] as const) {
      const user = await givenUser(database.db, {
        roles: [role],
        siteNames: [site.name],
        displayName: `Lifecycle ${name}`,
      });
      ids[name] = user.id;
      accounts[name] = user;
    }
    await database.db.update(users).set({ requiresCosign: true }).where(eq(users.id, ids.supervisee!));
    const careTeam = [
      { userId: ids.supervisee!, role: "primary_counselor" },
      { userId: ids.counselor!, role: "counselor" },
    ];
    ids.pat = (await givenParticipant(database.db, { siteId, givenName: "Pat", careTeam })).id;
    ids.sam = (await givenParticipant(database.db, { siteId, givenName: "Sam", careTeam })).id;
    // Nobody else's care team: the counselor may not write in this chart.
    ids.kim = (
      await givenParticipant(database.db, {
        siteId,
        givenName: "Kim",
        careTeam: [{ userId: ids.supervisee!, role: "primary_counselor" }],
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lets only the named supervisor co-sign, with their password, and signs the note", async () => {
    const noteId = await awaitingNote();
    // A counselor has no notes.cosign: refused at the door.
    expect(
      (await post("counselor", `/clinical-notes/${noteId}/cosign`, { password: TEST_PASSWORD })).statusCode,
    ).toBe(403);
    // Another supervisor holds notes.cosign but is not the one named.
    const other = await post("otherDirector", `/clinical-notes/${noteId}/cosign`, {
      password: TEST_PASSWORD,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("NOTE_NOT_COSIGNER");
    // The named supervisor with a wrong password: refused on the password field, nothing signed.
    const wrong = await post("director", `/clinical-notes/${noteId}/cosign`, { password: "not my password" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("IDENTITY_WRONG_PASSWORD");
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ path: "password" })]);
    expect((await noteRow(noteId)).status).toBe("awaiting_cosign");
    // Neither proof, or both: a field error, not a 500.
    const neither = await post("director", `/clinical-notes/${noteId}/cosign`, {});
    expect(neither.statusCode).toBe(400);

    const done = await post("director", `/clinical-notes/${noteId}/cosign`, { password: TEST_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ status: "signed", cosignedAt: current.toISOString() });
    const row = await noteRow(noteId);
    expect(row.status).toBe("signed");
    expect(row.contentSha256).toBe(HASH);
    const signatures = await queryRows<{ role: string; signer_user_id: string; content_sha256: string }>(
      database.db,
      sql`select role, signer_user_id, content_sha256 from clinical_note_signatures where note_id = ${noteId} order by role`,
    );
    expect(signatures).toEqual([
      { role: "author", signer_user_id: ids.supervisee, content_sha256: HASH },
      { role: "supervisor", signer_user_id: ids.director, content_sha256: HASH },
    ]);
    const audits = await queryRows<{ participant_id: string; outcome: string }>(
      database.db,
      sql`select participant_id, outcome from audit_events
          where action = 'clinical_note.cosign' and resource_id = ${noteId} order by seq`,
    );
    expect(audits.map((a) => a.outcome)).toContain("denied");
    expect(audits.at(-1)).toEqual({ participant_id: ids.pat, outcome: "allowed" });

    // Once signed, there is nothing left to co-sign.
    const again = await post("director", `/clinical-notes/${noteId}/cosign`, { password: TEST_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("NOTE_NOT_AWAITING_COSIGN");
  });

  it("resolves the note's unsigned-note alert when the co-signature signs it", async () => {
    const noteId = await awaitingNote();
    await app.noteAlerts.sweepNoteAlerts(new Date("2026-11-06T15:00:00Z"));
    const open = () =>
      queryRows<{ state: string }>(
        database.db,
        sql`select state from alerts where kind = 'clinical_note_unsigned' and evidence_id = ${noteId}`,
      );
    expect(await open()).toEqual([{ state: "open" }]);
    expect(
      (await post("director", `/clinical-notes/${noteId}/cosign`, { password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
    expect(await open()).toEqual([{ state: "resolved" }]);
  });

  it("refuses an addendum on a draft, and adds one to a signed note without changing the note", async () => {
    const draft = await insertNote(database.db, {
      kind: "individual",
      format: "DAP",
      siteId,
      participantId: ids.pat!,
      episodeId: await episodeOf(ids.pat!),
      sessionDate: "2026-11-04",
      startsAt: new Date("2026-11-04T12:00:00Z"),
      endsAt: new Date("2026-11-04T13:00:00Z"),
      content: EMPTY_SESSION_NOTE,
      authorId: ids.counselor!,
    });
    const refused = await post("counselor", `/clinical-notes/${draft!.id}/addenda`, {
      reason: "Correction",
      body: "The session ran 10 minutes longer.",
      password: TEST_PASSWORD,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("NOTE_NOT_SIGNED");

    const noteId = await awaitingNote();
    await post("director", `/clinical-notes/${noteId}/cosign`, { password: TEST_PASSWORD });
    const before = await noteRow(noteId);

    const invalid = await post("counselor", `/clinical-notes/${noteId}/addenda`, {
      reason: "",
      body: "",
      password: TEST_PASSWORD,
    });
    expect(invalid.statusCode).toBe(400);
    const paths = (invalid.json().error.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["reason", "body"]));

    const added = await post("counselor", `/clinical-notes/${noteId}/addenda`, {
      reason: "Later information",
      body: "  The participant called to confirm the referral.  ",
      password: TEST_PASSWORD,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      reason: "Later information",
      body: "The participant called to confirm the referral.",
      author: { id: ids.counselor, name: "Lifecycle counselor" },
      createdAt: current.toISOString(),
      entryParticipantId: null,
    });
    const after = await noteRow(noteId);
    expect(after.content).toEqual(before.content);
    expect(after.contentSha256).toBe(before.contentSha256);
    expect(after.revision).toBe(before.revision);
    expect(after.status).toBe("signed");
  });

  it("adds a group note's addendum to one participant's entry, on the participants the writer may write for", async () => {
    const track = await givenTrack(database.db, {
      siteId,
      slots: [{ weekday: 2, start: "10:00", end: "12:00" }],
    });
    const note = await insertNote(database.db, {
      kind: "group",
      siteId,
      trackId: track.id,
      occurrenceKey: "2026-11-03T10:00",
      sessionDate: "2026-11-03",
      startsAt: new Date("2026-11-03T15:00:00Z"),
      endsAt: new Date("2026-11-03T17:00:00Z"),
      content: { moduleKey: null, moduleVersion: null, topic: "Urge surfing", narrative: "Practised." },
      authorId: ids.counselor!,
      status: "signed",
      contentSha256: HASH,
      signedAt: new Date("2026-11-03T18:00:00Z"),
    });
    for (const participantId of [ids.pat!, ids.sam!, ids.kim!]) {
      await database.db.insert(groupNoteEntries).values({
        noteId: note!.id,
        participantId,
        episodeId: await episodeOf(participantId),
        content: { ...EMPTY_GROUP_ENTRY, participation: "active", contribution: "Took part." },
      });
    }
    const url = `/clinical-notes/${note!.id}/addenda`;
    const onSam = await post("counselor", url, {
      reason: "Correction",
      body: "Sam left ten minutes early.",
      entryParticipantId: ids.sam,
      password: TEST_PASSWORD,
    });
    expect(onSam.statusCode).toBe(201);
    expect(onSam.json().entryParticipantId).toBe(ids.sam);
    const audits = await queryRows<{ participant_id: string }>(
      database.db,
      sql`select participant_id from audit_events
          where action = 'clinical_note.addendum' and resource_id = ${note!.id} and outcome = 'allowed'`,
    );
    expect(audits).toEqual([{ participant_id: ids.sam }]);

    // Not on the roster: a field error.
    const stranger = await post("counselor", url, {
      reason: "Correction",
      body: "Wrong person.",
      entryParticipantId: ids.otherDirector,
      password: TEST_PASSWORD,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields).toEqual([expect.objectContaining({ path: "entryParticipantId" })]);

    // Kim is outside the counselor's caseload: no addendum on Kim's entry.
    const kims = await post("counselor", url, {
      reason: "Correction",
      body: "Kim arrived late.",
      entryParticipantId: ids.kim,
      password: TEST_PASSWORD,
    });
    expect(kims.statusCode).toBe(403);

    const entries = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from clinical_note_addenda where note_id = ${note!.id}`,
    );
    expect(entries[0]!.n).toBe(1);
    expect((await noteRow(note!.id)).contentSha256).toBe(HASH);
  });
});

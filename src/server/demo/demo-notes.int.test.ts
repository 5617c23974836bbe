import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { entryTextsForCloneCheck } from "../../core/demo/note-stories";
import { findClonedEntries } from "../../core/notes/entry-similarity.rules";
import { canonicalJson, groupNoteSignedContent, sessionNoteSignedContent } from "../../core/notes/note.rules";
import {
  type GroupEntryContent,
  type GroupSharedContent,
  groupEntryContentSchema,
  groupSharedContentSchema,
  type NoteFormat,
  type SessionNoteContent,
  sessionNoteContentSchema,
} from "../../core/notes/note.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { type DemoSummary, generateDemo } from "./demo.service";

const NOW = new Date("2026-11-23T15:00:00Z");
/** Generating the clinic scale takes tens of seconds on a loaded machine. */
const CLINIC_TIMEOUT = 180_000;

const sha256 = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

describeEachEngine("demo clinical notes", (engine) => {
  let database: DatabaseHandle;
  let summary: DemoSummary;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    summary = await generateDemo(database, { seed: 1, scale: "clinic", now: NOW });
  }, CLINIC_TIMEOUT);
  afterAll(async () => {
    await database.close();
  });

  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

  it("writes a group note for every past group session with someone present, and a note for every attended appointment", async () => {
    const [facts] = await rows<{
      sessions: number;
      group_notes: number;
      missing: number;
      appointments: number;
      session_notes: number;
      future: number;
    }>(
      sql`select
            (select count(*)::int from (select distinct m.track_id, m.occurrence_key from attendance_marks m
               where m.status in ('present', 'late', 'left_early')) s) as sessions,
            (select count(*)::int from clinical_notes where kind = 'group') as group_notes,
            (select count(*)::int from (select distinct m.track_id, m.occurrence_key from attendance_marks m
               where m.status in ('present', 'late', 'left_early')) s
               where not exists (select 1 from clinical_notes n where n.kind = 'group'
                 and n.track_id = s.track_id and n.occurrence_key = s.occurrence_key)) as missing,
            (select count(*)::int from appointments where status = 'scheduled'
               and attendance_status in ('present', 'late', 'left_early')
               and ends_at <= ${NOW.toISOString()}::timestamptz) as appointments,
            (select count(*)::int from clinical_notes where kind in ('individual', 'family')) as session_notes,
            (select count(*)::int from clinical_notes where ends_at > ${NOW.toISOString()}::timestamptz
               or signed_at > ${NOW.toISOString()}::timestamptz or cosigned_at > ${NOW.toISOString()}::timestamptz) as future`,
    );
    expect(facts!.sessions).toBeGreaterThan(300);
    expect(facts).toMatchObject({
      group_notes: facts!.sessions,
      missing: 0,
      session_notes: facts!.appointments,
      future: 0,
    });
    expect(summary).toMatchObject({
      groupNotes: facts!.group_notes,
      sessionNotes: facts!.session_notes,
    });
  });

  it("keeps each group entry to a participant marked present in that session (privacy), with a note's session times", async () => {
    const [facts] = await rows<{ entries: number; not_present: number; wrong_times: number }>(
      sql`select count(*)::int as entries,
            count(*) filter (where not exists (select 1 from attendance_marks m
              where m.track_id = n.track_id and m.occurrence_key = n.occurrence_key
                and m.participant_id = e.participant_id and m.status in ('present', 'late', 'left_early')))::int as not_present,
            count(*) filter (where n.session_date <> left(n.occurrence_key, 10)::date)::int as wrong_times
          from group_note_entries e join clinical_notes n on n.id = e.note_id`,
    );
    expect(facts!.entries).toBe(summary.groupNoteEntries);
    expect(facts).toMatchObject({ not_present: 0, wrong_times: 0 });
  });

  it("hashes what each author signed exactly as the server does, and the co-signature covers the same content", async () => {
    const notes = await rows<{
      id: string;
      kind: string;
      format: NoteFormat | null;
      content: unknown;
      content_sha256: string;
      author_hash: string;
      supervisor_hash: string | null;
      status: string;
    }>(
      sql`select n.id, n.kind, n.format, n.content, n.content_sha256, n.status,
            (select s.content_sha256 from clinical_note_signatures s where s.note_id = n.id and s.role = 'author') as author_hash,
            (select s.content_sha256 from clinical_note_signatures s where s.note_id = n.id and s.role = 'supervisor') as supervisor_hash
          from clinical_notes n where n.status <> 'draft'`,
    );
    const entries = await rows<{ note_id: string; participant_id: string; content: GroupEntryContent }>(
      sql`select note_id, participant_id, content from group_note_entries`,
    );
    const byNote = new Map<string, { participantId: string; content: GroupEntryContent }[]>();
    for (const e of entries) {
      expect(groupEntryContentSchema.safeParse(e.content).success).toBe(true);
      byNote.set(e.note_id, [
        ...(byNote.get(e.note_id) ?? []),
        { participantId: e.participant_id, content: e.content },
      ]);
    }
    let wrong = 0;
    for (const n of notes) {
      const expected =
        n.kind === "group"
          ? sha256(groupNoteSignedContent(groupSharedContentSchema.parse(n.content), byNote.get(n.id) ?? []))
          : sha256(
              sessionNoteSignedContent(
                n.format!,
                sessionNoteContentSchema.parse(n.content) as SessionNoteContent,
              ),
            );
      if (n.content_sha256 !== expected || n.author_hash !== expected) wrong++;
      if (n.supervisor_hash !== null && n.supervisor_hash !== expected) wrong++;
      if (n.status === "awaiting_cosign") expect(n.supervisor_hash).toBeNull();
    }
    expect(notes.length).toBeGreaterThan(1000);
    expect(wrong).toBe(0);
  });

  it("has the status mix: mostly signed, late entries, recent drafts, co-signatures done and pending, addenda, a few counseling notes", async () => {
    const [mix] = await rows<{
      total: number;
      signed: number;
      drafts: number;
      old_drafts: number;
      awaiting: number;
      cosigned: number;
      late: number;
      addenda: number;
      supervisee: number;
      counseling: number;
      counseling_people: number;
      counseling_wrong_author: number;
    }>(
      sql`select count(*)::int as total,
            count(*) filter (where status = 'signed')::int as signed,
            count(*) filter (where status = 'draft')::int as drafts,
            count(*) filter (where status = 'draft' and ends_at < ${NOW.toISOString()}::timestamptz - interval '7 days')::int as old_drafts,
            count(*) filter (where status = 'awaiting_cosign')::int as awaiting,
            count(*) filter (where cosigned_at is not null)::int as cosigned,
            count(*) filter (where late_entry)::int as late,
            (select count(*)::int from clinical_note_addenda) as addenda,
            (select count(*)::int from users where requires_cosign) as supervisee,
            (select count(*)::int from counseling_notes) as counseling,
            (select count(distinct participant_id)::int from counseling_notes) as counseling_people,
            (select count(*)::int from counseling_notes c join episodes e on e.id = c.episode_id
               where e.primary_counselor_id is distinct from c.author_id) as counseling_wrong_author
          from clinical_notes`,
    );
    expect(mix!.signed).toBeGreaterThan(mix!.total * 0.9);
    expect(mix!.drafts).toBeGreaterThan(0);
    expect(mix!.awaiting).toBeGreaterThan(0);
    expect(mix!.cosigned).toBeGreaterThan(0);
    expect(mix!.late).toBeGreaterThan(0);
    expect(mix!.late).toBeLessThan(mix!.total * 0.1);
    expect(mix!.addenda).toBeGreaterThan(0);
    expect(mix).toMatchObject({
      old_drafts: 0,
      supervisee: 1,
      counseling_people: 2,
      counseling_wrong_author: 0,
    });
    expect(mix!.counseling).toBeGreaterThanOrEqual(4);
    expect(mix!.counseling).toBeLessThanOrEqual(6);
  });

  it("the cloned-entry check flags a handful of deliberate near-clones in the demo's group notes and nothing else", async () => {
    const notes = await rows<{ id: string; content: GroupSharedContent }>(
      sql`select id, content from clinical_notes where kind = 'group' order by ends_at, track_id`,
    );
    const entries = await rows<{ note_id: string; participant_id: string; content: GroupEntryContent }>(
      sql`select note_id, participant_id, content from group_note_entries order by participant_id`,
    );
    const names = Object.fromEntries(
      (
        await rows<{ id: string; names: string[] }>(
          sql`select id, array[given_name, family_name] as names from participants`,
        )
      ).map((p) => [p.id, p.names]),
    );
    const byNote = new Map<string, typeof entries>();
    for (const e of entries) byNote.set(e.note_id, [...(byNote.get(e.note_id) ?? []), e]);
    const history = new Map<string, { participantId: string; noteId: string; text: string }[]>();
    const flagged = { same_note: 0, own_previous: 0 };
    for (const note of notes) {
      const list = (byNote.get(note.id) ?? []).map((e) => ({
        participantId: e.participant_id,
        text: entryTextsForCloneCheck(e.content).contribution,
      }));
      const findings = findClonedEntries({
        entries: list,
        previous: list.flatMap((e) => history.get(e.participantId) ?? []),
        namesByParticipant: names,
      });
      if (findings.some((f) => f.kind === "same_note")) flagged.same_note++;
      if (findings.some((f) => f.kind === "own_previous")) flagged.own_previous++;
      // A deliberate clone touches one or two entries of its note, never more.
      expect(new Set(findings.map((f) => f.participantId)).size).toBeLessThanOrEqual(2);
      for (const e of list)
        history.set(
          e.participantId,
          [...(history.get(e.participantId) ?? []), { ...e, noteId: note.id }].slice(-5),
        );
    }
    expect(flagged).toEqual({ same_note: 3, own_previous: 3 });
  });
});

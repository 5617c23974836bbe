import { type SQL, sql } from "drizzle-orm";
import type { NoteKind } from "../../core/notes/note.schema";
import { type Queryable, queryRows } from "../db/connection";

/**
 * Storage of a participant's chart notes: the notes of every kind that are signed or awaiting
 * co-signature and concern them (an individual or family note about them, a group note holding their
 * entry), with only their own entry of a group note. SUD counseling notes are in their own tables and
 * never read here. No business rule here.
 */

export interface ChartNoteRow {
  id: string;
  kind: NoteKind;
  status: "awaiting_cosign" | "signed";
  session_date: string;
  starts_at: string;
  ends_at: string;
  format: string | null;
  content: unknown;
  author_id: string;
  cosigner_user_id: string | null;
  signed_at: string | null;
  cosigned_at: string | null;
  late_entry: boolean;
  track_name: string | null;
  /** Group notes: this participant's entry (and nobody else's). */
  entry_content: unknown;
}

const ISO = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The chart's notes of one participant: `where` narrows, newest session first. */
function chartNotesOf(participantId: string, extra: SQL): SQL {
  return sql`from clinical_notes n
      left join tracks t on t.id = n.track_id
      left join group_note_entries g on g.note_id = n.id and g.participant_id = ${participantId}
      where n.status in ('signed', 'awaiting_cosign')
        and ((n.kind in ('individual', 'family') and n.participant_id = ${participantId})
          or (n.kind = 'group' and g.id is not null))
        ${extra}`;
}

const COLUMNS = sql`n.id, n.kind, n.status, n.session_date::text as session_date,
  ${ISO("n.starts_at")} as starts_at, ${ISO("n.ends_at")} as ends_at, n.format, n.content,
  n.author_id, n.cosigner_user_id, ${ISO("n.signed_at")} as signed_at, ${ISO("n.cosigned_at")} as cosigned_at,
  n.late_entry, t.name as track_name, g.content as entry_content`;

export async function listChartNotes(
  q: Queryable,
  participantId: string,
  filter: { kind?: NoteKind; limit: number; offset: number },
): Promise<{ rows: ChartNoteRow[]; total: number }> {
  const extra = filter.kind ? sql`and n.kind = ${filter.kind}` : sql``;
  const [rows, counted] = await Promise.all([
    queryRows<ChartNoteRow>(
      q,
      sql`select ${COLUMNS} ${chartNotesOf(participantId, extra)}
          order by n.starts_at desc, n.id desc
          limit ${filter.limit} offset ${filter.offset}`,
    ),
    queryRows<{ total: number }>(q, sql`select count(*)::int as total ${chartNotesOf(participantId, extra)}`),
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

export async function findChartNote(
  q: Queryable,
  participantId: string,
  noteId: string,
): Promise<ChartNoteRow | undefined> {
  const rows = await queryRows<ChartNoteRow>(
    q,
    sql`select ${COLUMNS} ${chartNotesOf(participantId, sql`and n.id = ${noteId}`)}`,
  );
  return rows[0];
}

/** Every version of the participant's plans (any episode), oldest first: objectives in words. */
export function listPlanVersionContents(
  q: Queryable,
  participantId: string,
): Promise<{ content: unknown }[]> {
  return queryRows<{ content: unknown }>(
    q,
    sql`select v.content from treatment_plan_versions v join treatment_plans p on p.id = v.plan_id
        where p.participant_id = ${participantId}
        order by p.created_at, v.number`,
  );
}

import { z } from "zod";
import type { ChartNotesQuery } from "../../core/notes/group-notes-api.schema";
import {
  type AddendumView,
  groupEntryContentSchema,
  groupSharedContentSchema,
  type NoteFormat,
  sessionNoteContentSchema,
} from "../../core/notes/note.schema";
import type { ChartNote } from "../../core/notes/notes-api.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { findNames } from "../treatment-plans/plans.sql";
import * as store from "./chart-notes.sql";
import * as notes from "./notes.sql";

/**
 * A participant's notes in their chart (issue 8): group, individual and family notes that are signed
 * or awaiting co-signature — drafts are the author's, not the record's. The privacy rule of group
 * notes holds by construction: the query joins only this participant's entry, and a group note shows
 * its shared part, that entry, and the addenda on the shared part or on that entry — never another
 * participant's name, entry or addendum. SUD counseling notes live in their own tables and are never
 * listed here. The route's guard has authorised clinical.view on the participant and audited the read.
 */

/** Only what the chart needs of a plan's objectives, to put the objectives a note ties to in words. */
const planObjectivesSchema = z.object({
  problems: z.array(
    z.object({
      title: z.string(),
      objectives: z.array(z.object({ id: z.string(), statement: z.string() })),
    }),
  ),
});

export function createChartNotesService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /** Each objective id of the participant's plans (any version) in words; a later version's words win. */
  async function objectiveWords(participantId: string) {
    const words = new Map<string, { objectiveId: string; statement: string; problemTitle: string }>();
    for (const version of await store.listPlanVersionContents(db, participantId)) {
      const parsed = planObjectivesSchema.safeParse(version.content);
      if (!parsed.success) continue;
      for (const problem of parsed.data.problems)
        for (const objective of problem.objectives)
          words.set(objective.id, {
            objectiveId: objective.id,
            statement: objective.statement,
            problemTitle: problem.title,
          });
    }
    return words;
  }

  async function views(participantId: string, rows: readonly store.ChartNoteRow[]): Promise<ChartNote[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [signatures, addenda, words] = await Promise.all([
      notes.listSignatures(db, ids),
      notes.listAddenda(db, ids),
      objectiveWords(participantId),
    ]);
    // Addenda on another participant's entry never leave the server.
    const visibleAddenda = addenda.filter(
      (a) => a.entryParticipantId === null || a.entryParticipantId === participantId,
    );
    const names = await findNames(db, [
      ...rows.flatMap((r) => [r.author_id, ...(r.cosigner_user_id ? [r.cosigner_user_id] : [])]),
      ...signatures.map((s) => s.signerUserId),
      ...visibleAddenda.map((a) => a.authorId),
    ]);
    const person = (id: string) => ({ id, name: names.get(id) ?? "" });
    return rows.map((row) => {
      const group = row.kind === "group";
      const entry = group ? groupEntryContentSchema.parse(row.entry_content) : null;
      const content = group ? null : sessionNoteContentSchema.parse(row.content);
      const objectiveIds = (entry ?? content)?.objectives.map((o) => o.objectiveId) ?? [];
      const noteAddenda: AddendumView[] = visibleAddenda
        .filter((a) => a.noteId === row.id)
        .map((a) => ({
          id: a.id,
          reason: a.reason,
          body: a.body,
          author: person(a.authorId),
          createdAt: a.createdAt.toISOString(),
          entryParticipantId: a.entryParticipantId,
        }));
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        sessionDate: row.session_date,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        // Individual and family notes are named by their kind and format on the page (translated there).
        title: group ? (row.track_name ?? "") : "",
        format: (row.format as NoteFormat | null) ?? null,
        author: person(row.author_id),
        cosigner: row.cosigner_user_id ? person(row.cosigner_user_id) : null,
        signedAt: row.signed_at,
        cosignedAt: row.cosigned_at,
        lateEntry: row.late_entry,
        signatures: signatures
          .filter((s) => s.noteId === row.id)
          .map((s) => ({
            role: s.role as "author" | "supervisor",
            signer: person(s.signerUserId),
            method: s.method as "password" | "totp",
            signedAt: s.signedAt.toISOString(),
          })),
        shared: group ? groupSharedContentSchema.parse(row.content) : null,
        entry,
        content,
        objectives: objectiveIds.flatMap((id) => {
          const known = words.get(id);
          return known ? [known] : [];
        }),
        addenda: noteAddenda,
      };
    });
  }

  /** A refusal after the guard let the request in: audited as denied, then thrown. */
  async function refuse(
    context: AuditContext,
    action: string,
    participantId: string,
    resourceId: string,
    error: DomainError,
  ): Promise<never> {
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "clinical_note",
        resourceId,
        participantId,
        purpose: context.actorKind === "staff" ? "treatment" : "self",
        outcome: "denied",
        details: { reason: error.code },
      },
      now(),
    );
    throw error;
  }

  /** The chart is staff's: a participant reads what the program shares with them in their own area. */
  const notForParticipants = () =>
    new DomainError("AUTH_FORBIDDEN", "Clinical notes are read in the chart by the care team.");

  return {
    /** The participant's chart notes, newest session first, a page at a time. */
    async listNotes(actor: Actor, participantId: string, query: ChartNotesQuery, context: AuditContext) {
      if (actor.user.kind !== "staff")
        return refuse(
          context,
          "clinical_note.chart_list",
          participantId,
          participantId,
          notForParticipants(),
        );
      const { rows, total } = await store.listChartNotes(db, participantId, {
        kind: query.kind,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: await views(participantId, rows), total, page: query.page, pageSize: query.pageSize };
    },

    /** One note of the participant's chart (not found when it is a draft or not theirs). */
    async getNote(
      actor: Actor,
      participantId: string,
      noteId: string,
      context: AuditContext,
    ): Promise<ChartNote> {
      if (actor.user.kind !== "staff")
        return refuse(context, "clinical_note.chart_view", participantId, noteId, notForParticipants());
      const row = await store.findChartNote(db, participantId, noteId);
      if (!row)
        return refuse(
          context,
          "clinical_note.chart_view",
          participantId,
          noteId,
          new DomainError("NOT_FOUND", "This participant's chart has no such note."),
        );
      const [view] = await views(participantId, [row]);
      return view!;
    },
  };
}
export type ChartNotesService = ReturnType<typeof createChartNotesService>;

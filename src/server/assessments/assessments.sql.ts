import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { assessmentAssignments, assessmentResponses, users } from "../db/schema";

export type ResponseRow = typeof assessmentResponses.$inferSelect;
export type NewResponse = typeof assessmentResponses.$inferInsert;

export async function findByIdempotencyKey(
  q: Queryable,
  participantId: string,
  idempotencyKey: string,
): Promise<ResponseRow | undefined> {
  const rows = await q
    .select()
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.participantId, participantId),
        eq(assessmentResponses.idempotencyKey, idempotencyKey),
      ),
    );
  return rows[0];
}

/**
 * Insert unless the same idempotency key is already recorded (a concurrent retry): returns the id
 * when this call inserted it, undefined when the other one won.
 */
export async function insertResponse(q: Queryable, row: NewResponse): Promise<string | undefined> {
  const rows = await q
    .insert(assessmentResponses)
    .values(row)
    .onConflictDoNothing({ target: [assessmentResponses.participantId, assessmentResponses.idempotencyKey] })
    .returning({ id: assessmentResponses.id });
  return rows[0]?.id;
}

export interface ResponseWithAuthor extends ResponseRow {
  enteredByName: string | null;
}

export async function listResponses(q: Queryable, participantId: string): Promise<ResponseWithAuthor[]> {
  const rows = await q
    .select({ response: assessmentResponses, enteredByName: users.displayName })
    .from(assessmentResponses)
    .leftJoin(users, eq(users.id, assessmentResponses.enteredBy))
    .where(eq(assessmentResponses.participantId, participantId))
    .orderBy(asc(assessmentResponses.completedOn), asc(assessmentResponses.submittedAt));
  return rows.map((r) => ({ ...r.response, enteredByName: r.enteredByName }));
}

/** The participant's site and open episode (a response is filed under the episode it falls in). */
export async function findParticipantContext(q: Queryable, participantId: string) {
  const rows = await queryRows<{
    site_id: string;
    episode_id: string | null;
    admitted_on: string | null;
    discharged_on: string | null;
  }>(
    q,
    sql`select p.site_id, e.id as episode_id, e.admitted_on::text as admitted_on, e.discharged_on::text as discharged_on
        from participants p
        left join lateral (
          select id, admitted_on, discharged_on from episodes e
          where e.participant_id = p.id order by e.admitted_on desc limit 1
        ) e on true
        where p.id = ${participantId}`,
  );
  return rows[0];
}

export async function findOpenAssignment(q: Queryable, id: string, participantId: string) {
  const rows = await q
    .select()
    .from(assessmentAssignments)
    .where(
      and(
        eq(assessmentAssignments.id, id),
        eq(assessmentAssignments.participantId, participantId),
        isNull(assessmentAssignments.responseId),
        isNull(assessmentAssignments.cancelledAt),
      ),
    )
    .for("update");
  return rows[0];
}

export async function completeAssignment(q: Queryable, id: string, responseId: string): Promise<void> {
  await q.update(assessmentAssignments).set({ responseId }).where(eq(assessmentAssignments.id, id));
}

export async function listOpenAssignments(q: Queryable, participantId: string) {
  return q
    .select({ assignment: assessmentAssignments, assignedByName: users.displayName })
    .from(assessmentAssignments)
    .leftJoin(users, eq(users.id, assessmentAssignments.assignedBy))
    .where(
      and(
        eq(assessmentAssignments.participantId, participantId),
        isNull(assessmentAssignments.responseId),
        isNull(assessmentAssignments.cancelledAt),
      ),
    )
    .orderBy(asc(assessmentAssignments.dueOn));
}

/** Insert unless an open assignment of this instrument exists: undefined then. */
export async function insertAssignment(
  q: Queryable,
  row: typeof assessmentAssignments.$inferInsert,
): Promise<typeof assessmentAssignments.$inferSelect | undefined> {
  const rows = await q.insert(assessmentAssignments).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function cancelAssignment(
  q: Queryable,
  id: string,
  participantId: string,
  at: Date,
): Promise<boolean> {
  const rows = await q
    .update(assessmentAssignments)
    .set({ cancelledAt: at })
    .where(
      and(
        eq(assessmentAssignments.id, id),
        eq(assessmentAssignments.participantId, participantId),
        isNull(assessmentAssignments.responseId),
        isNull(assessmentAssignments.cancelledAt),
      ),
    )
    .returning({ id: assessmentAssignments.id });
  return rows.length > 0;
}

/** The first scored response of an instrument in an episode (the baseline for reliable change). */
export async function findBaseline(
  q: Queryable,
  participantId: string,
  episodeId: string | null,
  instrumentKey: string,
  excludingId: string,
): Promise<Pick<ResponseRow, "id" | "total" | "subscales" | "completedOn"> | undefined> {
  const rows = await q
    .select({
      id: assessmentResponses.id,
      total: assessmentResponses.total,
      subscales: assessmentResponses.subscales,
      completedOn: assessmentResponses.completedOn,
    })
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.participantId, participantId),
        episodeId === null
          ? isNull(assessmentResponses.episodeId)
          : eq(assessmentResponses.episodeId, episodeId),
        eq(assessmentResponses.instrumentKey, instrumentKey),
        eq(assessmentResponses.scored, true),
        ne(assessmentResponses.id, excludingId),
      ),
    )
    .orderBy(asc(assessmentResponses.completedOn), asc(assessmentResponses.submittedAt))
    .limit(1);
  return rows[0];
}

/** The on-call line of the participant's site; undefined when the site has none. */
export async function findOnCallLine(
  q: Queryable,
  participantId: string,
): Promise<{ site: string; phone: string } | undefined> {
  const rows = await queryRows<{ site: string; phone: string }>(
    q,
    sql`select s.name as site, s.on_call_phone as phone
        from participants p join sites s on s.id = p.site_id
        where p.id = ${participantId} and s.on_call_phone <> ''`,
  );
  return rows[0];
}

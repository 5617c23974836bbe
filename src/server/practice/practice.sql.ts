import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { TrackRow } from "../attendance/attendance.sql";
import { type Queryable, queryRows } from "../db/connection";
import { practiceCompletions } from "../db/schema";

/** Practice's storage: attended sessions planned with a module, and the participants' completions. */

export interface AttendedModuleRow extends TrackRow {
  occurrence_key: string;
  module_key: string;
}

/**
 * The participant's most recent sessions they attended (present or late) that were planned with a
 * module, newest first, with their track (for its series).
 */
export function listAttendedWithModule(
  q: Queryable,
  participantId: string,
  limit: number,
): Promise<AttendedModuleRow[]> {
  return queryRows<AttendedModuleRow>(
    q,
    sql`select t.id, t.site_id, t.name, t.audience, t.time_zone, t.starts_on::text as starts_on,
          t.ends_on::text as ends_on, t.pattern, t.telehealth, m.occurrence_key, tom.module_key
        from attendance_marks m
        join track_occurrence_modules tom
          on tom.track_id = m.track_id and tom.occurrence_key = m.occurrence_key
        join tracks t on t.id = m.track_id
        where m.participant_id = ${participantId} and m.status in ('present', 'late')
        order by m.occurred_on desc, m.occurrence_key desc
        limit ${limit}`,
  );
}

/** The participant's attendance status at one session, if marked. */
export async function findMarkStatus(
  q: Queryable,
  trackId: string,
  occurrenceKey: string,
  participantId: string,
): Promise<string | undefined> {
  const rows = await queryRows<{ status: string }>(
    q,
    sql`select status from attendance_marks
        where track_id = ${trackId} and occurrence_key = ${occurrenceKey} and participant_id = ${participantId}`,
  );
  return rows[0]?.status;
}

export interface CompletionRow {
  id: string;
  participantId: string;
  trackId: string;
  occurrenceKey: string;
  moduleKey: string;
  reflection: string;
  completedAt: Date;
  readAt: Date | null;
  readBy: string | null;
}

const columns = {
  id: practiceCompletions.id,
  participantId: practiceCompletions.participantId,
  trackId: practiceCompletions.trackId,
  occurrenceKey: practiceCompletions.occurrenceKey,
  moduleKey: practiceCompletions.moduleKey,
  reflection: practiceCompletions.reflection,
  completedAt: practiceCompletions.completedAt,
  readAt: practiceCompletions.readAt,
  readBy: practiceCompletions.readBy,
};

/** One participant's completions in these tracks. */
export function listCompletionsOfParticipant(
  q: Queryable,
  participantId: string,
  trackIds: readonly string[],
): Promise<CompletionRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return q
    .select(columns)
    .from(practiceCompletions)
    .where(
      and(
        eq(practiceCompletions.participantId, participantId),
        inArray(practiceCompletions.trackId, [...trackIds]),
      ),
    );
}

/** The completions of one session's practice by these participants. */
export function listCompletionsOfSession(
  q: Queryable,
  trackId: string,
  occurrenceKey: string,
  participantIds: readonly string[],
): Promise<CompletionRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return q
    .select(columns)
    .from(practiceCompletions)
    .where(
      and(
        eq(practiceCompletions.trackId, trackId),
        eq(practiceCompletions.occurrenceKey, occurrenceKey),
        inArray(practiceCompletions.participantId, [...participantIds]),
      ),
    );
}

/**
 * Mark done, or change the reflection: the first completion time is kept; a changed reflection is
 * unread again, so the facilitator sees the new words.
 */
export async function upsertCompletion(
  q: Queryable,
  values: {
    participantId: string;
    trackId: string;
    occurrenceKey: string;
    moduleKey: string;
    reflection: string;
    completedAt: Date;
  },
): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into practice_completions
          (participant_id, track_id, occurrence_key, module_key, reflection, completed_at)
        values (${values.participantId}, ${values.trackId}, ${values.occurrenceKey}, ${values.moduleKey},
          ${values.reflection}, ${values.completedAt.toISOString()})
        on conflict (participant_id, track_id, occurrence_key) do update set
          module_key = excluded.module_key,
          reflection = excluded.reflection,
          read_at = case when practice_completions.reflection = excluded.reflection
            then practice_completions.read_at else null end,
          read_by = case when practice_completions.reflection = excluded.reflection
            then practice_completions.read_by else null end
        returning id`,
  );
  return rows[0]!.id;
}

export async function deleteCompletion(
  q: Queryable,
  participantId: string,
  trackId: string,
  occurrenceKey: string,
): Promise<string | undefined> {
  const rows = await q
    .delete(practiceCompletions)
    .where(
      and(
        eq(practiceCompletions.participantId, participantId),
        eq(practiceCompletions.trackId, trackId),
        eq(practiceCompletions.occurrenceKey, occurrenceKey),
      ),
    )
    .returning({ id: practiceCompletions.id });
  return rows[0]?.id;
}

/** Mark unread completions of one session's practice read; the participants whose reflection changed state. */
export async function markRead(
  q: Queryable,
  values: {
    ids: readonly string[];
    trackId: string;
    occurrenceKey: string;
    participantIds: readonly string[];
    readBy: string;
    readAt: Date;
  },
): Promise<{ id: string; participantId: string }[]> {
  if (values.ids.length === 0 || values.participantIds.length === 0) return [];
  return q
    .update(practiceCompletions)
    .set({ readAt: values.readAt, readBy: values.readBy })
    .where(
      and(
        inArray(practiceCompletions.id, [...values.ids]),
        eq(practiceCompletions.trackId, values.trackId),
        eq(practiceCompletions.occurrenceKey, values.occurrenceKey),
        inArray(practiceCompletions.participantId, [...values.participantIds]),
        isNull(practiceCompletions.readAt),
      ),
    )
    .returning({ id: practiceCompletions.id, participantId: practiceCompletions.participantId });
}

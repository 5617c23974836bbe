import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/**
 * Storage reads of the family portal: a family member's links to the people they support (each
 * resting on a consent recipient), and the narrow slices of a participant's record each family view
 * may show. Only the columns a view needs are read. No business rule here.
 */

const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface FamilyLinkRow {
  participant_id: string;
  /** The preferred name, else the given name. */
  first_name: string;
  link_relationship: string;
  consent_recipient_id: string | null;
  consent_id: string | null;
  recipient_relationship: string | null;
  /** The family account the recipient was matched to (null until the invitation is accepted). */
  recipient_user_id: string | null;
  time_zone: string;
}

function selectLinks(where: SQL): SQL {
  return sql`select fl.participant_id, coalesce(nullif(btrim(p.preferred_name), ''), p.given_name) as first_name,
      fl.relationship as link_relationship, fl.consent_recipient_id, cr.consent_id,
      cr.relationship as recipient_relationship, cr.family_user_id as recipient_user_id, s.time_zone
    from family_links fl
      join participants p on p.id = fl.participant_id
      join sites s on s.id = p.site_id
      left join consent_recipients cr on cr.id = fl.consent_recipient_id
    where ${where}
    order by fl.created_at, fl.participant_id`;
}

/** Every link of a family account, oldest first. */
export function listLinksOfUser(q: Queryable, userId: string): Promise<FamilyLinkRow[]> {
  return queryRows<FamilyLinkRow>(q, selectLinks(sql`fl.user_id = ${userId}`));
}

/** The link between a family account and one participant, if there is one. */
export async function findLink(
  q: Queryable,
  userId: string,
  participantId: string,
): Promise<FamilyLinkRow | undefined> {
  const rows = await queryRows<FamilyLinkRow>(
    q,
    selectLinks(sql`fl.user_id = ${userId} and fl.participant_id = ${participantId}`),
  );
  return rows[0];
}

export interface FamilySessionRow {
  id: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  telehealth: boolean;
  location: string;
  room_name: string | null;
  staff_name: string;
  family_attendees: { userId: string | null; name: string; relationship: string }[];
}

export const UPCOMING_FAMILY_SESSIONS_LIMIT = 20;

/** The participant's family sessions not yet over and not cancelled, soonest first. Never other kinds. */
export function listUpcomingFamilySessions(
  q: Queryable,
  participantId: string,
  after: Date,
): Promise<FamilySessionRow[]> {
  return queryRows<FamilySessionRow>(
    q,
    sql`select a.id, ${utc(sql`a.starts_at`)} as starts_at, ${utc(sql`a.ends_at`)} as ends_at, a.time_zone,
          a.telehealth, a.location, r.name as room_name, u.display_name as staff_name, a.family_attendees
        from appointments a
          join users u on u.id = a.staff_id
          left join rooms r on r.id = a.room_id
        where a.participant_id = ${participantId} and a.kind = 'family' and a.status = 'scheduled'
          and a.ends_at > ${after.toISOString()}::timestamptz
        order by a.starts_at, a.id
        limit ${UPCOMING_FAMILY_SESSIONS_LIMIT}`,
  );
}

export const SHARED_UPDATES_LIMIT = 20;

/** What the participant wrote for the people they share with (not removed), newest first. */
export function listSharedUpdates(
  q: Queryable,
  participantId: string,
): Promise<{ id: string; body: string; created_at: string }[]> {
  return queryRows(
    q,
    sql`select id, body, ${utc(sql`created_at`)} as created_at from shared_updates
        where participant_id = ${participantId} and removed_at is null
        order by created_at desc, id
        limit ${SHARED_UPDATES_LIMIT}`,
  );
}

export async function findSobrietyOn(q: Queryable, participantId: string): Promise<string | null> {
  const rows = await queryRows<{ sobriety_on: string | null }>(
    q,
    sql`select sobriety_on::text as sobriety_on from participants where id = ${participantId}`,
  );
  return rows[0]?.sobriety_on ?? null;
}

export const SCORES_LIMIT = 50;

/** Scored questionnaire totals (never the answers), newest first. */
export function listScoredTotals(
  q: Queryable,
  participantId: string,
): Promise<{ instrument_key: string; completed_on: string; total: number }[]> {
  return queryRows(
    q,
    sql`select instrument_key, completed_on::text as completed_on, total from assessment_responses
        where participant_id = ${participantId} and scored and total is not null
        order by completed_on desc, submitted_at desc
        limit ${SCORES_LIMIT}`,
  );
}

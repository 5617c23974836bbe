import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { episodes, trackEnrollments } from "../db/schema";

/** Enrollment's storage: tracks locked for a placement, open episodes, places and waitlists. */

export interface TrackRow {
  id: string;
  site_id: string;
  name: string;
  audience: "adult" | "adolescent";
  capacity: number;
  time_zone: string;
  starts_on: string;
  ends_on: string | null;
}

const TRACK_COLUMNS = sql`t.id, t.site_id, t.name, t.audience, t.capacity, t.time_zone,
  t.starts_on::text as starts_on, t.ends_on::text as ends_on`;

export async function findTrack(q: Queryable, id: string): Promise<TrackRow | undefined> {
  const rows = await queryRows<TrackRow>(q, sql`select ${TRACK_COLUMNS} from tracks t where t.id = ${id}`);
  return rows[0];
}

/**
 * Read the track and hold its row until the transaction ends: placements into one track are
 * decided one at a time, so two requests for its last place cannot both get it.
 */
export async function lockTrack(q: Queryable, id: string): Promise<TrackRow | undefined> {
  const rows = await queryRows<TrackRow>(
    q,
    sql`select ${TRACK_COLUMNS} from tracks t where t.id = ${id} for update`,
  );
  return rows[0];
}

/** Enrolled stays in the track that still hold a place on `from` or later. */
export function listPlacesFrom(
  q: Queryable,
  trackId: string,
  from: string,
): Promise<{ joined_on: string; exited_on: string | null }[]> {
  return queryRows(
    q,
    sql`select joined_on::text as joined_on, exited_on::text as exited_on
        from track_enrollments
        where track_id = ${trackId} and status in ('enrolled', 'exited') and joined_on is not null
          and (exited_on is null or exited_on > ${from}::date)`,
  );
}

export interface WaitingRow {
  id: string;
  track_id: string;
  waitlisted_at: string;
}

/** Everyone waiting for a place in these tracks (unordered: the order is a rule). */
export function listWaiting(q: Queryable, trackIds: readonly string[]): Promise<WaitingRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return queryRows<WaitingRow>(
    q,
    sql`select id, track_id,
          to_char(waitlisted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as waitlisted_at
        from track_enrollments
        where status = 'waitlisted' and track_id in (${sql.join(
          trackIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

export interface EpisodeRow {
  id: string;
  participant_id: string;
  site_id: string;
  admitted_on: string;
  discharged_on: string | null;
  track_id: string | null;
  /** The audience of the episode's track so far, if it has one. */
  track_audience: "adult" | "adolescent" | null;
}

/**
 * The participant's episode that is not discharged (the latest, should there be two), its row held
 * until the transaction ends so that one episode's places change one request at a time.
 */
export async function lockOpenEpisode(q: Queryable, participantId: string): Promise<EpisodeRow | undefined> {
  const rows = await queryRows<EpisodeRow>(
    q,
    sql`select e.id, e.participant_id, e.site_id, e.admitted_on::text as admitted_on,
          e.discharged_on::text as discharged_on, e.track_id,
          (select t.audience from tracks t where t.id = e.track_id) as track_audience
        from episodes e
        where e.participant_id = ${participantId} and e.discharged_on is null
        order by e.admitted_on desc, e.created_at desc
        limit 1
        for update`,
  );
  return rows[0];
}

export async function lockEpisode(q: Queryable, id: string): Promise<EpisodeRow | undefined> {
  const rows = await queryRows<EpisodeRow>(
    q,
    sql`select e.id, e.participant_id, e.site_id, e.admitted_on::text as admitted_on,
          e.discharged_on::text as discharged_on, e.track_id,
          (select t.audience from tracks t where t.id = e.track_id) as track_audience
        from episodes e where e.id = ${id} for update`,
  );
  return rows[0];
}

export async function findOpenEpisodeId(q: Queryable, participantId: string): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from episodes where participant_id = ${participantId} and discharged_on is null
        order by admitted_on desc, created_at desc limit 1`,
  );
  return rows[0]?.id ?? null;
}

export interface EnrollmentRow {
  id: string;
  track_id: string;
  track_name: string;
  participant_id: string;
  episode_id: string;
  status: "enrolled" | "waitlisted" | "exited";
  joined_on: string | null;
  exited_on: string | null;
  exit_reason: string | null;
  waitlisted_at: string | null;
}

const ENROLLMENT_COLUMNS = sql`n.id, n.track_id, t.name as track_name, n.participant_id, n.episode_id,
  n.status, n.joined_on::text as joined_on, n.exited_on::text as exited_on, n.exit_reason,
  to_char(n.waitlisted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as waitlisted_at`;

export async function findById(q: Queryable, id: string): Promise<EnrollmentRow | undefined> {
  const rows = await queryRows<EnrollmentRow>(
    q,
    sql`select ${ENROLLMENT_COLUMNS} from track_enrollments n join tracks t on t.id = n.track_id
        where n.id = ${id}`,
  );
  return rows[0];
}

/** The episode's open place (enrolled or waitlisted), if it has one. */
export async function findOpenOfEpisode(q: Queryable, episodeId: string): Promise<EnrollmentRow | undefined> {
  const rows = await queryRows<EnrollmentRow>(
    q,
    sql`select ${ENROLLMENT_COLUMNS} from track_enrollments n join tracks t on t.id = n.track_id
        where n.episode_id = ${episodeId} and n.status in ('enrolled', 'waitlisted')`,
  );
  return rows[0];
}

/** The last date the episode left a track, if it ever did. */
export async function findLastExitOfEpisode(q: Queryable, episodeId: string): Promise<string | null> {
  const rows = await queryRows<{ last: string | null }>(
    q,
    sql`select max(exited_on)::text as last from track_enrollments where episode_id = ${episodeId}`,
  );
  return rows[0]?.last ?? null;
}

/** Every stay of the participant in a track, oldest first. */
export function listOfParticipant(q: Queryable, participantId: string): Promise<EnrollmentRow[]> {
  return queryRows<EnrollmentRow>(
    q,
    sql`select ${ENROLLMENT_COLUMNS} from track_enrollments n join tracks t on t.id = n.track_id
        where n.participant_id = ${participantId}
        order by n.created_at, coalesce(n.joined_on, n.exited_on), n.id`,
  );
}

export interface TrackListRow {
  id: string;
  participant_id: string;
  name: string;
  status: "enrolled" | "waitlisted" | "exited";
  joined_on: string | null;
  exited_on: string | null;
  waitlisted_at: string | null;
  /** The participant's site (for who may see their name). */
  site_id: string;
  on_my_care_team: boolean;
}

/**
 * The track's places held on `from` or later (exits still ahead included) and its waitlist, by
 * join date (never by name: the order must not hint at names the reader may not see); with
 * whether the reader is on each participant's care team.
 */
export function listOfTrack(
  q: Queryable,
  trackId: string,
  from: string,
  readerUserId: string,
): Promise<TrackListRow[]> {
  return queryRows<TrackListRow>(
    q,
    sql`select n.id, n.participant_id, p.given_name || ' ' || p.family_name as name, n.status,
          n.joined_on::text as joined_on, n.exited_on::text as exited_on,
          to_char(n.waitlisted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as waitlisted_at,
          p.site_id,
          exists (select 1 from care_team_members c
                  where c.participant_id = p.id and c.user_id = ${readerUserId}) as on_my_care_team
        from track_enrollments n join participants p on p.id = n.participant_id
        where n.track_id = ${trackId}
          and (n.status in ('enrolled', 'waitlisted')
               or (n.status = 'exited' and n.joined_on is not null and n.exited_on > ${from}::date))
        order by n.joined_on nulls last, n.id`,
  );
}

export async function insert(
  q: Queryable,
  row: {
    trackId: string;
    participantId: string;
    episodeId: string;
    status: "enrolled" | "waitlisted";
    joinedOn: string | null;
    waitlistedAt: Date | null;
    createdBy: string | null;
    createdAt: Date;
  },
): Promise<string> {
  const rows = await q.insert(trackEnrollments).values(row).returning({ id: trackEnrollments.id });
  return rows[0]!.id;
}

/** End a place (or a place on the waitlist) on a date, for a reason. */
export async function markExited(q: Queryable, id: string, on: string, reason: string): Promise<void> {
  await q
    .update(trackEnrollments)
    .set({ status: "exited", exitedOn: on, exitReason: reason })
    .where(eq(trackEnrollments.id, id));
}

/** A waitlisted place becomes a place from a date (the time it was waitlisted stays). */
export async function markEnrolled(q: Queryable, id: string, joinOn: string): Promise<void> {
  await q
    .update(trackEnrollments)
    .set({ status: "enrolled", joinedOn: joinOn })
    .where(eq(trackEnrollments.id, id));
}

/** The episode's track: the one the participant list and the measurement schedule show. */
export async function setEpisodeTrack(q: Queryable, episodeId: string, trackId: string): Promise<void> {
  await q.update(episodes).set({ trackId }).where(eq(episodes.id, episodeId));
}

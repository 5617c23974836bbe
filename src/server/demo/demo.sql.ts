import { eq, ne, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import { type Queryable, queryRows } from "../db/connection";
import {
  type appointments,
  appSettings,
  type assessmentResponses,
  type checkIns,
  organisations,
} from "../db/schema";
import { DEMO_EMAIL_DOMAIN, DEMO_SETTING } from "./demo-accounts";
import { DEMO_ORGANISATION_ID } from "./demo-ids";

/** Storage for the demo generator: only storage verbs, no rules. */

const BATCH = 1_000;

export async function findDemoSetting(q: Queryable): Promise<string | undefined> {
  const rows = await q.select().from(appSettings).where(eq(appSettings.name, DEMO_SETTING));
  return rows[0]?.value;
}

export async function insertDemoSetting(q: Queryable, value: string): Promise<void> {
  await q.insert(appSettings).values({ name: DEMO_SETTING, value });
}

export interface DataCounts {
  demoUsers: number;
  /** Accounts outside the demo e-mail domain. */
  otherUsers: number;
  /** Organisations other than the demo's. */
  otherOrganisations: number;
}

export async function countData(q: Queryable): Promise<DataCounts> {
  const rows = await queryRows<{ demo_users: number; other_users: number; other_organisations: number }>(
    q,
    sql`select
          (select count(*)::int from users where lower(email) like ${`%@${DEMO_EMAIL_DOMAIN}`}) as demo_users,
          (select count(*)::int from users where lower(email) not like ${`%@${DEMO_EMAIL_DOMAIN}`}) as other_users,
          (select count(*)::int from ${organisations} where ${ne(organisations.id, DEMO_ORGANISATION_ID)}) as other_organisations`,
  );
  const row = rows[0]!;
  return {
    demoUsers: row.demo_users,
    otherUsers: row.other_users,
    otherOrganisations: row.other_organisations,
  };
}

/**
 * Remove the program data and the demo marker. Only call it when countData found nothing outside
 * the demo: every account and organisation then belongs to the demo, and so does every row
 * that refers to them.
 */
export async function deleteDemo(q: Queryable): Promise<void> {
  await q.execute(
    sql`truncate check_ins, episodes, participants, tracks, auth_sessions, staff_sites, user_roles, users, sites, organisations,
          mail_outbox, auth_throttles restart identity cascade`,
  );
  // The audit trail is append-only; a demo database replaced by a new demo starts a new trail. The
  // caller has checked that the database holds nothing but the demo.
  await q.execute(sql`alter table audit_events disable trigger audit_events_no_truncate`);
  await q.execute(sql`truncate audit_events`);
  await q.execute(sql`alter table audit_events enable trigger audit_events_no_truncate`);
  await q.delete(appSettings).where(eq(appSettings.name, DEMO_SETTING));
}

/** Insert rows in statements of at most 1,000 rows. */
export async function insertRows<T extends PgTable>(
  q: Queryable,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await q.insert(table).values(rows.slice(i, i + BATCH));
}

/** One episode's check-in window and the per-episode choices that shape its days. */
export interface CheckInWindow {
  participantId: string;
  /** Episode number (participant number × 4 + episode): with the day, the input of the per-day hash. */
  key: number;
  fromOn: string;
  days: number;
  trajectory: string;
  rate: number;
  startMood: number;
  startCraving: number;
  lapseDay: number;
  silentDays: number;
  episodeId: string;
  language: string;
  /** The check-in substance of the episode's primary diagnosis, named on use days. */
  substance: string;
  timeZone: string;
}

/**
 * Check-ins computed inside the database (benchmark scale): the same daily trend as
 * `deriveDailyTrend` in src/core/demo/check-in-trajectories.ts, with day-to-day variation drawn
 * from a hash of (seed, participant number, day) instead of a generator; filled in on the evening
 * of the day, with the episode's substance on use days. Returns rows added.
 */
export async function insertComputedCheckIns(
  q: Queryable,
  seed: number,
  nowAt: Date,
  windows: CheckInWindow[],
): Promise<number> {
  if (windows.length === 0) return 0;
  const now = nowAt.toISOString();
  const values = sql.join(
    windows.map(
      (w) =>
        sql`(${w.participantId}::uuid, ${w.key}::int, ${w.fromOn}::date, ${w.days}::int, ${w.trajectory}::text,
             ${w.rate}::float8, ${w.startMood}::float8, ${w.startCraving}::float8, ${w.lapseDay}::int, ${w.silentDays}::int,
             ${w.episodeId}::uuid, ${w.language}::text, ${w.substance}::text, ${w.timeZone}::text)`,
    ),
    sql`, `,
  );
  const rows = await queryRows<{ n: number }>(
    q,
    sql`with w (participant_id, key, from_on, days, trajectory, rate, mood0, craving0, lapse, silent, episode_id,
                language, substance, zone) as (
          values ${values}
        ), d as (
          select w.*, g.i, g.i - w.lapse as since,
                 case when w.days <= 1 then 0 else g.i::float8 / (w.days - 1) end as p,
                 hashint8extended(w.key::bigint * 100000 + g.i, ${seed}::bigint) & 9223372036854775807 as h
            from w cross join lateral generate_series(0, w.days - 1) as g(i)
        ), t as (
          select participant_id, episode_id, language, substance, zone, from_on + i as on_day, h,
                 case
                   when trajectory = 'lapse_and_return' and since = 0 then 1
                   when trajectory = 'fading' and i >= days - silent then 0
                   when trajectory = 'fading' then rate * (1 - 0.7 * p)
                   else rate
                 end as rate,
                 case trajectory
                   when 'improving' then mood0 + 3.5 * p
                   when 'steady' then mood0 + 1.5
                   when 'lapse_and_return' then
                     mood0 + 3 * p - case when since between 0 and 4 then 3 - since * 0.5 else 0 end
                   when 'struggling' then mood0 - 0.5
                   else mood0 + 1 - 2 * p
                 end as mood,
                 case trajectory
                   when 'improving' then craving0 - 4.5 * p
                   when 'steady' then craving0 - 2
                   when 'lapse_and_return' then
                     craving0 - 4 * p + case when since between -3 and 3 then 3 else 0 end
                   when 'struggling' then craving0
                   else craving0 - 1 + 2 * p
                 end as craving,
                 case
                   when trajectory = 'lapse_and_return' and since = 0 then 1
                   when trajectory = 'lapse_and_return' and since = 1 then 0.5
                   when trajectory = 'struggling' then 0.07
                   when trajectory = 'fading' then 0.04 + 0.1 * p
                   else 0
                 end as use_chance
            from d
        ), s as (
          select participant_id, episode_id, language, substance, zone, on_day, h,
                 least(10, greatest(0, round(mood + ((h >> 10) % 41 - 20) / 10.0)))::smallint as mood,
                 least(10, greatest(0, round(craving + ((h >> 20) % 41 - 20) / 10.0)))::smallint as craving,
                 round(least(10, greatest(3, 5.2 + mood * 0.25 + ((h >> 30) % 31 - 15) / 10.0)) * 2) / 2 as sleep,
                 (h >> 40) % 1000 < use_chance * 1000 as used,
                 least(((on_day + time '17:00' + ((h >> 50) % 330) * interval '1 minute') at time zone zone),
                       ${now}::timestamptz - interval '10 minutes') as recorded
            from t
           where h % 1000 < rate * 1000
        ), inserted as (
          insert into check_ins (participant_id, episode_id, checked_in_on, idempotency_key, recorded_at, created_at,
                                 mood, craving, sleep_hours, sleep_quality, any_use, substances, language)
          select participant_id, episode_id, on_day, md5(participant_id::text || on_day::text)::uuid,
                 recorded, recorded + interval '2 seconds', mood, craving, sleep,
                 case when mood <= 3 then 'poor' when mood >= 7 then 'good' else 'ok' end,
                 used, case when used then jsonb_build_array(substance) else '[]'::jsonb end, language
            from s
          returning 1
        )
        select count(*)::int as n from inserted`,
  );
  return rows[0]!.n;
}

/** Care teams from the episodes: the latest primary counselor, and a prescriber of the site for current participants. */
export async function insertCareTeams(q: Queryable): Promise<void> {
  await q.execute(
    sql`insert into care_team_members (participant_id, user_id, role)
        select distinct on (e.participant_id) e.participant_id, e.primary_counselor_id, 'primary_counselor'
          from episodes e where e.primary_counselor_id is not null
         order by e.participant_id, e.admitted_on desc
        on conflict do nothing`,
  );
  await q.execute(
    sql`insert into care_team_members (participant_id, user_id, role)
        select e.participant_id, rx.user_id, 'prescriber'
          from episodes e
          join lateral (
            select ss.user_id from staff_sites ss
              join user_roles r on r.user_id = ss.user_id and r.role = 'prescriber'
             where ss.site_id = e.site_id order by ss.user_id limit 1
          ) rx on true
         where e.discharged_on is null
        on conflict do nothing`,
  );
}

/** The demo family account supports the demo participant account, under the consent naming them. */
export async function linkDemoFamily(
  q: Queryable,
  familyEmail: string,
  participantEmail: string,
  consentRecipientId: string,
): Promise<void> {
  await q.execute(
    sql`insert into family_links (user_id, participant_id, relationship, consent_recipient_id)
        select f.id, p.id, 'sister', ${consentRecipientId}::uuid from users f, participants p join users pu on pu.id = p.user_id
         where f.email = ${familyEmail} and pu.email = ${participantEmail}
        on conflict do nothing`,
  );
}

export interface HistoryRows {
  participants: {
    id: string;
    site_id: string;
    primary_counselor_id: string | null;
    prescriber_id: string | null;
  }[];
  staff: { id: string; roles: string[]; site_ids: string[] }[];
}

/** Current participants (at most `limit`) with their care team, and the staff, for the audit history. */
export async function loadHistoryRows(q: Queryable, limit: number): Promise<HistoryRows> {
  const participantRows = await queryRows<HistoryRows["participants"][number]>(
    q,
    sql`select p.id, p.site_id,
          (select c.user_id from care_team_members c where c.participant_id = p.id and c.role = 'primary_counselor') as primary_counselor_id,
          (select c.user_id from care_team_members c where c.participant_id = p.id and c.role = 'prescriber') as prescriber_id
        from participants p
       where exists (select 1 from episodes e where e.participant_id = p.id and e.discharged_on is null)
       order by p.id limit ${limit}`,
  );
  const staffRows = await queryRows<HistoryRows["staff"][number]>(
    q,
    sql`select u.id,
          coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles,
          coalesce((select array_agg(s.site_id order by s.site_id) from staff_sites s where s.user_id = u.id), '{}') as site_ids
        from users u where u.kind = 'staff' order by u.email`,
  );
  return { participants: participantRows, staff: staffRows };
}

export async function findUserIdByEmail(q: Queryable, email: string): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(q, sql`select id from users where email = ${email}`);
  return rows[0]?.id;
}

/** For each site, who works its admissions pipeline: its intake coordinator, else its clinical director. */
export async function findIntakeOwnersBySite(
  q: Queryable,
  siteIds: readonly string[],
): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const siteId of siteIds) {
    const rows = await queryRows<{ user_id: string }>(
      q,
      sql`select ss.user_id from staff_sites ss join user_roles r on r.user_id = ss.user_id
          where ss.site_id = ${siteId} and r.role in ('intake_coordinator', 'clinical_director')
          order by case r.role when 'intake_coordinator' then 0 else 1 end, ss.user_id limit 1`,
    );
    if (rows[0]) owners.set(siteId, rows[0].user_id);
  }
  return owners;
}

export interface EpisodeForHistory {
  id: string;
  participant_id: string;
  site_id: string;
  admitted_on: string;
  level_of_care: string;
  name: string;
  primary_counselor_id: string | null;
}

export async function listEpisodesForHistory(q: Queryable): Promise<EpisodeForHistory[]> {
  return queryRows<EpisodeForHistory>(
    q,
    sql`select e.id, e.participant_id, e.site_id, e.admitted_on::text as admitted_on, e.level_of_care,
          p.given_name || ' ' || p.family_name as name, e.primary_counselor_id
        from episodes e join participants p on p.id = e.participant_id order by e.id`,
  );
}

/** Each demo episode points at the inquiry or referral it came from. */
export async function linkEpisodesToLeads(
  q: Queryable,
  pairs: readonly { episodeId: string; leadId: string }[],
): Promise<void> {
  for (let i = 0; i < pairs.length; i += BATCH) {
    const values = sql.join(
      pairs.slice(i, i + BATCH).map((p) => sql`(${p.episodeId}::uuid, ${p.leadId}::uuid)`),
      sql`, `,
    );
    await q.execute(
      sql`update episodes e set referral_lead_id = v.lead_id from (values ${values}) as v(episode_id, lead_id) where e.id = v.episode_id`,
    );
  }
}

/** The care team of each participant (active accounts), for whom the demo's alerts are. */
export async function listCareTeams(
  q: Queryable,
  participantIds: readonly string[],
): Promise<Map<string, { userId: string; role: string }[]>> {
  const teams = new Map<string, { userId: string; role: string }[]>();
  for (let i = 0; i < participantIds.length; i += BATCH) {
    const ids = sql.join(
      participantIds.slice(i, i + BATCH).map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = await queryRows<{ participant_id: string; user_id: string; role: string }>(
      q,
      sql`select c.participant_id, c.user_id, c.role
          from care_team_members c join users u on u.id = c.user_id
          where c.participant_id in (${ids}) and u.disabled_at is null
          order by c.participant_id, c.created_at, c.user_id`,
    );
    for (const row of rows) {
      const team = teams.get(row.participant_id) ?? [];
      team.push({ userId: row.user_id, role: row.role });
      teams.set(row.participant_id, team);
    }
  }
  return teams;
}

/**
 * Insert check-ins computed here, each statement's rows as one JSON document (one parameter instead
 * of one per column and row: building and binding a long VALUES list costs more than the insert itself).
 */
export async function insertCheckInRows(
  q: Queryable,
  rows: readonly (typeof checkIns.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH * 2) {
    const document = JSON.stringify(
      rows.slice(i, i + BATCH * 2).map((r) => ({
        participant_id: r.participantId,
        episode_id: r.episodeId ?? null,
        checked_in_on: r.checkedInOn,
        idempotency_key: r.idempotencyKey,
        recorded_at: r.recordedAt,
        created_at: r.createdAt,
        queued_offline: r.queuedOffline ?? false,
        mood: r.mood,
        craving: r.craving,
        sleep_hours: r.sleepHours ?? null,
        sleep_quality: r.sleepQuality ?? null,
        any_use: r.anyUse,
        substances: r.substances ?? [],
        use_detail: r.useDetail ?? "",
        triggers: r.triggers ?? [],
        went_well: r.wentWell ?? "",
        wants_to_talk: r.wantsToTalk ?? false,
        self_harm_thoughts: r.selfHarmThoughts ?? false,
        language: r.language ?? "en",
      })),
    );
    await q.execute(
      sql`insert into check_ins (participant_id, episode_id, checked_in_on, idempotency_key, recorded_at, created_at,
            queued_offline, mood, craving, sleep_hours, sleep_quality, any_use, substances, use_detail, triggers,
            went_well, wants_to_talk, self_harm_thoughts, language)
          select participant_id, episode_id, checked_in_on, idempotency_key, recorded_at, created_at,
            queued_offline, mood, craving, sleep_hours, sleep_quality, any_use, substances, use_detail, triggers,
            went_well, wants_to_talk, self_harm_thoughts, language
          from jsonb_to_recordset(${document}::jsonb) as r(participant_id uuid, episode_id uuid, checked_in_on date,
            idempotency_key uuid, recorded_at timestamptz, created_at timestamptz, queued_offline boolean,
            mood smallint, craving smallint, sleep_hours numeric, sleep_quality text, any_use boolean,
            substances jsonb, use_detail text, triggers jsonb, went_well text, wants_to_talk boolean,
            self_harm_thoughts boolean, language text)`,
    );
  }
}

/**
 * Insert completed questionnaires, each statement's rows as one JSON document: far fewer parameters
 * than a multi-row VALUES list, which matters with five JSON columns per row.
 */
export async function insertResponseRows(
  q: Queryable,
  rows: readonly (typeof assessmentResponses.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const document = JSON.stringify(
      rows.slice(i, i + BATCH).map((r) => ({
        id: r.id,
        participant_id: r.participantId,
        site_id: r.siteId,
        episode_id: r.episodeId ?? null,
        instrument_key: r.instrumentKey,
        questionnaire_url: r.questionnaireUrl,
        questionnaire_version: r.questionnaireVersion,
        answers: r.answers,
        language: r.language,
        mode: r.mode,
        entered_by: r.enteredBy ?? null,
        idempotency_key: r.idempotencyKey,
        completed_on: r.completedOn,
        submitted_at: r.submittedAt,
        scored: r.scored,
        total: r.total ?? null,
        band: r.band ?? null,
        subscales: r.subscales,
        flags: r.flags,
        missing: r.missing,
        critical: r.critical,
      })),
    );
    await q.execute(
      sql`insert into assessment_responses (id, participant_id, site_id, episode_id, instrument_key, questionnaire_url,
            questionnaire_version, answers, language, mode, entered_by, idempotency_key, completed_on, submitted_at,
            scored, total, band, subscales, flags, missing, critical)
          select id, participant_id, site_id, episode_id, instrument_key, questionnaire_url,
            questionnaire_version, answers, language, mode, entered_by, idempotency_key, completed_on, submitted_at,
            scored, total, band, subscales, flags, missing, critical
          from jsonb_to_recordset(${document}::jsonb) as r(id uuid, participant_id uuid, site_id uuid, episode_id uuid,
            instrument_key text, questionnaire_url text, questionnaire_version text, answers jsonb, language text,
            mode text, entered_by uuid, idempotency_key uuid, completed_on date, submitted_at timestamptz,
            scored boolean, total integer, band text, subscales jsonb, flags jsonb, missing jsonb, critical jsonb)`,
    );
  }
}

/** An attendance mark as the demo writes it (snake_case, instants as ISO 8601 text). */
export interface DemoMarkRow {
  track_id: string;
  occurrence_key: string;
  participant_id: string;
  occurred_on: string;
  status: string;
  minutes_attended: number;
  session_minutes: number;
  telehealth: boolean;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

/** Insert attendance marks, each statement's rows as one JSON document (as check-ins are). */
export async function insertAttendanceMarkRows(q: Queryable, rows: readonly DemoMarkRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH * 5) {
    const document = JSON.stringify(rows.slice(i, i + BATCH * 5));
    await q.execute(
      sql`insert into attendance_marks (track_id, occurrence_key, participant_id, occurred_on, status,
            minutes_attended, session_minutes, telehealth, note, recorded_by, recorded_at)
          select track_id, occurrence_key, participant_id, occurred_on, status,
            minutes_attended, session_minutes, telehealth, note, recorded_by, recorded_at
          from jsonb_to_recordset(${document}::jsonb) as r(track_id uuid, occurrence_key text, participant_id uuid,
            occurred_on date, status text, minutes_attended integer, session_minutes integer, telehealth boolean,
            note text, recorded_by uuid, recorded_at timestamptz)`,
    );
  }
}

/** Insert individual and family sessions, each statement's rows as one JSON document. */
export async function insertAppointmentRows(
  q: Queryable,
  rows: readonly (typeof appointments.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const document = JSON.stringify(
      rows.slice(i, i + BATCH).map((r) => ({
        id: r.id,
        site_id: r.siteId,
        participant_id: r.participantId,
        episode_id: r.episodeId ?? null,
        kind: r.kind,
        staff_id: r.staffId,
        room_id: r.roomId ?? null,
        location: r.location ?? "",
        telehealth: r.telehealth ?? false,
        time_zone: r.timeZone,
        starts_at: r.startsAt,
        ends_at: r.endsAt,
        local_date: r.localDate,
        series_id: r.seriesId ?? null,
        family_attendees: r.familyAttendees ?? [],
        status: r.status ?? "scheduled",
        cancel_reason: r.cancelReason ?? null,
        attendance_status: r.attendanceStatus ?? null,
        minutes_attended: r.minutesAttended ?? null,
        created_by: r.createdBy ?? null,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })),
    );
    await q.execute(
      sql`insert into appointments (id, site_id, participant_id, episode_id, kind, staff_id, room_id, location,
            telehealth, time_zone, starts_at, ends_at, local_date, series_id, family_attendees, status, cancel_reason,
            attendance_status, minutes_attended, created_by, created_at, updated_at)
          select id, site_id, participant_id, episode_id, kind, staff_id, room_id, location,
            telehealth, time_zone, starts_at, ends_at, local_date, series_id, family_attendees, status, cancel_reason,
            attendance_status, minutes_attended, created_by, created_at, updated_at
          from jsonb_to_recordset(${document}::jsonb) as r(id uuid, site_id uuid, participant_id uuid, episode_id uuid,
            kind text, staff_id uuid, room_id uuid, location text, telehealth boolean, time_zone text,
            starts_at timestamptz, ends_at timestamptz, local_date date, series_id uuid, family_attendees jsonb,
            status text, cancel_reason text, attendance_status text, minutes_attended integer, created_by uuid,
            created_at timestamptz, updated_at timestamptz)`,
    );
  }
}

import { and, asc, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { LeadListQuery } from "../../core/admissions/leads.schema";
import { CLOSED_STAGES } from "../../core/admissions/pipeline.rules";
import { type Queryable, queryRows } from "../db/connection";
import {
  admissionLeadEvents,
  admissionLeads,
  careTeamMembers,
  diagnoses,
  episodes,
  participants,
  programPages,
  screenings,
  sites,
  tracks,
  users,
} from "../db/schema";

export type LeadRow = typeof admissionLeads.$inferSelect;
export type NewLead = typeof admissionLeads.$inferInsert;

export async function insert(q: Queryable, row: NewLead): Promise<string> {
  const rows = await q.insert(admissionLeads).values(row).returning({ id: admissionLeads.id });
  return rows[0]!.id;
}

export async function insertEvent(
  q: Queryable,
  row: {
    leadId: string;
    fromStage: string | null;
    toStage: string;
    note: string | null;
    actorUserId: string | null;
    at: Date;
  },
): Promise<void> {
  await q.insert(admissionLeadEvents).values(row);
}

const uuidList = (ids: readonly string[]) =>
  ids.length === 0
    ? sql`null::uuid`
    : sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      );

export interface LeadListRow {
  lead: LeadRow;
  siteName: string;
  ownerName: string | null;
  total: number;
}

/** Leads of the given sites with the query's filters: due follow-ups first, then the latest changes. */
export async function listForSites(
  q: Queryable,
  siteIds: readonly string[],
  query: LeadListQuery,
  actorUserId: string,
  today: string,
): Promise<LeadListRow[]> {
  const visible = query.siteId ? siteIds.filter((s) => s === query.siteId) : siteIds;
  const closed = sql.join(
    CLOSED_STAGES.map((s) => sql`${s}`),
    sql`, `,
  );
  const conditions: SQL[] = [sql`${admissionLeads.siteId} in (${uuidList(visible)})`];
  if (query.stage === "open") conditions.push(sql`${admissionLeads.stage} not in (${closed})`);
  else if (query.stage !== "all") conditions.push(eq(admissionLeads.stage, query.stage));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(
      sql`(${admissionLeads.personName} ilike ${like} or ${admissionLeads.reference} ilike ${like})`,
    );
  }
  if (query.mine === "true") conditions.push(eq(admissionLeads.ownerUserId, actorUserId));
  if (query.overdue === "true") {
    conditions.push(
      sql`${admissionLeads.nextActionDueOn} < ${today}::date and ${admissionLeads.stage} not in (${closed})`,
    );
  }
  return q
    .select({
      lead: admissionLeads,
      siteName: sites.name,
      ownerName: users.displayName,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(admissionLeads)
    .innerJoin(sites, eq(sites.id, admissionLeads.siteId))
    .leftJoin(users, eq(users.id, admissionLeads.ownerUserId))
    .where(and(...conditions))
    .orderBy(
      sql`${admissionLeads.nextActionDueOn} is null`,
      asc(admissionLeads.nextActionDueOn),
      desc(admissionLeads.stageChangedAt),
      asc(admissionLeads.id),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
}

export async function findById(q: Queryable, id: string, lock = false) {
  const query = q
    .select({ lead: admissionLeads, siteName: sites.name, ownerName: users.displayName })
    .from(admissionLeads)
    .innerJoin(sites, eq(sites.id, admissionLeads.siteId))
    .leftJoin(users, eq(users.id, admissionLeads.ownerUserId))
    .where(eq(admissionLeads.id, id));
  const rows = lock ? await query.for("update", { of: admissionLeads }) : await query;
  return rows[0];
}

export async function listEvents(q: Queryable, leadId: string) {
  return q
    .select({
      fromStage: admissionLeadEvents.fromStage,
      toStage: admissionLeadEvents.toStage,
      note: admissionLeadEvents.note,
      at: admissionLeadEvents.at,
      by: users.displayName,
    })
    .from(admissionLeadEvents)
    .leftJoin(users, eq(users.id, admissionLeadEvents.actorUserId))
    .where(eq(admissionLeadEvents.leadId, leadId))
    .orderBy(asc(admissionLeadEvents.at), asc(admissionLeadEvents.id));
}

export async function update(q: Queryable, id: string, set: Partial<NewLead>): Promise<void> {
  await q.update(admissionLeads).set(set).where(eq(admissionLeads.id, id));
}

export async function referenceExists(q: Queryable, reference: string): Promise<boolean> {
  const rows = await q
    .select({ id: admissionLeads.id })
    .from(admissionLeads)
    .where(eq(admissionLeads.reference, reference));
  return rows.length > 0;
}

export async function listPublicSites(q: Queryable) {
  return q.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name));
}

export async function isActiveStaffAtSite(q: Queryable, userId: string, siteId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    q,
    sql`select exists (select 1 from staff_sites ss join users u on u.id = ss.user_id
          where ss.user_id = ${userId} and ss.site_id = ${siteId} and u.kind = 'staff' and u.disabled_at is null) as ok`,
  );
  return rows[0]?.ok ?? false;
}

export type NewScreening = typeof screenings.$inferInsert;

export async function insertScreening(q: Queryable, row: NewScreening): Promise<string> {
  const rows = await q.insert(screenings).values(row).returning({ id: screenings.id });
  return rows[0]!.id;
}

export async function findLatestScreening(q: Queryable, leadId: string) {
  const rows = await q
    .select({ screening: screenings, by: users.displayName })
    .from(screenings)
    .leftJoin(users, eq(users.id, screenings.screenedBy))
    .where(eq(screenings.leadId, leadId))
    .orderBy(desc(screenings.screenedAt))
    .limit(1);
  return rows[0];
}

export interface DuplicateRow {
  id: string;
  name: string;
  born_on: string;
  site_name: string;
  site_id: string;
  open_since: string | null;
  last_discharged_on: string | null;
  episodes: number;
}

const participantEpisodeFacts = sql`
  (select e.admitted_on::text from episodes e
     where e.participant_id = p.id and e.discharged_on is null order by e.admitted_on desc limit 1) as open_since,
  (select max(e.discharged_on)::text from episodes e where e.participant_id = p.id) as last_discharged_on,
  (select count(*)::int from episodes e where e.participant_id = p.id) as episodes`;

/** People already in the program with the same name and date of birth (case ignored). */
export async function findPossibleDuplicates(
  q: Queryable,
  given: string,
  family: string,
  bornOn: string,
): Promise<DuplicateRow[]> {
  return queryRows<DuplicateRow>(
    q,
    sql`select p.id, p.given_name || ' ' || p.family_name as name, p.born_on::text as born_on, s.name as site_name, p.site_id,
               ${participantEpisodeFacts}
        from participants p join sites s on s.id = p.site_id
        where lower(p.given_name) = lower(${given}) and lower(p.family_name) = lower(${family}) and p.born_on = ${bornOn}::date
        order by p.created_at`,
  );
}

/** One participant with the facts a readmission needs, locked against a concurrent admission. */
export async function findParticipantForReadmission(
  q: Queryable,
  participantId: string,
): Promise<DuplicateRow | undefined> {
  const rows = await queryRows<DuplicateRow>(
    q,
    sql`select p.id, p.given_name || ' ' || p.family_name as name, p.born_on::text as born_on, s.name as site_name, p.site_id,
               ${participantEpisodeFacts}
        from participants p join sites s on s.id = p.site_id
        where p.id = ${participantId}
        for update of p`,
  );
  return rows[0];
}

/** The participant's latest discharged episode (a re-admission follows it), or null. */
export async function findLatestDischargedEpisodeId(
  q: Queryable,
  participantId: string,
): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from episodes where participant_id = ${participantId} and discharged_on is not null
        order by discharged_on desc, admitted_on desc limit 1`,
  );
  return rows[0]?.id ?? null;
}

export async function updateParticipant(
  q: Queryable,
  participantId: string,
  change: Partial<typeof participants.$inferInsert>,
): Promise<void> {
  await q.update(participants).set(change).where(eq(participants.id, participantId));
}

/** Make this staff member the primary counselor; an earlier primary counselor stays as a counselor. */
export async function setPrimaryCounselor(
  q: Queryable,
  participantId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await q
    .update(careTeamMembers)
    .set({ role: "counselor" })
    .where(
      and(
        eq(careTeamMembers.participantId, participantId),
        eq(careTeamMembers.role, "primary_counselor"),
        ne(careTeamMembers.userId, userId),
      ),
    );
  await q
    .insert(careTeamMembers)
    .values({ participantId, userId, role: "primary_counselor", addedAt: at })
    .onConflictDoUpdate({
      target: [careTeamMembers.participantId, careTeamMembers.userId],
      set: { role: "primary_counselor" },
    });
}

/** Put staff on the care team in the given roles (someone already on it takes the new role). */
export async function addCareTeamMembers(
  q: Queryable,
  participantId: string,
  members: readonly { userId: string; role: string }[],
  at: Date,
): Promise<void> {
  for (const { userId, role } of members) {
    await q
      .insert(careTeamMembers)
      .values({ participantId, userId, role, addedAt: at })
      .onConflictDoUpdate({ target: [careTeamMembers.participantId, careTeamMembers.userId], set: { role } });
  }
}

export async function insertParticipant(
  q: Queryable,
  row: typeof participants.$inferInsert,
): Promise<string> {
  const rows = await q.insert(participants).values(row).returning({ id: participants.id });
  return rows[0]!.id;
}

export async function insertEpisode(q: Queryable, row: typeof episodes.$inferInsert): Promise<string> {
  const rows = await q.insert(episodes).values(row).returning({ id: episodes.id });
  return rows[0]!.id;
}

export async function insertDiagnoses(q: Queryable, rows: (typeof diagnoses.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await q.insert(diagnoses).values(rows);
}

export async function findTrackAtSite(q: Queryable, trackId: string, siteId: string) {
  const rows = await q
    .select({ id: tracks.id })
    .from(tracks)
    .where(and(eq(tracks.id, trackId), eq(tracks.siteId, siteId)));
  return rows[0];
}

export async function findProgramPage(q: Queryable, siteId: string) {
  const rows = await q
    .select({
      siteId: sites.id,
      siteName: sites.name,
      timeZone: sites.timeZone,
      bodyMarkdown: programPages.bodyMarkdown,
      updatedAt: programPages.updatedAt,
    })
    .from(sites)
    .leftJoin(programPages, eq(programPages.siteId, sites.id))
    .where(eq(sites.id, siteId));
  return rows[0];
}

/** A location's tracks with what its public program page shows of them. */
export async function listTracksForProgramPage(q: Queryable, siteId: string) {
  return q
    .select({
      name: tracks.name,
      levelOfCare: tracks.levelOfCare,
      audience: tracks.audience,
      telehealth: tracks.telehealth,
      timeZone: tracks.timeZone,
      startsOn: tracks.startsOn,
      endsOn: tracks.endsOn,
      pattern: tracks.pattern,
    })
    .from(tracks)
    .where(eq(tracks.siteId, siteId));
}

export async function upsertProgramPage(
  q: Queryable,
  siteId: string,
  bodyMarkdown: string,
  by: string,
  at: Date,
) {
  await q
    .insert(programPages)
    .values({ siteId, bodyMarkdown, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: programPages.siteId, set: { bodyMarkdown, updatedAt: at, updatedBy: by } });
}

import { type SQL, sql } from "drizzle-orm";
import type { AlertScope } from "../../core/alerts/alerts.rules";
import type {
  AlertAudience,
  AlertKind,
  AlertListQuery,
  AlertSeverity,
  AlertState,
  EvidenceKind,
} from "../../core/alerts/alerts.schema";
import type { Locale } from "../../core/identity/identity.schema";
import { type Queryable, queryRows } from "../db/connection";
import { alertRecipients, alerts } from "../db/schema";

/** The alerts domain's storage: the only place with its SQL (the same on PGlite and PostgreSQL). */

export interface NewAlertRow {
  kind: AlertKind;
  severity: AlertSeverity;
  siteId: string;
  participantId: string;
  reason: string;
  evidenceKind: EvidenceKind;
  evidenceId: string;
  evidenceItem: string | null;
  audience: readonly AlertAudience[];
  breakGlassGrantId: string | null;
  createdAt: Date;
}

/** Insert an alert; undefined when the same finding already has an unresolved alert. */
export async function insertAlert(q: Queryable, row: NewAlertRow): Promise<string | undefined> {
  const rows = await q
    .insert(alerts)
    .values({ ...row, audience: [...row.audience] })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  return rows[0]?.id;
}

export async function findUnresolvedFinding(
  q: Queryable,
  row: Pick<NewAlertRow, "kind" | "participantId" | "evidenceKind" | "evidenceId" | "evidenceItem">,
): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from alerts
        where kind = ${row.kind} and participant_id = ${row.participantId}
          and evidence_kind = ${row.evidenceKind} and evidence_id = ${row.evidenceId}
          and coalesce(evidence_item, '') = ${row.evidenceItem ?? ""} and state <> 'resolved'`,
  );
  return rows[0]?.id;
}

export async function insertRecipients(
  q: Queryable,
  alertId: string,
  userIds: readonly string[],
  addedFor: "raised" | "escalated",
  at: Date,
): Promise<void> {
  if (userIds.length === 0) return;
  await q
    .insert(alertRecipients)
    .values(userIds.map((userId) => ({ alertId, userId, addedFor, addedAt: at })))
    .onConflictDoNothing();
}

export async function findParticipantSite(q: Queryable, participantId: string): Promise<string | undefined> {
  const rows = await queryRows<{ site_id: string }>(
    q,
    sql`select site_id from participants where id = ${participantId}`,
  );
  return rows[0]?.site_id;
}

export interface Contact {
  userId: string;
  email: string;
  locale: Locale;
}

/** The participant's care team and the site's clinical directors (active accounts only), with how to reach them. */
export async function findAudiencePeople(q: Queryable, participantId: string, siteId: string) {
  const careTeam = await queryRows<{ user_id: string; role: string; email: string; locale: Locale }>(
    q,
    sql`select c.user_id, c.role, u.email, u.locale
        from care_team_members c join users u on u.id = c.user_id
        where c.participant_id = ${participantId} and u.disabled_at is null
        order by c.created_at, c.user_id`,
  );
  const directors = await findClinicalDirectors(q, siteId);
  const contacts = new Map<string, Contact>();
  for (const c of [
    ...careTeam.map((r) => ({ userId: r.user_id, email: r.email, locale: r.locale })),
    ...directors,
  ]) {
    contacts.set(c.userId, c);
  }
  return {
    careTeam: careTeam.map((r) => ({ userId: r.user_id, role: r.role })),
    clinicalDirectors: directors.map((d) => d.userId),
    contacts,
  };
}

export async function findClinicalDirectors(q: Queryable, siteId: string): Promise<Contact[]> {
  const rows = await queryRows<{ user_id: string; email: string; locale: Locale }>(
    q,
    sql`select u.id as user_id, u.email, u.locale
        from users u
        join user_roles r on r.user_id = u.id and r.role = 'clinical_director'
        join staff_sites s on s.user_id = u.id and s.site_id = ${siteId}
        where u.disabled_at is null and u.kind = 'staff'
        order by u.id`,
  );
  return rows.map((r) => ({ userId: r.user_id, email: r.email, locale: r.locale }));
}

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The alerts a scope reaches (see core `isWithinAlertScope`), as a condition on `alerts a`. */
function within(scope: AlertScope): SQL {
  if (scope.siteIds.length === 0) return sql`false`;
  const clinical =
    scope.clinical === "site"
      ? sql`a.kind <> 'break_the_glass'`
      : scope.clinical === "caseload"
        ? sql`(a.kind <> 'break_the_glass' and (exists (select 1 from care_team_members c
             where c.participant_id = a.participant_id and c.user_id = ${scope.userId})
             or exists (select 1 from alert_recipients r where r.alert_id = a.id and r.user_id = ${scope.userId})))`
        : sql`false`;
  const breakGlass = scope.breakGlass ? sql`a.kind = 'break_the_glass'` : sql`false`;
  return sql`(a.site_id in (${uuidList(scope.siteIds)}) and (${clinical} or ${breakGlass}))`;
}

const mineOf = (userId: string) =>
  sql`exists (select 1 from alert_recipients r where r.alert_id = a.id and r.user_id = ${userId})`;

export interface AlertRow {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  state: AlertState;
  site_id: string;
  site_name: string;
  participant_id: string;
  participant_name: string;
  reason: string;
  evidence_kind: EvidenceKind;
  evidence_id: string;
  evidence_item: string | null;
  audience: AlertAudience[];
  mine: boolean;
  created_at: Date | string;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  resolved_at: Date | string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolution_note: string | null;
  escalated_at: Date | string | null;
}

const selectAlert = (userId: string) =>
  sql`select a.id, a.kind, a.severity, a.state, a.site_id, s.name as site_name,
        a.participant_id, p.given_name || ' ' || p.family_name as participant_name,
        a.reason, a.evidence_kind, a.evidence_id, a.evidence_item, a.audience,
        ${mineOf(userId)} as mine,
        a.created_at, a.acknowledged_at, a.acknowledged_by, ack.display_name as acknowledged_by_name,
        a.resolved_at, a.resolved_by, res.display_name as resolved_by_name, a.resolution_note, a.escalated_at
      from alerts a
      join participants p on p.id = a.participant_id
      join sites s on s.id = a.site_id
      left join users ack on ack.id = a.acknowledged_by
      left join users res on res.id = a.resolved_by`;

function filters(scope: AlertScope, query: Omit<AlertListQuery, "page" | "pageSize">): SQL {
  const parts: SQL[] = [within(scope)];
  if (query.state === "active") parts.push(sql`a.state <> 'resolved'`);
  else if (query.state !== "all") parts.push(sql`a.state = ${query.state}`);
  if (query.severity) parts.push(sql`a.severity = ${query.severity}`);
  if (query.kind) parts.push(sql`a.kind = ${query.kind}`);
  if (query.participantId) parts.push(sql`a.participant_id = ${query.participantId}`);
  if (query.scope === "mine") parts.push(mineOf(scope.userId));
  return sql.join(parts, sql` and `);
}

/** Open first, then the most pressing, then the newest. */
const ORDER = sql`order by case a.state when 'open' then 0 when 'acknowledged' then 1 else 2 end,
  case a.severity when 'emergency' then 0 when 'urgent' then 1 when 'warning' then 2 else 3 end,
  a.created_at desc, a.id`;

export async function listVisible(q: Queryable, scope: AlertScope, query: AlertListQuery) {
  const where = filters(scope, query);
  const [rows, total] = await Promise.all([
    queryRows<AlertRow>(
      q,
      sql`${selectAlert(scope.userId)} where ${where} ${ORDER}
          limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: number }>(q, sql`select count(*)::int as n from alerts a where ${where}`),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

/** Open (unacknowledged) alerts in the scope by severity, and how many of them are for the actor. */
export async function countOpen(q: Queryable, scope: AlertScope) {
  return queryRows<{ severity: AlertSeverity; n: number; mine: number }>(
    q,
    sql`select a.severity, count(*)::int as n, count(*) filter (where ${mineOf(scope.userId)})::int as mine
        from alerts a where a.state = 'open' and ${within(scope)} group by a.severity`,
  );
}

export async function findVisible(
  q: Queryable,
  scope: AlertScope,
  id: string,
): Promise<AlertRow | undefined> {
  const rows = await queryRows<AlertRow>(
    q,
    sql`${selectAlert(scope.userId)} where a.id = ${id} and ${within(scope)}`,
  );
  return rows[0];
}

/** One alert for a change, locked until the transaction ends, with the participant's care team. */
export async function findForUpdate(q: Queryable, id: string) {
  const rows = await queryRows<{
    id: string;
    kind: AlertKind;
    severity: AlertSeverity;
    state: AlertState;
    site_id: string;
    participant_id: string;
    care_team: string[];
    recipients: string[];
  }>(
    q,
    sql`select a.id, a.kind, a.severity, a.state, a.site_id, a.participant_id,
          coalesce((select array_agg(c.user_id) from care_team_members c where c.participant_id = a.participant_id), '{}') as care_team,
          coalesce((select array_agg(r.user_id) from alert_recipients r where r.alert_id = a.id), '{}') as recipients
        from alerts a where a.id = ${id} for update of a`,
  );
  return rows[0];
}

export async function markAcknowledged(q: Queryable, id: string, userId: string, at: Date): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update alerts set state = 'acknowledged', acknowledged_at = ${at}, acknowledged_by = ${userId}
        where id = ${id} and state = 'open' returning id`,
  );
  return rows.length === 1;
}

export async function markResolved(
  q: Queryable,
  id: string,
  userId: string,
  note: string,
  at: Date,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update alerts set state = 'resolved', resolved_at = ${at}, resolved_by = ${userId}, resolution_note = ${note}
        where id = ${id} and state = 'acknowledged' returning id`,
  );
  return rows.length === 1;
}

export interface EscalationCandidate {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  state: AlertState;
  site_id: string;
  participant_id: string;
  created_at: Date | string;
  escalated_at: Date | string | null;
}

/**
 * Open urgent and emergency alerts created at or before their cutoff and not escalated, locked for
 * this transaction; rows another process is escalating right now are skipped.
 */
export async function claimEscalationCandidates(
  q: Queryable,
  cutoffs: { urgent: Date; emergency: Date },
  limit: number,
): Promise<EscalationCandidate[]> {
  return queryRows<EscalationCandidate>(
    q,
    sql`select id, kind, severity, state, site_id, participant_id, created_at, escalated_at
        from alerts
        where state = 'open' and escalated_at is null and severity in ('urgent', 'emergency')
          and created_at <= case severity when 'emergency' then ${cutoffs.emergency}::timestamptz
                                          else ${cutoffs.urgent}::timestamptz end
        order by created_at, id
        limit ${limit}
        for update skip locked`,
  );
}

export async function markEscalated(q: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update alerts set escalated_at = ${at} where id = ${id} and escalated_at is null and state = 'open' returning id`,
  );
  return rows.length === 1;
}

/**
 * Resolve every unresolved alert of one kind about one item of a participant's record (an overdue
 * questionnaire once it is completed) or one piece of evidence, acknowledging it on the way when
 * nobody had. Returns the ids.
 */
export async function resolveFindings(
  q: Queryable,
  finding: { kind: string; participantId: string; evidenceItem?: string; evidenceId?: string },
  userId: string | null,
  note: string,
  at: Date,
): Promise<string[]> {
  if (finding.evidenceItem === undefined && finding.evidenceId === undefined)
    throw new Error("resolveFindings needs an evidence item or id.");
  const item = finding.evidenceItem === undefined ? sql`` : sql` and evidence_item = ${finding.evidenceItem}`;
  const id = finding.evidenceId === undefined ? sql`` : sql` and evidence_id = ${finding.evidenceId}`;
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update alerts set state = 'resolved',
          acknowledged_at = coalesce(acknowledged_at, ${at}),
          acknowledged_by = coalesce(acknowledged_by, ${userId}::uuid),
          resolved_at = ${at}, resolved_by = ${userId}::uuid, resolution_note = ${note}
        where kind = ${finding.kind} and participant_id = ${finding.participantId}${item}${id}
          and state <> 'resolved'
        returning id`,
  );
  return rows.map((r) => r.id);
}

/** Of the given users, those with an active staff account (the others cannot receive an alert). */
export async function filterActiveStaff(q: Queryable, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from users where id in (${uuidList(userIds)}) and kind = 'staff' and disabled_at is null
        order by id`,
  );
  return rows.map((r) => r.id);
}

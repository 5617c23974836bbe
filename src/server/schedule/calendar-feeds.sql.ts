import { type SQL, sql } from "drizzle-orm";
import {
  CALENDAR_FEED_DETAILS,
  type CalendarFeedSettings,
  DEFAULT_CALENDAR_FEED_SETTINGS,
} from "../../core/schedule/calendar-feed.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import { type Queryable, queryRows } from "../db/connection";
import { calendarFeeds } from "../db/schema";

/** The feeds' storage: one open feed per owner (only the token's HMAC), and the program's setting. */

export type FeedOwnerRef = { staffUserId: string } | { participantId: string };

function ownerCondition(owner: FeedOwnerRef): SQL {
  return "staffUserId" in owner
    ? sql`f.staff_user_id = ${owner.staffUserId}`
    : sql`f.participant_id = ${owner.participantId}`;
}

const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface FeedRow {
  id: string;
  staff_user_id: string | null;
  participant_id: string | null;
  created_at: string;
  created_by: string | null;
  created_by_name: string | null;
  last_used_at: string | null;
}

/** Hold the owner's row to the end of the transaction: one replacement of their feed at a time. */
export async function lockOwner(q: Queryable, owner: FeedOwnerRef): Promise<void> {
  await queryRows(
    q,
    "staffUserId" in owner
      ? sql`select id from users where id = ${owner.staffUserId} for no key update`
      : sql`select id from participants where id = ${owner.participantId} for no key update`,
  );
}

/** The owner's open (not revoked) feed. */
export async function findOpen(q: Queryable, owner: FeedOwnerRef): Promise<FeedRow | undefined> {
  const rows = await queryRows<FeedRow>(
    q,
    sql`select f.id, f.staff_user_id, f.participant_id, ${utc(sql`f.created_at`)} as created_at, f.created_by,
          u.display_name as created_by_name,
          ${utc(sql`f.last_used_at`)} as last_used_at
        from calendar_feeds f left join users u on u.id = f.created_by
        where ${ownerCondition(owner)} and f.revoked_at is null`,
  );
  return rows[0];
}

/** Revoke the owner's open feed; how many were open (0 or 1). */
export async function revokeOpen(q: Queryable, owner: FeedOwnerRef, at: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update calendar_feeds f set revoked_at = ${at.toISOString()}::timestamptz
        where ${ownerCondition(owner)} and f.revoked_at is null
        returning f.id`,
  );
  return rows.map((r) => r.id);
}

export async function insert(
  q: Queryable,
  row: { tokenHash: string; owner: FeedOwnerRef; createdBy: string | null; createdAt: Date },
): Promise<string> {
  const rows = await q
    .insert(calendarFeeds)
    .values({
      tokenHash: row.tokenHash,
      staffUserId: "staffUserId" in row.owner ? row.owner.staffUserId : null,
      participantId: "participantId" in row.owner ? row.owner.participantId : null,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
    })
    .returning({ id: calendarFeeds.id });
  return rows[0]!.id;
}

export interface OpenFeedByToken {
  id: string;
  staff_user_id: string | null;
  participant_id: string | null;
  /** A staff owner's account was deactivated: the feed answers no more. */
  owner_disabled: boolean;
  /** The owner's user account (a staff member, or the participant's own account if they have one). */
  owner_user_id: string | null;
}

export async function findOpenByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<OpenFeedByToken | undefined> {
  const rows = await queryRows<OpenFeedByToken>(
    q,
    sql`select f.id, f.staff_user_id, f.participant_id,
          coalesce(su.disabled_at is not null, false) as owner_disabled,
          coalesce(f.staff_user_id, p.user_id) as owner_user_id
        from calendar_feeds f
          left join users su on su.id = f.staff_user_id
          left join participants p on p.id = f.participant_id
        where f.token_hash = ${tokenHash} and f.revoked_at is null`,
  );
  return rows[0];
}

export async function touch(q: Queryable, id: string, at: Date): Promise<void> {
  await queryRows(
    q,
    sql`update calendar_feeds set last_used_at = ${at.toISOString()}::timestamptz where id = ${id}`,
  );
}

// ---- the program's setting ----------------------------------------------------------------------

const NAMES = {
  detail: "calendar_feed_detail",
  includeVideoLinks: "calendar_feed_video_links",
} as const satisfies Record<keyof CalendarFeedSettings, string>;

/** The program's feed setting; a missing or unreadable value falls back to its (private) default. */
export async function readFeedSettings(q: Queryable): Promise<CalendarFeedSettings> {
  const stored = await readSettings(q, Object.values(NAMES));
  const detail = stored.get(NAMES.detail);
  const videoLinks = stored.get(NAMES.includeVideoLinks);
  return {
    detail: CALENDAR_FEED_DETAILS.find((d) => d === detail) ?? DEFAULT_CALENDAR_FEED_SETTINGS.detail,
    includeVideoLinks:
      videoLinks === "true"
        ? true
        : videoLinks === "false"
          ? false
          : DEFAULT_CALENDAR_FEED_SETTINGS.includeVideoLinks,
  };
}

export async function writeFeedSettings(
  q: Queryable,
  settings: CalendarFeedSettings,
  at: Date,
): Promise<void> {
  await writeSetting(q, NAMES.detail, settings.detail, at);
  await writeSetting(q, NAMES.includeVideoLinks, String(settings.includeVideoLinks), at);
}

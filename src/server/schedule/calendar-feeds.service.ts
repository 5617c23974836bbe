import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { API_PREFIX } from "../../core/platform/http";
import {
  type CalendarFeed,
  type CalendarFeedCreated,
  type CalendarFeedSettings,
  type CalendarFeedStatus,
  FEED_DAYS_AHEAD,
  FEED_DAYS_BACK,
} from "../../core/schedule/calendar-feed.schema";
import { type AuditContext, type AuditEntry, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { type Keyring, newToken } from "../identity/keyring";
import { buildCalendarFeed } from "./calendar-feed.ical";
import * as feeds from "./calendar-feeds.sql";
import { readSessions } from "./calendar-sessions";

/** The keyring purpose of feed tokens: their hashes can never match another kind of token's. */
const TOKEN_PURPOSE = "calendar_feed";

function feedOf(row: feeds.FeedRow): CalendarFeed {
  return {
    id: row.id,
    owner: row.staff_user_id ? "staff" : "participant",
    createdAt: row.created_at,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? "" } : null,
    lastUsedAt: row.last_used_at,
  };
}

/**
 * Personal iCalendar feeds (ADR 0009): create or replace (the URL is shown once), revoke, status;
 * the public read by token; and the program's setting for how much the events say.
 */
export function createCalendarFeedsService(deps: {
  db: Database;
  now: () => Date;
  keyring: Keyring;
  baseUrl: string;
}) {
  const { db, now, keyring, baseUrl } = deps;
  const uidDomain = new URL(baseUrl).hostname;

  /** The signed-in person's own feed: a staff member's, or a participant's; family have none. */
  function ownFeedOf(actor: Actor): feeds.FeedOwnerRef {
    if (actor.user.kind === "staff") return { staffUserId: actor.user.id };
    if (actor.user.kind === "participant" && actor.access.participantId) {
      return { participantId: actor.access.participantId };
    }
    throw new DomainError("AUTH_FORBIDDEN", "Calendar feeds are for staff and participants.");
  }

  async function status(owner: feeds.FeedOwnerRef): Promise<CalendarFeedStatus> {
    const row = await feeds.findOpen(db, owner);
    return { feed: row ? feedOf(row) : null };
  }

  /** Revoke the open feed and open a new one, audited, in one transaction; the URL leaves once. */
  async function replace(
    actor: Actor,
    owner: feeds.FeedOwnerRef,
    context: AuditContext,
    purpose: AuditEntry["purpose"],
  ): Promise<CalendarFeedCreated> {
    const token = newToken();
    const at = now();
    const row = await db.transaction(async (tx) => {
      await feeds.lockOwner(tx, owner);
      const revoked = await feeds.revokeOpen(tx, owner, at);
      const id = await feeds.insert(tx, {
        tokenHash: keyring.hash(TOKEN_PURPOSE, token),
        owner,
        createdBy: actor.user.id,
        createdAt: at,
      });
      await appendAudit(
        tx,
        context,
        {
          action: "calendar_feed.create",
          resourceType: "calendar_feed",
          resourceId: id,
          participantId: "participantId" in owner ? owner.participantId : null,
          purpose,
          details: { replaced: revoked.length },
        },
        at,
      );
      return (await feeds.findOpen(tx, owner))!;
    });
    const url = `${baseUrl.replace(/\/+$/, "")}${API_PREFIX}/calendar-feeds/${token}.ics`;
    return { feed: feedOf(row), url, webcalUrl: url.replace(/^https?:/, "webcal:") };
  }

  async function revoke(
    owner: feeds.FeedOwnerRef,
    context: AuditContext,
    purpose: AuditEntry["purpose"],
  ): Promise<void> {
    const at = now();
    await db.transaction(async (tx) => {
      await feeds.lockOwner(tx, owner);
      const revoked = await feeds.revokeOpen(tx, owner, at);
      await appendAudit(
        tx,
        context,
        {
          action: "calendar_feed.revoke",
          resourceType: "calendar_feed",
          resourceId: revoked[0] ?? null,
          participantId: "participantId" in owner ? owner.participantId : null,
          purpose,
          details: { revoked: revoked.length },
        },
        at,
      );
    });
  }

  const selfPurpose = (owner: feeds.FeedOwnerRef) => ("participantId" in owner ? "self" : "operations");

  return {
    myFeed: (actor: Actor): Promise<CalendarFeedStatus> => status(ownFeedOf(actor)),

    createMyFeed(actor: Actor, context: AuditContext): Promise<CalendarFeedCreated> {
      const owner = ownFeedOf(actor);
      return replace(actor, owner, context, selfPurpose(owner));
    },

    revokeMyFeed(actor: Actor, context: AuditContext): Promise<void> {
      const owner = ownFeedOf(actor);
      return revoke(owner, context, selfPurpose(owner));
    },

    /** A participant's feed, by staff (the route checked schedule access to the participant). */
    participantFeed: (participantId: string): Promise<CalendarFeedStatus> => status({ participantId }),

    createParticipantFeed(actor: Actor, participantId: string, context: AuditContext) {
      return replace(actor, { participantId }, context, "treatment");
    },

    revokeParticipantFeed(participantId: string, context: AuditContext): Promise<void> {
      return revoke({ participantId }, context, "treatment");
    },

    settings: (): Promise<CalendarFeedSettings> => feeds.readFeedSettings(db),

    async updateSettings(input: CalendarFeedSettings, context: AuditContext): Promise<CalendarFeedSettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await feeds.writeFeedSettings(tx, input, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.calendar_feeds_update",
            resourceType: "settings",
            purpose: "operations",
            details: { detail: input.detail, includeVideoLinks: input.includeVideoLinks },
          },
          at,
        );
      });
      return feeds.readFeedSettings(db);
    },

    /**
     * The feed behind a token, as an iCalendar file: a month back to half a year ahead. A wrong,
     * revoked or deactivated owner's token is "not found" and nothing else.
     *
     * Audit: the request carries no session, only the owner's secret, and the calendar app that sends
     * it serves the owner. So each read is recorded as a disclosure of the owner's schedule outside
     * Bridgeway, attributed to the owner's account (actor kind "calendar_feed", with the caller's
     * address): in a participant's access log for a participant's feed, and — when a detailed staff
     * feed names participants — in each named participant's log too.
     */
    async readFeed(token: string, request: Omit<AuditContext, "actorUserId" | "actorKind">): Promise<string> {
      const feed = await feeds.findOpenByTokenHash(db, keyring.hash(TOKEN_PURPOSE, token));
      if (!feed || feed.owner_disabled) throw new DomainError("NOT_FOUND");
      const at = now();
      const today = at.toISOString().slice(0, 10);
      const settings = await feeds.readFeedSettings(db);
      const owner = feed.staff_user_id ? "staff" : "participant";
      const items = await readSessions(
        db,
        feed.staff_user_id
          ? { kind: "staff", staffId: feed.staff_user_id, siteId: null }
          : { kind: "participant", participantId: feed.participant_id! },
        {
          from: addDays(today, -FEED_DAYS_BACK),
          to: addDays(today, FEED_DAYS_AHEAD),
          includeCancelled: true,
        },
        null,
      );
      const body = buildCalendarFeed(items, { owner, settings, stampedAt: at, uidDomain });

      const namedIds =
        owner === "staff" && settings.detail === "detailed"
          ? [...new Set(items.flatMap((i) => (i.appointment ? [i.appointment.participant.id] : [])))]
          : [];
      const entries: AuditEntry[] = [
        {
          action: "calendar_feed.read",
          resourceType: "calendar_feed",
          resourceId: feed.id,
          participantId: feed.participant_id,
          purpose: "disclosure",
          details: { owner, detail: settings.detail, events: items.length },
        },
        ...namedIds.map((participantId) => ({
          action: "calendar_feed.read",
          resourceType: "appointment",
          resourceId: feed.id,
          participantId,
          purpose: "disclosure" as const,
          details: { owner, detail: settings.detail },
        })),
      ];
      await db.transaction(async (tx) => {
        await feeds.touch(tx, feed.id, at);
        await appendAudit(
          tx,
          { ...request, actorUserId: feed.owner_user_id, actorKind: "calendar_feed" },
          entries,
          at,
        );
      });
      return body;
    },
  };
}
export type CalendarFeedsService = ReturnType<typeof createCalendarFeedsService>;

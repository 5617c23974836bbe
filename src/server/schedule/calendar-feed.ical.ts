import ical, { ICalEventStatus } from "ical-generator";
import {
  describeFeedEvent,
  FEED_CALENDAR_NAME,
  type FeedOwner,
} from "../../core/schedule/calendar-feed.rules";
import type { CalendarFeedSettings } from "../../core/schedule/calendar-feed.schema";
import type { SessionItem } from "./calendar-sessions";

/**
 * A personal feed as an iCalendar (RFC 5545) file, written by ical-generator:
 * - times are UTC instants (DTSTART/DTEND with "Z"): correct in every client without VTIMEZONE
 *   blocks, and DST is already resolved by the series' own zone when the instants were computed;
 * - the UID of an event is stable per occurrence (a group session by its track and original key, an
 *   appointment by its row), so a moved or cancelled session replaces the event in a subscribed
 *   calendar instead of adding one;
 * - a cancelled session stays in the feed with STATUS:CANCELLED, so subscribers see it go;
 * - DTSTAMP is when the feed was generated; SEQUENCE grows when a session changes;
 * - what each event says is decided by `describeFeedEvent` under the program's setting.
 * Sessions whose local time does not exist that day (spring forward, not yet fixed) have no instants
 * and are left out.
 */

const MAX_SEQUENCE = 2_147_483_647;

export interface FeedOptions {
  owner: FeedOwner;
  settings: CalendarFeedSettings;
  /** When the feed is generated (DTSTAMP). */
  stampedAt: Date;
  /** The right-hand side of every UID, e.g. the installation's host name. */
  uidDomain: string;
}

function uidOf(item: SessionItem, domain: string): string {
  if (item.group) return `group-${item.group.trackId}-${item.group.occurrenceKey.replace(":", "")}@${domain}`;
  return `appointment-${item.appointment!.id}@${domain}`;
}

/**
 * How many times the session has changed, as clients compare it: a group occurrence with an
 * exception is at 1; an appointment counts the seconds from its booking to its last change (it only
 * grows, and stays within the 32-bit range RFC 5545 allows for years).
 */
function sequenceOf(item: SessionItem): number {
  if (item.group) return item.group.exception ? 1 : 0;
  const { createdAt, updatedAt } = item.appointment!;
  const seconds = Math.floor((Date.parse(updatedAt) - Date.parse(createdAt)) / 1000);
  return Math.min(MAX_SEQUENCE, Math.max(0, seconds));
}

export function buildCalendarFeed(items: readonly SessionItem[], options: FeedOptions): string {
  const calendar = ical({
    prodId: { company: "Bridgeway", product: "Calendar feed", language: "EN" },
    name: FEED_CALENDAR_NAME,
    ttl: 60 * 60,
  });
  for (const item of items) {
    if (item.startsAt === null || item.endsAt === null) continue;
    const text = describeFeedEvent(
      {
        kind: item.kind,
        trackName: item.group?.trackName ?? null,
        participant: item.appointment?.participant ?? null,
        staffNames: item.staff.map((s) => s.name).filter((name) => name !== ""),
        roomName: item.room?.name ?? null,
        telehealth: item.telehealth,
        videoLink: item.videoLink,
        place: item.place,
      },
      options.owner,
      options.settings,
    );
    calendar.createEvent({
      id: uidOf(item, options.uidDomain),
      sequence: sequenceOf(item),
      stamp: options.stampedAt,
      start: new Date(item.startsAt),
      end: new Date(item.endsAt),
      summary: text.summary,
      location: text.location === "" ? null : text.location,
      description: text.description === "" ? null : text.description,
      status: item.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // Every content line ends with CRLF (RFC 5545 §3.1), the last one too.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

import type { SessionKind } from "./calendar.schema";
import type { CalendarFeedSettings } from "./calendar-feed.schema";

/**
 * What one event of a personal calendar feed says, by the program's setting. Pure: the feed's
 * builder passes the session and the setting, and writes the text into the iCalendar file.
 */

export type FeedOwner = "staff" | "participant";

/** The calendar's own name in the subscriber's app: neutral whatever the setting. */
export const FEED_CALENDAR_NAME = "Sessions";

export interface FeedSession {
  kind: SessionKind;
  /** A group's track name (said only in detailed feeds: a name can say "Dual-diagnosis"). */
  trackName: string | null;
  /** An appointment's participant (named only in a detailed staff feed, as first name and initial). */
  participant: { givenName: string; familyName: string } | null;
  /** Who runs the session (in detailed feeds' descriptions). */
  staffNames: readonly string[];
  roomName: string | null;
  telehealth: boolean;
  videoLink: string | null;
  /** A place in words, when the session has neither a room nor video. */
  place: string | null;
}

export interface FeedEventText {
  summary: string;
  location: string;
  description: string;
}

const KIND_LABELS: Record<Exclude<SessionKind, "group">, string> = {
  individual: "Individual session",
  family: "Family session",
};

/** "Robin T.": a first name and the family name's initial. */
export function firstNameAndInitial(person: { givenName: string; familyName: string }): string {
  const given = person.givenName.trim();
  const initial = [...person.familyName.trim()][0]?.toLocaleUpperCase("en") ?? "";
  return initial ? `${given} ${initial}.` : given;
}

function summaryOf(session: FeedSession, owner: FeedOwner, settings: CalendarFeedSettings): string {
  if (settings.detail === "private") {
    return session.kind === "group" ? "Group session" : "Appointment";
  }
  if (session.kind === "group") return session.trackName?.trim() || "Group session";
  const label = KIND_LABELS[session.kind];
  if (owner === "staff" && session.participant)
    return `${label}: ${firstNameAndInitial(session.participant)}`;
  return label;
}

/** The event's title, place and description for a feed of `owner` under the program's `settings`. */
export function describeFeedEvent(
  session: FeedSession,
  owner: FeedOwner,
  settings: CalendarFeedSettings,
): FeedEventText {
  const location = session.roomName ?? (session.telehealth ? "Video session" : session.place?.trim() || "");
  const lines: string[] = [];
  if (settings.detail === "detailed" && session.staffNames.length > 0) {
    lines.push(`With ${session.staffNames.join(", ")}`);
  }
  if (settings.includeVideoLinks && session.telehealth && session.videoLink) {
    lines.push(`Join by video: ${session.videoLink}`);
  }
  return { summary: summaryOf(session, owner, settings), location, description: lines.join("\n") };
}

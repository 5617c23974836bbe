import { VIDEO_LINK_LEAD_MINUTES } from "./today.schema";

/** A session on the participant's schedule, as far as Today needs it. */
export interface ScheduledSession {
  status: "scheduled" | "moved" | "cancelled";
  startsAt: string | null;
  endsAt: string | null;
  telehealth: boolean;
  videoLink: string | null;
}

/**
 * The session to show on Today: the first (in time order) not cancelled that has not ended — one
 * under way counts, so the video link stays at hand while it runs.
 */
export function pickNextSession<T extends ScheduledSession>(sessions: readonly T[], now: Date): T | null {
  const at = now.getTime();
  const open = sessions.filter(
    (s) => s.status !== "cancelled" && s.startsAt !== null && s.endsAt !== null && Date.parse(s.endsAt) > at,
  );
  open.sort((a, b) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!));
  return open[0] ?? null;
}

/** The video link of a telehealth session from VIDEO_LINK_LEAD_MINUTES before it starts until it ends. */
export function videoLinkNow(session: ScheduledSession, now: Date): string | null {
  if (!session.telehealth || !session.videoLink || !session.startsAt) return null;
  const opensAt = Date.parse(session.startsAt) - VIDEO_LINK_LEAD_MINUTES * 60_000;
  return now.getTime() >= opensAt ? session.videoLink : null;
}

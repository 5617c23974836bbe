import type { ErrorCode } from "../platform/errors";
import type { AbsenceStatus } from "./absence-requests.schema";

/** What a session id names: a group occurrence of a track, or an appointment. */
export type SessionTarget =
  | { kind: "group"; trackId: string; occurrenceKey: string }
  | { kind: "appointment"; appointmentId: string };

/** `group:<trackId>:<key>` or `appointment:<id>` (the id has passed the input schema). */
export function parseSessionId(sessionId: string): SessionTarget {
  if (sessionId.startsWith("appointment:")) {
    return { kind: "appointment", appointmentId: sessionId.slice("appointment:".length) };
  }
  const rest = sessionId.slice("group:".length);
  return { kind: "group", trackId: rest.slice(0, 36), occurrenceKey: rest.slice(37) };
}

/** The session as the participant's own schedule has it (undefined: not on their schedule). */
export interface SessionFacts {
  status: "scheduled" | "moved" | "cancelled";
  startsAt: string | null;
}

/**
 * Whether an absence may be asked for: the session is on the participant's schedule, still
 * happening, and has not started yet.
 */
export function checkAbsenceRequest(session: SessionFacts | undefined, now: Date): ErrorCode | null {
  if (!session || session.status === "cancelled") return "ABSENCE_REQUEST_SESSION_NOT_FOUND";
  if (session.startsAt === null || new Date(session.startsAt).getTime() <= now.getTime()) {
    return "ABSENCE_REQUEST_SESSION_PAST";
  }
  return null;
}

/** Only a request waiting for an answer is decided; a pending or approved one may be withdrawn. */
export function canDecide(status: AbsenceStatus): boolean {
  return status === "pending";
}

export function canWithdraw(status: AbsenceStatus): boolean {
  return status === "pending" || status === "approved";
}

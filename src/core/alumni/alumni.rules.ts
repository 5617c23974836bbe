import { Temporal } from "temporal-polyfill";
import type {
  AlumniCheckInInput,
  AlumniStatus,
  ReengagementLevel,
  ReengagementReason,
} from "./alumni.schema";

/** Pure rules of the alumni program (issue 11): no clock, no zone of its own — both are parameters. */

/** The Monday of the week an instant falls in, on the site's calendar (IANA zone). */
export function weekOf(instant: Date, timeZone: string): string {
  const day = Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  return day.subtract({ days: day.dayOfWeek - 1 }).toString();
}

export type MembershipEvent = "discharged" | "opt_out" | "rejoin" | "readmitted";

/**
 * The membership after an event, or null when the event does not apply (the caller refuses it).
 * - a discharge makes a new or readmitted member active; an opted-out person stays opted out;
 * - only an active member opts out; only an opted-out member rejoins;
 * - a re-admission ends any membership as readmitted.
 */
export function nextMembershipStatus(
  current: AlumniStatus | null,
  event: MembershipEvent,
): AlumniStatus | null {
  switch (event) {
    case "discharged":
      return current === "opted_out" ? "opted_out" : "active";
    case "opt_out":
      return current === "active" ? "opted_out" : null;
    case "rejoin":
      return current === "opted_out" ? "active" : null;
    case "readmitted":
      return current === null ? null : "readmitted";
  }
}

export interface Reengagement {
  level: ReengagementLevel;
  reasons: ReengagementReason[];
}

export const HIGH_CRAVING = 8;
export const LOW_MOOD = 1;

/**
 * Whether a weekly check-in asks the care team to reach out: use resumed is urgent; asking for
 * contact, a craving of 8 or more, or the lowest mood is a warning; otherwise nothing.
 */
export function deriveReengagement(
  checkIn: Pick<AlumniCheckInInput, "usedSinceLast" | "wantsContact" | "craving" | "mood">,
): Reengagement {
  const reasons: ReengagementReason[] = [];
  if (checkIn.usedSinceLast) reasons.push("use_resumed");
  if (checkIn.wantsContact) reasons.push("wants_contact");
  if (checkIn.craving >= HIGH_CRAVING) reasons.push("high_craving");
  if (checkIn.mood <= LOW_MOOD) reasons.push("low_mood");
  const level: ReengagementLevel = checkIn.usedSinceLast ? "urgent" : reasons.length > 0 ? "warning" : "none";
  return { level, reasons };
}

const REASON_WORDS: Record<ReengagementReason, string> = {
  use_resumed: "reports use since the last check-in",
  wants_contact: "asks to be contacted",
  high_craving: "reports a strong craving",
  low_mood: "reports the lowest mood",
};

/** The alert's reason in plain words (no answers beyond what the reader needs to open it). */
export function describeReengagement(reasons: readonly ReengagementReason[], week: string): string {
  return `Alumni check-in for the week of ${week}: ${reasons.map((r) => REASON_WORDS[r]).join("; ")}.`;
}

/** Whether one more "going" answer fits the event (null capacity: no limit). */
export function hasRoomFor(capacity: number | null, going: number): boolean {
  return capacity === null || going < capacity;
}

import { Temporal } from "temporal-polyfill";
import type { DischargeReason } from "../participants/episodes.schema";
import {
  FOLLOW_UP_WAVES,
  type FollowUpAnswers,
  type FollowUpCancelReason,
  type FollowUpStatus,
  type FollowUpWave,
} from "./follow-up.schema";

/**
 * The follow-up surveys' calendar and rules (issue 11). Dates are calendar dates on the site's time
 * zone; instants are computed from them with the zone given, never from the machine's clock.
 */

/** How many days after the due date each wave's link is still accepted. */
export const FOLLOW_UP_OPEN_DAYS: Readonly<Record<FollowUpWave, number>> = { 30: 21, 90: 21, 180: 30 };
/** Surveys are emailed from this time on the site's clock on the due day (never at night). */
export const FOLLOW_UP_SEND_FROM = "09:00";
/** Reminders: days after the first email, at most one per entry. */
export const FOLLOW_UP_REMINDER_DAYS = [3, 7] as const;
export const FOLLOW_UP_MAX_REMINDERS = FOLLOW_UP_REMINDER_DAYS.length;

export interface PlannedFollowUp {
  wave: FollowUpWave;
  dueOn: string;
  closesOn: string;
}

function plusDays(isoDate: string, days: number): string {
  return Temporal.PlainDate.from(isoDate).add({ days }).toString();
}

/** The calendar date an instant falls on in an IANA time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/**
 * The three waves of a discharge: due 30, 90 and 180 calendar days after the discharge date (Jan 31
 * + 30 days is Mar 2, or Mar 1 in a leap year), each open for its window. Nothing after a death.
 */
export function planFollowUps(dischargedOn: string, reason: DischargeReason): PlannedFollowUp[] {
  if (reason === "died") return [];
  return FOLLOW_UP_WAVES.map((wave) => {
    const dueOn = plusDays(dischargedOn, wave);
    return { wave, dueOn, closesOn: plusDays(dueOn, FOLLOW_UP_OPEN_DAYS[wave]) };
  });
}

/** The instant a date's sending opens: 09:00 on that date on the site's clock (DST-aware). */
export function sendOpensAt(onDate: string, timeZone: string): Date {
  const zoned = Temporal.PlainDate.from(onDate).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from(FOLLOW_UP_SEND_FROM),
  });
  return new Date(zoned.epochMilliseconds);
}

/** The link is accepted through the whole of its closing date on the site's calendar. */
export function isFollowUpOpen(closesOn: string, at: Date, timeZone: string): boolean {
  return localDateOf(at, timeZone) <= closesOn;
}

export interface SweepSurvey {
  status: FollowUpStatus;
  dueOn: string;
  closesOn: string;
  sentAt: Date | null;
  remindersSent: number;
}

export interface SweepFacts {
  /** The person asked for no more surveys (or was re-admitted, or died): nothing more is sent. */
  optedOut: boolean;
  hasEmail: boolean;
  timeZone: string;
}

export type SweepAction =
  | { kind: "none" }
  | { kind: "send" }
  | { kind: "remind"; reminder: number }
  | { kind: "expire" }
  | { kind: "cancel"; reason: FollowUpCancelReason };

/** When reminder `n` (0-based) of a survey first emailed at `sentAt` may go: 09:00 site time, N days on. */
export function reminderOpensAt(sentAt: Date, n: number, timeZone: string): Date | null {
  const days = FOLLOW_UP_REMINDER_DAYS[n];
  if (days === undefined) return null;
  return sendOpensAt(plusDays(localDateOf(sentAt, timeZone), days), timeZone);
}

/**
 * What the sweep does with one survey now. Scheduled: sent from 09:00 on the due day while open;
 * cancelled `no_email` when it is due and there is no address (staff can still call: the chart says
 * so); expired if its window passed unsent. Sent: a reminder on day 3 and day 7 (at most two, none
 * on a closed window), expired after the closing date. Opted out: cancelled, nothing sent.
 */
export function deriveSweepAction(survey: SweepSurvey, facts: SweepFacts, at: Date): SweepAction {
  if (survey.status !== "scheduled" && survey.status !== "sent") return { kind: "none" };
  const today = localDateOf(at, facts.timeZone);
  if (today > survey.closesOn) return { kind: "expire" };
  if (facts.optedOut) return { kind: "cancel", reason: "opted_out" };
  if (survey.status === "scheduled") {
    if (at.getTime() < sendOpensAt(survey.dueOn, facts.timeZone).getTime()) return { kind: "none" };
    return facts.hasEmail ? { kind: "send" } : { kind: "cancel", reason: "no_email" };
  }
  if (!survey.sentAt || !facts.hasEmail || survey.remindersSent >= FOLLOW_UP_MAX_REMINDERS) {
    return { kind: "none" };
  }
  const opens = reminderOpensAt(survey.sentAt, survey.remindersSent, facts.timeZone);
  if (!opens || at.getTime() < opens.getTime()) return { kind: "none" };
  return { kind: "remind", reminder: survey.remindersSent + 1 };
}

export const REENGAGEMENT_FINDINGS = [
  "use_resumed",
  "self_harm_thoughts",
  "depression_severe",
  "anxiety_severe",
  "homeless",
  "wants_contact",
] as const;
export type ReengagementFinding = (typeof REENGAGEMENT_FINDINGS)[number];

export interface Reengagement {
  findings: ReengagementFinding[];
  severity: "urgent" | "warning" | null;
  /** Plain words for the alert (the reader opens the survey for the answers). */
  reason: string;
}

const FINDING_WORDS: Readonly<Record<ReengagementFinding, string>> = {
  use_resumed: "drinking or drug use in the past 30 days",
  self_harm_thoughts: "thoughts of self-harm (PHQ-9 item 9)",
  depression_severe: "PHQ-9 of 15 or more",
  anxiety_severe: "GAD-7 of 15 or more",
  homeless: "homeless",
  wants_contact: "asks to be contacted",
};

export const SEVERE_SCORE = 15;

/**
 * Re-engagement from a follow-up's answers. Urgent: use resumed while not in treatment, or any
 * self-harm thoughts (PHQ-9 item 9, whose own critical alert the instrument also raises). Warning:
 * use while in treatment, a PHQ-9 or GAD-7 of 15+, homelessness, or a request to be contacted.
 */
export function deriveReengagement(
  wave: FollowUpWave,
  answers: FollowUpAnswers,
  scores: { phq9Total: number | null; phq9Item9: number | null; gad7Total: number | null },
): Reengagement {
  const findings: ReengagementFinding[] = [];
  const useResumed = answers.alcoholDays > 0 || answers.heavyDrinkingDays > 0 || answers.drugDays > 0;
  if (useResumed) findings.push("use_resumed");
  const item9 = (scores.phq9Item9 ?? 0) > 0;
  if (item9) findings.push("self_harm_thoughts");
  if ((scores.phq9Total ?? 0) >= SEVERE_SCORE) findings.push("depression_severe");
  if ((scores.gad7Total ?? 0) >= SEVERE_SCORE) findings.push("anxiety_severe");
  if (answers.housing === "homeless") findings.push("homeless");
  if (answers.wantsContact) findings.push("wants_contact");
  if (findings.length === 0) return { findings, severity: null, reason: "" };
  const urgent = item9 || (useResumed && !answers.inTreatment);
  const words = findings.map((f) =>
    f === "use_resumed" && !answers.inTreatment ? `${FINDING_WORDS[f]}, not in treatment` : FINDING_WORDS[f],
  );
  return {
    findings,
    severity: urgent ? "urgent" : "warning",
    reason: `${wave}-day follow-up survey: ${words.join("; ")}.`,
  };
}

export interface RateRow {
  wave: FollowUpWave;
  status: FollowUpStatus;
  sentAt: Date | null;
}

export interface WaveRate {
  wave: FollowUpWave;
  /** Surveys emailed at least once (whatever happened next). */
  sent: number;
  completed: number;
  expired: number;
  cancelled: number;
  /** Scheduled, not yet due. */
  scheduled: number;
  /** Sent and still open. */
  awaiting: number;
  /** completed / sent, or null when none was sent. */
  rate: number | null;
}

/** Response rates per wave: completed over sent (a survey never sent is not a non-response). */
export function computeResponseRates(rows: readonly RateRow[]): WaveRate[] {
  return FOLLOW_UP_WAVES.map((wave) => {
    const mine = rows.filter((r) => r.wave === wave);
    const count = (status: FollowUpStatus) => mine.filter((r) => r.status === status).length;
    const sent = mine.filter((r) => r.sentAt !== null).length;
    const completed = count("completed");
    return {
      wave,
      sent,
      completed,
      expired: count("expired"),
      cancelled: count("cancelled"),
      scheduled: count("scheduled"),
      awaiting: count("sent"),
      rate: sent === 0 ? null : completed / sent,
    };
  });
}

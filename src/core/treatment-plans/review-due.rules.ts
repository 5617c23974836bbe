import { Temporal } from "temporal-polyfill";
import { REVIEW_TRIGGER_REASONS, type ReviewDue, type ReviewTriggerReason } from "./review.schema";

/**
 * When a plan's next review is due, on the site's calendar. Due dates are calendar dates: a review
 * signed at 23:30 in New York counts from that New York date, whatever the UTC date, and adding days
 * to a date never depends on the length of a day (DST) or of a month.
 */

/** The calendar date an instant falls on in an IANA time zone, e.g. "2026-11-23". */
export function localDateIn(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

function plusDays(isoDate: string, days: number): string {
  return Temporal.PlainDate.from(isoDate).add({ days }).toString();
}

/** Days from one calendar date to another (negative when `to` is earlier). */
function daysFrom(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" }).days;
}

export interface ReviewDueInput {
  /** The completing signature of the plan version in force or of the latest review, whichever is later; null with no signed plan. */
  lastSignedAt: Date | null;
  /** The site's IANA time zone. */
  timeZone: string;
  reviewCycleDays: number;
  dueSoonDays: number;
  /** Early-review triggers raised since the last signature and not yet answered by a review. */
  openTriggers: { reason: ReviewTriggerReason; dueOn: string }[];
  now: Date;
}

/**
 * The next review: due `reviewCycleDays` after the local date of the last signature, or earlier when
 * an open trigger is due first (a trigger due the same day as the cycle gives its reason, being the
 * more specific one). Its state on today's local date: `overdue` after the due date, `due` on it,
 * `due_soon` within `dueSoonDays` before it, else `upcoming`; `none` with no signed plan.
 */
export function computeReviewDue(input: ReviewDueInput): ReviewDue {
  if (input.lastSignedAt === null) return { state: "none", dueOn: null, reason: null };

  let dueOn = plusDays(localDateIn(input.lastSignedAt, input.timeZone), input.reviewCycleDays);
  let reason: ReviewDue["reason"] = "scheduled";
  const triggers = [...input.openTriggers].sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      REVIEW_TRIGGER_REASONS.indexOf(a.reason) - REVIEW_TRIGGER_REASONS.indexOf(b.reason),
  );
  const earliest = triggers[0];
  if (earliest && earliest.dueOn <= dueOn) {
    dueOn = earliest.dueOn;
    reason = earliest.reason;
  }

  const daysLeft = daysFrom(localDateIn(input.now, input.timeZone), dueOn);
  const state =
    daysLeft < 0
      ? "overdue"
      : daysLeft === 0
        ? "due"
        : daysLeft <= input.dueSoonDays
          ? "due_soon"
          : "upcoming";
  return { state, dueOn, reason };
}

/** The date an early review is due: `earlyReviewDays` after the local date the trigger was raised. */
export function earlyReviewDueOn(raisedAt: Date, timeZone: string, earlyReviewDays: number): string {
  return plusDays(localDateIn(raisedAt, timeZone), earlyReviewDays);
}

/** The date a first signed plan is expected: `firstPlanDays` after admission. */
export function firstPlanDueOn(admittedOn: string, firstPlanDays: number): string {
  return plusDays(admittedOn, firstPlanDays);
}

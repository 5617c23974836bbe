import type { DischargeReason } from "../../core/participants/episodes.schema";
import { enrolInAlumni, markAlumniReadmitted } from "../alumni/alumni-enrolment";
import type { Queryable } from "../db/connection";
import { cancelFollowUpsOnReadmission, scheduleFollowUpSurveys } from "../follow-ups/follow-up-schedule";

/** The facts of a discharge just recorded, for the domains that start from it. */
export interface DischargedEpisode {
  participantId: string;
  episodeId: string;
  siteId: string;
  dischargedOn: string;
  reason: DischargeReason;
  /** The site's IANA time zone (follow-ups are due on the site's calendar). */
  timeZone: string;
}

/**
 * What follows a discharge, in the discharge's own transaction: the follow-up surveys at 30, 90 and
 * 180 days are scheduled, and the person joins the alumni program (a lighter app). A death schedules
 * nothing and enrols nobody (each domain decides from the reason).
 */
export async function afterDischarge(q: Queryable, discharged: DischargedEpisode, at: Date): Promise<void> {
  await scheduleFollowUpSurveys(q, discharged, at);
  await enrolInAlumni(q, discharged, at);
}

/** A re-admission: unsent follow-ups of earlier episodes are withdrawn and alumni status ends. */
export async function afterReadmission(
  q: Queryable,
  readmitted: { participantId: string; episodeId: string; previousEpisodeId: string | null },
  at: Date,
): Promise<void> {
  await cancelFollowUpsOnReadmission(q, readmitted, at);
  await markAlumniReadmitted(q, readmitted, at);
}

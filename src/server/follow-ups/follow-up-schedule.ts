import type { Queryable } from "../db/connection";
import type { DischargedEpisode } from "../discharges/after-discharge";

// Placeholder signatures (issue 11): the follow-ups helper implements these.

/** Schedule the 30-, 90- and 180-day follow-up surveys of a discharge (none after a death). */
export async function scheduleFollowUpSurveys(
  _q: Queryable,
  _discharged: DischargedEpisode,
  _at: Date,
): Promise<void> {}

/** Withdraw the unsent follow-ups of earlier episodes when the person is re-admitted. */
export async function cancelFollowUpsOnReadmission(
  _q: Queryable,
  _readmitted: { participantId: string; episodeId: string; previousEpisodeId: string | null },
  _at: Date,
): Promise<void> {}

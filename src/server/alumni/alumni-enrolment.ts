import type { Queryable } from "../db/connection";
import type { DischargedEpisode } from "../discharges/after-discharge";

// Placeholder signatures (issue 11): the alumni helper implements these.

/** Make the discharged person an alumnus (their membership follows their latest discharge). */
export async function enrolInAlumni(
  _q: Queryable,
  _discharged: DischargedEpisode,
  _at: Date,
): Promise<void> {}

/** A re-admitted alumnus is in care again: the membership ends as `readmitted`. */
export async function markAlumniReadmitted(
  _q: Queryable,
  _readmitted: { participantId: string; episodeId: string; previousEpisodeId: string | null },
  _at: Date,
): Promise<void> {}

import type { ParticipantRecord } from "../../../../core/participants/participants.schema";

/** Placeholder (issue 11): the follow-ups helper builds this section of the chart's Discharge tab. */
export function FollowUpsSection(_props: { record: ParticipantRecord }) {
  return null;
}

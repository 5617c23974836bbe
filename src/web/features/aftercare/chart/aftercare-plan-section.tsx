import type { ParticipantRecord } from "../../../../core/participants/participants.schema";

/** Placeholder (issue 11): the aftercare helper builds this section of the chart's Discharge tab. */
export function AftercarePlanSection(_props: { record: ParticipantRecord }) {
  return null;
}

import type { ParticipantRecord } from "../../../core/participants/participants.schema";

/** Placeholder (issue 11): the discharge-summary helper builds this section of the chart's Discharge tab. */
export function DischargeSummarySection(_props: { record: ParticipantRecord }) {
  return null;
}

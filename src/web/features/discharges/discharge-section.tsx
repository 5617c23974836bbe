import type { ParticipantRecord } from "../../../core/participants/participants.schema";

/** Placeholder (issue 11): the discharge helper builds this section of the chart's Discharge tab. */
export function DischargeSection(_props: { record: ParticipantRecord }) {
  return null;
}

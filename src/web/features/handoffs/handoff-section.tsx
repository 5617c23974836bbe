import type { ParticipantRecord } from "../../../core/participants/participants.schema";

/** Placeholder (issue 11): the handoff helper builds this section of the chart's Discharge tab. */
export function HandoffSection(_props: { record: ParticipantRecord }) {
  return null;
}

import type { ParticipantRecord } from "../../../../core/participants/participants.schema";

/** Placeholder (issue 11): the alumni helper builds this section of the chart's Discharge tab. */
export function AlumniSection(_props: { record: ParticipantRecord }) {
  return null;
}

import { Stack } from "@mantine/core";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { AftercarePlanSection } from "../aftercare/chart/aftercare-plan-section";
import { AlumniSection } from "../alumni/chart/alumni-section";
import { DischargeSummarySection } from "../discharge-summaries/discharge-summary-section";
import { FollowUpsSection } from "../follow-ups/chart/follow-ups-section";
import { HandoffSection } from "../handoffs/handoff-section";
import { DischargeSection } from "./discharge-section";

/**
 * The chart's Discharge tab (issue 11), in the order the work happens: readiness and the discharge
 * itself with every episode, the summary, the aftercare plan, the warm handoff, then life after the
 * program (follow-up surveys and alumni).
 */
export function DischargeTab({ record }: { record: ParticipantRecord }) {
  return (
    <Stack gap="xl">
      <DischargeSection record={record} />
      <DischargeSummarySection record={record} />
      <AftercarePlanSection record={record} />
      <HandoffSection record={record} />
      <FollowUpsSection record={record} />
      <AlumniSection record={record} />
    </Stack>
  );
}

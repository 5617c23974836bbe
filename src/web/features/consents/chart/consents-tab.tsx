import { Stack } from "@mantine/core";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { DisclosuresSection } from "../../disclosures/chart/disclosures-section";
import { PrivacyRightsSection } from "../../privacy/chart/privacy-rights-section";
import { ConsentsSection } from "./consents-section";

/**
 * The chart's Consents tab (42 CFR Part 2): the participant's consents, the disclosure log with
 * releases and disclosures without consent, and their rights (restrictions, the Patient Notice).
 */
export function ConsentsTab({ record }: { record: ParticipantRecord }) {
  return (
    <Stack gap="lg">
      <ConsentsSection record={record} />
      <DisclosuresSection record={record} />
      <PrivacyRightsSection record={record} />
    </Stack>
  );
}

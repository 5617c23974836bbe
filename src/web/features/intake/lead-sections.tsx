import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LeadDetail } from "../../../core/admissions/leads.schema";
import { AdmissionForm } from "./admission-form";
import { ScreeningSection } from "./screening-section";

/** Screening, then admission once screened (or the way to the participant once admitted). */
export function LeadSections({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation("intake");
  return (
    <>
      <ScreeningSection key={lead.screening?.id ?? "none"} lead={lead} />
      {(lead.stage === "screened" || lead.stage === "admitted") && (
        <Card withBorder component="section" aria-labelledby="admission-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="admission-title">
              {t("admission.title")}
            </Title>
            {lead.stage === "screened" ? (
              <AdmissionForm lead={lead} />
            ) : (
              <Text>
                {t("admission.admittedTitle")}
                {lead.participantId && (
                  <>
                    {" · "}
                    <Anchor component={Link} to={`/staff/participants/${lead.participantId}`}>
                      {t("admission.openRecord")}
                    </Anchor>
                  </>
                )}
              </Text>
            )}
          </Stack>
        </Card>
      )}
    </>
  );
}

import { Card, Divider, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { useCurrentSession } from "../../identity/api/get-current-session";
import { DisclosureLogTable } from "./disclosure-log-table";
import { ExceptionForm } from "./exception-form";
import { ExceptionsList } from "./exceptions-list";
import { ReleaseForm } from "./release-form";

/**
 * On the chart's Consents tab: the disclosure log (what the participant also sees), and for staff
 * with consents.manage a record release under a consent and disclosures without consent, which the
 * clinical director (disclosures.approve) decides. `?exception=<id>` highlights one (the alert's link).
 */
export function DisclosuresSection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("disclosures");
  const session = useCurrentSession();
  const permissions = session.data?.permissions ?? [];
  const canManage = permissions.includes("consents.manage");
  const canApprove = permissions.includes("disclosures.approve");
  const [params, setParams] = useSearchParams();
  const highlight = params.get("exception");

  useEffect(() => {
    if (highlight) document.getElementById(`exception-${highlight}`)?.scrollIntoView({ block: "center" });
  }, [highlight]);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="disclosures-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="disclosures-title">
            {t("staff.title")}
          </Title>
          <Text size="sm">{t("staff.intro")}</Text>
        </Stack>
        <DisclosureLogTable participantId={record.id} />
        {canManage && (
          <>
            <Divider />
            <ReleaseForm participantId={record.id} />
            <Divider />
            <Stack gap="sm" component="section" aria-labelledby="exceptions-title">
              <Title order={3} size="h5" id="exceptions-title">
                {t("exceptions.title")}
              </Title>
              <Text size="sm">{t("exceptions.intro")}</Text>
              <ExceptionsList
                participantId={record.id}
                canApprove={canApprove}
                myUserId={session.data?.user.id ?? null}
                highlight={highlight}
              />
              <ExceptionForm
                participantId={record.id}
                onFiled={(id) =>
                  setParams(
                    (current) => {
                      const next = new URLSearchParams(current);
                      next.set("exception", id);
                      return next;
                    },
                    { replace: true },
                  )
                }
              />
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
}

import { Card, Divider, Skeleton, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { useMyPermissions } from "../../admin/api/get-my-permissions";
import { NoticeStatusBlock } from "./notice-status-block";
import { RestrictionsBlock } from "./restrictions-block";

/**
 * The Consents tab's "Privacy rights" section: the §2.22 Patient Notice (given? acknowledged? record
 * a paper copy, print it) and the §2.26 restrictions (answer, end, record a request).
 */
export function PrivacyRightsSection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("privacy");
  const permissions = useMyPermissions();
  const [params] = useSearchParams();
  const canManage = (permissions.data ?? []).includes("consents.manage");
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="privacy-rights-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="privacy-rights-title">
          {t("chart.title")}
        </Title>
        {permissions.isPending ? (
          <Skeleton h={80} />
        ) : (
          <>
            <NoticeStatusBlock participantId={record.id} canManage={canManage} />
            <Divider />
            <RestrictionsBlock
              participantId={record.id}
              canManage={canManage}
              highlight={params.get("restriction")}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

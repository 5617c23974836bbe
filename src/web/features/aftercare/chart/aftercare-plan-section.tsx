import { Alert, Button, Card, Group, Modal, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconSignature } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AftercarePlan } from "../../../../core/aftercare/aftercare-plan-api.schema";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { ApiError } from "../../../app/api-client";
import { useMyPermissions } from "../../admin/api/get-my-permissions";
import { formatDateTime } from "../../admin/format";
import { AftercareGaps } from "../aftercare-gaps";
import { AftercarePlanParts } from "../aftercare-plan-parts";
import type { AftercareScope } from "../api/aftercare-scope";
import { useAftercarePlan } from "../api/get-aftercare-plan";
import { useSignAftercarePlan } from "../api/sign-aftercare-plan";

/**
 * The chart's aftercare plan (Discharge tab): the plan the participant co-writes, one form per part
 * (clinical.write), what it still lacks, both signatures, and the clinician's Sign with a confirmation.
 */
export function AftercarePlanSection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("aftercare");
  const permissions = useMyPermissions();
  const granted = permissions.data ?? [];
  const canView = granted.includes("clinical.view");
  const scope: AftercareScope = { kind: "chart", participantId: record.id };
  const query = useAftercarePlan(scope, canView);
  if (permissions.isPending) return <Skeleton h={120} />;
  if (!canView) return null;
  const canWrite = granted.includes("clinical.write");
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="aftercare-plan-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="aftercare-plan-title">
            {t("section.title")}
          </Title>
          <Text c="dimmed">{t("section.intro")}</Text>
        </Stack>
        {query.isPending ? (
          <Skeleton h={160} />
        ) : query.isError ? (
          query.error instanceof ApiError && query.error.code === "AFTERCARE_PLAN_NO_EPISODE" ? (
            <Text>{t("section.noEpisode")}</Text>
          ) : (
            <Alert color="red" role="alert">
              <Group justify="space-between">
                <Text>{t("section.loadFailed")}</Text>
                <Button variant="light" onClick={() => void query.refetch()}>
                  {t("page.retry")}
                </Button>
              </Group>
            </Alert>
          )
        ) : (
          <>
            <Signatures scope={scope} plan={query.data} canSign={canWrite} />
            <AftercareGaps gaps={query.data.gaps} title={t("gaps.title")} headingOrder={3} />
            <AftercarePlanParts scope={scope} plan={query.data} headingOrder={3} canEdit={canWrite} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function Signatures({
  scope,
  plan,
  canSign,
}: {
  scope: AftercareScope;
  plan: AftercarePlan;
  canSign: boolean;
}) {
  const { t, i18n } = useTranslation("aftercare");
  const sign = useSignAftercarePlan(scope);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const blocked = plan.version === 0 || plan.gaps.blocking.length > 0;
  const submit = async () => {
    setError(null);
    try {
      await sign.mutateAsync({ version: plan.version });
      setConfirming(false);
    } catch (e) {
      setConfirming(false);
      setError((e as Error).message);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t("signatures.title")}: {t(`signatures.status_${plan.status}`)}
      </Title>
      <Text>
        {plan.participantSignedAt
          ? t("signatures.participantSigned", { date: when(plan.participantSignedAt) })
          : t("signatures.participantNotSigned")}
      </Text>
      <Text>
        {plan.staffSignedAt
          ? t("signatures.staffSigned", { name: plan.staffSignedBy ?? "", date: when(plan.staffSignedAt) })
          : t("signatures.staffNotSigned")}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {canSign && !plan.staffSignedAt && (
        <>
          {blocked && plan.version > 0 && <Text c="dimmed">{t("signatures.blocked")}</Text>}
          <Button
            leftSection={<IconSignature size={18} aria-hidden />}
            disabled={blocked}
            onClick={() => setConfirming(true)}
            style={{ alignSelf: "flex-start" }}
          >
            {t("signatures.sign")}
          </Button>
        </>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("signatures.signConfirmTitle")}
      >
        <Stack>
          <Text>{t("signatures.signConfirm", { version: plan.version })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("actions.cancel")}
            </Button>
            <Button loading={sign.isPending} onClick={() => void submit()}>
              {t("signatures.signConfirmButton")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

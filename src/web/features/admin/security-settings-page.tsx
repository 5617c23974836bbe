import { Alert, Button, Card, Group, Radio, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SecuritySettings } from "../../../core/identity/accounts.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useSecuritySettings } from "./api/get-security-settings";
import { useUpdateSecuritySettings } from "./api/update-security-settings";
import { ConfirmModal } from "./confirm-modal";
import { LoadError, PageHeader, TableSkeleton } from "./page-states";

/** Security settings: who counselors see, and whether staff must use MFA. Saved after a confirmation. */
export function SecuritySettingsPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("settings.title"));
  const settings = useSecuritySettings();
  const save = useUpdateSecuritySettings();
  const [draft, setDraft] = useState<SecuritySettings | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  const changed =
    draft !== null &&
    settings.data !== undefined &&
    (draft.counselorScope !== settings.data.counselorScope ||
      draft.staffMfaRequired !== settings.data.staffMfaRequired);

  return (
    <Stack maw={720}>
      <PageHeader title={t("settings.title")} />
      {settings.isPending && <TableSkeleton rows={3} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {draft && (
        <Card withBorder padding="lg">
          <Stack>
            <Radio.Group
              label={t("settings.scope.label")}
              description={t("settings.scope.help")}
              value={draft.counselorScope}
              onChange={(value) =>
                setDraft({ ...draft, counselorScope: value as SecuritySettings["counselorScope"] })
              }
            >
              <Stack gap="xs" mt="xs">
                <Radio value="site" label={t("settings.scope.site")} />
                <Radio value="care_team" label={t("settings.scope.careTeam")} />
              </Stack>
            </Radio.Group>
            <Switch
              label={t("settings.mfa.label")}
              description={t("settings.mfa.help")}
              checked={draft.staffMfaRequired}
              onChange={(event) => setDraft({ ...draft, staffMfaRequired: event.currentTarget.checked })}
            />
            {!draft.staffMfaRequired && (
              <Alert color="yellow" variant="light">
                {t("settings.mfa.offWarning")}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={!changed}
                onClick={() => settings.data && setDraft(settings.data)}
              >
                {t("actions.discard")}
              </Button>
              <Button disabled={!changed} onClick={() => setConfirming(true)}>
                {t("actions.save")}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {draft && (
        <ConfirmModal
          opened={confirming}
          title={t("settings.confirm.title")}
          confirmLabel={t("settings.confirm.submit")}
          loading={save.isPending}
          error={save.error}
          onClose={() => {
            setConfirming(false);
            save.reset();
          }}
          onConfirm={() =>
            save.mutate(draft, {
              onSuccess: () => {
                setConfirming(false);
                notifications.show({ color: "green", message: t("settings.saved") });
              },
            })
          }
        >
          <Text>{t("settings.confirm.body")}</Text>
          <Text size="sm">
            {draft.counselorScope === "care_team" ? t("settings.scope.careTeam") : t("settings.scope.site")}
          </Text>
          <Text size="sm">{draft.staffMfaRequired ? t("settings.mfa.on") : t("settings.mfa.off")}</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}

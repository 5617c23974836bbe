import { Alert, Button, Card, Group, Radio, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarFeedSettings } from "../../../core/schedule/calendar-feed.schema";
import { usePageTitle } from "../../app/use-page-title";
import { ConfirmModal } from "../admin/confirm-modal";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { useCalendarFeedSettings, useUpdateCalendarFeedSettings } from "./api/calendar-feed-settings";

/**
 * How much personal calendar feeds say: private (the default: "Group session", "Appointment", the
 * room) or detailed (track names; participants' first names in staff feeds), and whether video
 * links go in. A feed is read on phones and on the calendar provider's servers, so saving says what
 * will show, and asks first.
 */
export function CalendarFeedSettingsPage() {
  const { t } = useTranslation("calendar");
  usePageTitle(t("feedSettings.title"));
  const settings = useCalendarFeedSettings();
  const save = useUpdateCalendarFeedSettings();
  const [draft, setDraft] = useState<CalendarFeedSettings | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  const changed =
    draft !== null &&
    settings.data !== undefined &&
    (draft.detail !== settings.data.detail || draft.includeVideoLinks !== settings.data.includeVideoLinks);
  const revealsMore = draft !== null && (draft.detail === "detailed" || draft.includeVideoLinks);

  return (
    <Stack maw={720}>
      <PageHeader title={t("feedSettings.title")} />
      <Text>{t("feedSettings.intro")}</Text>
      {settings.isPending && <TableSkeleton rows={3} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {draft && (
        <Card withBorder padding="lg">
          <Stack>
            <Radio.Group
              label={t("feedSettings.detail")}
              value={draft.detail}
              onChange={(value) => setDraft({ ...draft, detail: value as CalendarFeedSettings["detail"] })}
            >
              <Stack gap="sm" mt="xs">
                <Radio
                  value="private"
                  label={t("feedSettings.private")}
                  description={t("feedSettings.privateHelp")}
                />
                <Radio
                  value="detailed"
                  label={t("feedSettings.detailed")}
                  description={t("feedSettings.detailedHelp")}
                />
              </Stack>
            </Radio.Group>
            <Switch
              label={t("feedSettings.videoLinks")}
              description={t("feedSettings.videoLinksHelp")}
              checked={draft.includeVideoLinks}
              onChange={(event) => setDraft({ ...draft, includeVideoLinks: event.currentTarget.checked })}
            />
            {revealsMore && (
              <Alert color="yellow" variant="light">
                {t("feedSettings.warning")}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={!changed}
                onClick={() => settings.data && setDraft(settings.data)}
              >
                {t("feedSettings.discard")}
              </Button>
              <Button disabled={!changed} onClick={() => setConfirming(true)}>
                {t("feedSettings.save")}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {draft && (
        <ConfirmModal
          opened={confirming}
          title={t("feedSettings.confirmTitle")}
          confirmLabel={t("feedSettings.confirmSave")}
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
                notifications.show({ color: "green", message: t("feedSettings.saved") });
              },
            })
          }
        >
          <Text>{t("feedSettings.confirmBody")}</Text>
          <Text size="sm">
            {draft.detail === "detailed" ? t("feedSettings.detailed") : t("feedSettings.private")}
          </Text>
          <Text size="sm">
            {draft.includeVideoLinks ? t("feedSettings.videoOn") : t("feedSettings.videoOff")}
          </Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}

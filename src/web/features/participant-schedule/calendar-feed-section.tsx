import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarPlus, IconCheck, IconCopy, IconLinkOff, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarFeedCreated } from "../../../core/schedule/calendar-feed.schema";
import { ConfirmModal } from "../admin/confirm-modal";
import { formatDateTime } from "../admin/format";
import { LoadError, TableSkeleton } from "../admin/page-states";
import { useCreateCalendarFeed } from "./api/create-calendar-feed";
import type { FeedOwner } from "./api/feed-owner";
import { useCalendarFeed } from "./api/get-calendar-feed";
import { useRevokeCalendarFeed } from "./api/revoke-calendar-feed";
import type { Audience } from "./unavailability-section";

/**
 * A personal calendar feed: a secret address a calendar app subscribes to. It is shown once, when
 * made (with a copy button and a webcal link); afterwards only when it was made and last read.
 * Making a new one stops the old address; stopping it makes the address answer nothing.
 */
export function CalendarFeedSection({
  owner,
  audience,
  canChange,
}: {
  owner: FeedOwner;
  audience: Audience;
  canChange: boolean;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const status = useCalendarFeed(owner);
  const create = useCreateCalendarFeed(owner);
  const revoke = useRevokeCalendarFeed(owner);
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [confirming, setConfirming] = useState<"replace" | "revoke" | null>(null);
  const words = `feed.${audience}`;
  const feed = status.data?.feed ?? null;

  const make = () =>
    create.mutate(undefined, {
      onSuccess: (answer) => {
        setCreated(answer);
        setConfirming(null);
      },
      onError: () =>
        notifications.show({
          color: "red",
          message: t(audience === "self" ? "errors.genericSelf" : "errors.generic"),
        }),
    });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`feed-title-${audience}`}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={`feed-title-${audience}`}>
            {t(`${words}.title`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`${words}.intro`)}
          </Text>
        </Stack>

        {created ? (
          <NewAddress created={created} audience={audience} onDone={() => setCreated(null)} />
        ) : status.isPending ? (
          <TableSkeleton rows={1} />
        ) : status.isError ? (
          <LoadError error={status.error} onRetry={() => void status.refetch()} title={t("feed.loadError")} />
        ) : feed ? (
          <Stack gap="xs">
            <Text>
              {t("feed.made", { at: formatDateTime(feed.createdAt, i18n.language) })}
              {feed.createdBy && audience === "staff"
                ? ` ${t("feed.madeBy", { name: feed.createdBy.name })}`
                : ""}
              {" · "}
              {feed.lastUsedAt
                ? t("feed.lastRead", { at: formatDateTime(feed.lastUsedAt, i18n.language) })
                : t("feed.neverRead")}
            </Text>
            {canChange && (
              <Group gap="xs">
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  onClick={() => setConfirming("replace")}
                >
                  {t("feed.replace")}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconLinkOff size={16} aria-hidden />}
                  onClick={() => setConfirming("revoke")}
                >
                  {t("feed.revoke")}
                </Button>
              </Group>
            )}
          </Stack>
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text>{t(`${words}.none`)}</Text>
            {canChange && (
              <Button
                leftSection={<IconCalendarPlus size={18} aria-hidden />}
                loading={create.isPending}
                onClick={make}
              >
                {t(`${words}.create`)}
              </Button>
            )}
          </Stack>
        )}
      </Stack>

      <ConfirmModal
        opened={confirming === "replace"}
        title={t("feed.replaceTitle")}
        confirmLabel={t("feed.replaceConfirm")}
        loading={create.isPending}
        error={create.error}
        onClose={() => setConfirming(null)}
        onConfirm={make}
      >
        {t(`${words}.replaceBody`)}
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === "revoke"}
        title={t("feed.revokeTitle")}
        confirmLabel={t("feed.revokeConfirm")}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          revoke.reset();
          setConfirming(null);
        }}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setConfirming(null);
              notifications.show({ color: "green", message: t("feed.revoked") });
            },
          })
        }
      >
        {t(`${words}.revokeBody`)}
      </ConfirmModal>
    </Card>
  );
}

/** The address, this once: copy it, or open it in the device's calendar app (webcal). */
function NewAddress({
  created,
  audience,
  onDone,
}: {
  created: CalendarFeedCreated;
  audience: Audience;
  onDone: () => void;
}) {
  const { t } = useTranslation("participantSchedule");
  return (
    <Alert color="teal" variant="light" role="status" title={t(`feed.${audience}.createdTitle`)}>
      <Stack gap="sm">
        <Text size="sm">{t(`feed.${audience}.createdBody`)}</Text>
        <TextInput
          label={t("feed.address")}
          value={created.url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: "monospace" } }}
        />
        <Group gap="xs">
          <CopyButton value={created.url}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                variant={copied ? "light" : "filled"}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
              >
                {copied ? t("feed.copied") : t("feed.copy")}
              </Button>
            )}
          </CopyButton>
          <Button
            component="a"
            href={created.webcalUrl}
            variant="default"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
          >
            {t("feed.openInApp")}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t("feed.done")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

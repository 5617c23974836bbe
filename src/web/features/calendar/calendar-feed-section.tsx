import {
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconCalendarPlus, IconCheck, IconCopy } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarFeedCreated } from "../../../core/schedule/calendar-feed.schema";
import { useSession } from "../../app/require-session";
import { useCreateMyCalendarFeed } from "./api/create-my-calendar-feed";
import { useMyCalendarFeed } from "./api/get-my-calendar-feed";
import { useRevokeMyCalendarFeed } from "./api/revoke-my-calendar-feed";

type Confirming = "replace" | "revoke" | null;

/** One address to copy: read-only, selectable, with its copy button. */
function CopyField({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const { t } = useTranslation("calendar");
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        style={{ flex: 1, minWidth: 0 }}
        onFocus={(e) => e.currentTarget.select()}
        classNames={{ input: "feed-url" }}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? "light" : "default"}
            color={copied ? "teal" : undefined}
            leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            onClick={copy}
            aria-label={copied ? t("feed.copied") : copyLabel}
          >
            {copied ? t("feed.copied") : t("feed.copy")}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The address just made: shown this once, with copy buttons and the link that opens a calendar app. */
function NewAddress({ created }: { created: CalendarFeedCreated }) {
  const { t } = useTranslation("calendar");
  return (
    <Alert color="teal" variant="light" title={t("feed.newTitle")} role="status">
      <Stack gap="sm">
        <Text size="sm">{t("feed.newBody")}</Text>
        <CopyField label={t("feed.url")} value={created.url} copyLabel={t("feed.copyUrl")} />
        <CopyField label={t("feed.webcalUrl")} value={created.webcalUrl} copyLabel={t("feed.copyWebcal")} />
        <Group>
          <Button
            component="a"
            href={created.webcalUrl}
            variant="filled"
            leftSection={<IconCalendarPlus size={18} aria-hidden />}
          >
            {t("feed.open")}
          </Button>
        </Group>
        <Text size="sm">{t("feed.howTo")}</Text>
      </Stack>
    </Alert>
  );
}

/**
 * "Subscribe in your calendar app": my sessions as a calendar feed behind a secret address. Making
 * it shows the address once (with copy buttons and a webcal link); it can be replaced (the old
 * address stops working) or revoked, each after a confirmation; when a calendar app last read it is
 * shown. For staff who have a schedule and for participants.
 */
export function CalendarFeedSection() {
  const { user, permissions } = useSession();
  const eligible =
    user.kind === "participant" || (user.kind === "staff" && permissions.includes("schedule.view"));
  return eligible ? <FeedSection userId={user.id} /> : null;
}

function FeedSection({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation("calendar");
  const titleId = useId();
  const feed = useMyCalendarFeed();
  const create = useCreateMyCalendarFeed();
  const revoke = useRevokeMyCalendarFeed();
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const current = feed.data?.feed ?? null;

  const make = () =>
    create.mutate(undefined, {
      onSuccess: (made) => {
        setCreated(made);
        setConfirming(null);
      },
    });
  const close = () => {
    setConfirming(null);
    create.reset();
    revoke.reset();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Stack>
        <Title order={2} size="h3" id={titleId}>
          {t("feed.title")}
        </Title>
        <Text>{t("feed.intro")}</Text>
        <Text size="sm">{t("feed.secret")}</Text>
        {feed.isPending && <Skeleton h={48} />}
        {feed.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t("feed.loadError")}
            <Button mt="sm" display="block" variant="default" onClick={() => void feed.refetch()}>
              {t("feed.retry")}
            </Button>
          </Alert>
        )}
        {created && current && created.feed.id === current.id && <NewAddress created={created} />}
        {feed.isSuccess && current === null && (
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("feed.none")}</Text>
            <Button onClick={make} loading={create.isPending && confirming === null}>
              {t("feed.create")}
            </Button>
          </Stack>
        )}
        {current && (
          <Stack gap="xs">
            <Text size="sm">
              {current.createdBy && current.createdBy.id !== userId
                ? t("feed.createdBy", { when: when(current.createdAt), name: current.createdBy.name })
                : t("feed.created", { when: when(current.createdAt) })}
            </Text>
            <Text size="sm">
              {current.lastUsedAt
                ? t("feed.lastUsed", { when: when(current.lastUsedAt) })
                : t("feed.neverUsed")}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => setConfirming("replace")}>
                {t("feed.replace")}
              </Button>
              <Button variant="light" color="red" onClick={() => setConfirming("revoke")}>
                {t("feed.revoke")}
              </Button>
            </Group>
          </Stack>
        )}
        {create.isError && confirming === null && (
          <Alert color="red" variant="light" role="alert">
            {t("feed.failed")}
          </Alert>
        )}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={close}
        title={confirming === "revoke" ? t("feed.revokeTitle") : t("feed.replaceTitle")}
        centered
      >
        <Stack>
          <Text>{confirming === "revoke" ? t("feed.revokeBody") : t("feed.replaceBody")}</Text>
          {(create.isError || revoke.isError) && (
            <Alert color="red" variant="light" role="alert">
              {t("feed.failed")}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("feed.keep")}
            </Button>
            {confirming === "revoke" ? (
              <Button
                color="red"
                loading={revoke.isPending}
                onClick={() =>
                  revoke.mutate(undefined, {
                    onSuccess: () => {
                      setCreated(null);
                      setConfirming(null);
                    },
                  })
                }
              >
                {t("feed.revokeConfirm")}
              </Button>
            ) : (
              <Button loading={create.isPending} onClick={make}>
                {t("feed.replaceConfirm")}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronRight } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Restriction } from "../../../../core/privacy/restriction.schema";
import { usePageTitle } from "../../../app/use-page-title";
import { formatDateTime } from "../../admin/format";
import { useEndMyRestriction } from "../api/end-my-restriction";
import { useMyNoticeStatus } from "../api/get-my-notice-status";
import { useMyRestrictions } from "../api/get-my-restrictions";
import { useRequestRestriction } from "../api/request-restriction";
import { RestrictionForm } from "../components/restriction-form";
import { RestrictionSummary } from "../components/restriction-summary";

/** One place in the hub: a card that links to a page of its own. */
function HubLink({ to, title, body, extra }: { to: string; title: string; body: string; extra?: string }) {
  return (
    <Card withBorder padding="md" component="li">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2}>
          <Anchor component={Link} to={to} fw={700} size="lg">
            {title}
          </Anchor>
          <Text size="sm">{body}</Text>
          {extra && (
            <Text size="sm" fw={600}>
              {extra}
            </Text>
          )}
        </Stack>
        <IconChevronRight aria-hidden size={20} />
      </Group>
    </Card>
  );
}

function NoticeCard() {
  const { t, i18n } = useTranslation("privacy");
  const status = useMyNoticeStatus();
  const acknowledged = status.data?.deliveries.find(
    (d) => d.noticeVersion === status.data?.currentVersion && d.acknowledgement === "signed",
  );
  const extra = status.isPending
    ? undefined
    : acknowledged?.acknowledgedAt
      ? t("hub.noticeAcknowledged", { date: formatDateTime(acknowledged.acknowledgedAt, i18n.language) })
      : status.data?.standing === "older_version"
        ? t("hub.noticeNewVersion")
        : t("hub.noticeToAcknowledge");
  return (
    <HubLink to="/me/privacy/notice" title={t("hub.noticeTitle")} body={t("hub.noticeBody")} extra={extra} />
  );
}

function EndRestriction({ restriction }: { restriction: Restriction }) {
  const { t } = useTranslation("privacy");
  const end = useEndMyRestriction();
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (statement.trim() === "") {
      setError(t("restrictions.errors.statement"));
      return;
    }
    end.mutate(
      { id: restriction.id, statement: statement.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          notifications.show({ color: "green", message: t("restrictions.ended") });
        },
      },
    );
  };
  return (
    <>
      <Button variant="default" size="sm" onClick={() => setOpen(true)}>
        {t("restrictions.end")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("restrictions.endTitle")}>
        <Stack>
          <Text>{t("restrictions.endBody")}</Text>
          <Textarea
            label={t("restrictions.statement")}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={statement}
            error={error}
            onChange={(event) => {
              setStatement(event.currentTarget.value);
              setError(null);
            }}
          />
          {end.isError && (
            <Alert color="red" role="alert">
              {end.error.message}
            </Alert>
          )}
          <Group>
            <Button color="red" loading={end.isPending} onClick={confirm}>
              {t("restrictions.endConfirm")}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)} disabled={end.isPending}>
              {t("restrictions.cancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function RestrictionsSection() {
  const { t } = useTranslation("privacy");
  const restrictions = useMyRestrictions();
  const request = useRequestRestriction();
  const [asking, setAsking] = useState(false);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="restrictions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="restrictions-title">
          {t("restrictions.title")}
        </Title>
        <Text>{t("restrictions.intro")}</Text>
        {restrictions.isPending ? (
          <Skeleton h={60} />
        ) : restrictions.isError ? (
          <Alert color="red" role="alert">
            {t("restrictions.loadError")}
          </Alert>
        ) : restrictions.data.restrictions.length === 0 ? (
          <Text c="dimmed">{t("restrictions.empty")}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {restrictions.data.restrictions.map((r) => (
              <Card key={r.id} component="li" withBorder padding="sm">
                <RestrictionSummary restriction={r}>
                  {r.status === "agreed" && (
                    <Group>
                      <EndRestriction restriction={r} />
                    </Group>
                  )}
                </RestrictionSummary>
              </Card>
            ))}
          </Stack>
        )}
        {asking ? (
          <RestrictionForm
            pending={request.isPending}
            onCancel={() => setAsking(false)}
            onSubmit={(input) =>
              request.mutateAsync(input).then((created) => {
                setAsking(false);
                notifications.show({
                  color: "green",
                  message: t(created.status === "agreed" ? "restrictions.sentSelfPaid" : "restrictions.sent"),
                });
              })
            }
          />
        ) : (
          <Group>
            <Button onClick={() => setAsking(true)}>{t("restrictions.ask")}</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/**
 * /me/privacy — "Your privacy": the Patient Notice (read and acknowledge), the people the participant
 * shares with, their consents, who has seen their information, requests not to share, and how to
 * complain. Phone first.
 */
export function PrivacyPage() {
  const { t } = useTranslation("privacy");
  usePageTitle(t("hub.title"));
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("hub.title")}</Title>
        <Text>{t("hub.intro")}</Text>
      </Stack>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        <NoticeCard />
        <HubLink to="/me/sharing" title={t("hub.sharingTitle")} body={t("hub.sharingBody")} />
        <HubLink to="/me/consents" title={t("hub.consentsTitle")} body={t("hub.consentsBody")} />
        <HubLink to="/me/disclosures" title={t("hub.disclosuresTitle")} body={t("hub.disclosuresBody")} />
      </Stack>
      <RestrictionsSection />
      <Card withBorder padding="md" component="section" aria-labelledby="complaints-title">
        <Title order={2} size="h3" id="complaints-title">
          {t("hub.complaintsTitle")}
        </Title>
        <Text mt="xs">{t("hub.complaintsBody")}</Text>
      </Card>
    </Stack>
  );
}

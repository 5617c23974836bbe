import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DisclosureLogEntry } from "../../../../core/disclosures/disclosure.schema";
import { usePageTitle } from "../../../app/use-page-title";
import { useMyDisclosures } from "../api/get-my-disclosures";
import { groupByMonth, whyKey } from "../disclosure-words";

/**
 * "Who has seen my information" (/me/disclosures): every disclosure of the participant's record, in
 * plain words and grouped by month — who received it, what, why and when. Phone first.
 */
export function MyDisclosuresPage() {
  const { t, i18n } = useTranslation("disclosures");
  usePageTitle(t("me.title"));
  const log = useMyDisclosures();
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const total = log.data?.pages[0]?.total ?? 0;
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("me.title")}</Title>
        <Text>{t("me.intro")}</Text>
      </Stack>
      {log.isPending ? (
        <Stack aria-label={t("me.loading")} aria-busy>
          <Skeleton h={90} />
          <Skeleton h={90} />
        </Stack>
      ) : log.isError ? (
        <Alert color="red" role="alert" title={t("me.error")}>
          <Button mt="xs" variant="default" onClick={() => void log.refetch()}>
            {t("me.retry")}
          </Button>
        </Alert>
      ) : entries.length === 0 ? (
        <Card withBorder padding="lg">
          <Title order={2} size="h4">
            {t("me.emptyTitle")}
          </Title>
          <Text mt="xs">{t("me.empty")}</Text>
        </Card>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {t("me.count", { count: total })}
          </Text>
          {groupByMonth(entries, i18n.language).map((month) => (
            <Stack key={month.key} gap="sm" component="section" aria-labelledby={`month-${month.key}`}>
              <Title order={2} size="h4" id={`month-${month.key}`}>
                {month.label}
              </Title>
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
                {month.entries.map((entry) => (
                  <EntryCard key={entry.id} entry={entry} />
                ))}
              </Stack>
            </Stack>
          ))}
          {log.hasNextPage && (
            <Button
              variant="default"
              loading={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t("me.more")}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

function EntryCard({ entry }: { entry: DisclosureLogEntry }) {
  const { t, i18n } = useTranslation("disclosures");
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeStyle: "short" }).format(
    new Date(entry.disclosedAt),
  );
  const by =
    entry.disclosedByName === null
      ? null
      : entry.channel === "family_portal"
        ? t("me.viewedBy", { name: entry.disclosedByName })
        : t("me.sentBy", { name: entry.disclosedByName });
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700}>{t("me.sharedWith", { recipient: entry.recipientName })}</Text>
          {entry.basis !== "consent" && (
            <Badge color="orange" variant="light" tt="none">
              {t(`basis.${entry.basis}`)}
            </Badge>
          )}
        </Group>
        {by && <Text size="sm">{by}</Text>}
        <Text size="sm">
          <Text span fw={600}>
            {t("me.what")}:{" "}
          </Text>
          {entry.information.length > 0
            ? entry.information.map((scope) => t(`scopes.${scope}`)).join(", ")
            : "—"}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t("me.why")}:{" "}
          </Text>
          {t(`why.${whyKey(entry)}`)}
          {entry.basis !== "consent" && ` ${t("me.withoutConsent")}.`}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t("me.when")}:{" "}
          </Text>
          <time dateTime={entry.disclosedAt}>{when}</time>
        </Text>
      </Stack>
    </Card>
  );
}

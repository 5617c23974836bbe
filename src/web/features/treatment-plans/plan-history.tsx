import { Alert, Badge, Button, Card, Loader, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VersionSummary } from "../../../core/treatment-plans/plan-api.schema";
import { formatDate } from "../admin/format";
import { ScrollTable } from "../admin/page-states";
import { useVersionDiff } from "./api/get-version-diff";
import { formatInstantDate } from "./plan-format";

export const VERSION_STATUS_COLOR = {
  draft: "gray",
  awaiting_signatures: "yellow",
  signed: "green",
  superseded: "gray",
} as const;

const CHANGE_COLOR = { added: "green", removed: "red", changed: "blue" } as const;

/** The changes between a version and the one before it, as a readable list. */
function VersionDiff({
  planId,
  version,
  previous,
}: {
  planId: string;
  version: VersionSummary;
  previous: VersionSummary;
}) {
  const { t } = useTranslation("treatmentPlans");
  const diff = useVersionDiff({ planId, versionId: version.id, againstId: previous.id });
  const titleId = `diff-${version.id}`;
  if (diff.isPending) return <Loader size="sm" aria-label={t("states.loading")} />;
  if (diff.isError)
    return (
      <Alert color="red" role="alert">
        {t("history.diffError")}
      </Alert>
    );
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={titleId}>
      <Title order={4} size="h6" id={titleId} mb="xs">
        {t("history.diffTitle", { from: diff.data.from.number, to: diff.data.to.number })}
      </Title>
      {diff.data.changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("history.noChanges")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {diff.data.changes.map((change) => (
            <li key={`${change.kind}:${change.path}`}>
              <Badge size="sm" variant="light" color={CHANGE_COLOR[change.kind]} mr="xs">
                {t(`history.${change.kind}`)}
              </Badge>
              <Text span size="sm" fw={600}>
                {change.label}
              </Text>
              {change.before !== null && (
                <Text size="sm" c="dimmed" td={change.kind === "removed" ? "line-through" : undefined}>
                  {t("history.before", { text: change.before })}
                </Text>
              )}
              {change.after !== null && <Text size="sm">{t("history.after", { text: change.after })}</Text>}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Every version, newest first: number, status, start and signing dates; each compared with the one before. */
export function PlanHistory({ planId, versions }: { planId: string; versions: readonly VersionSummary[] }) {
  const { t, i18n } = useTranslation("treatmentPlans");
  const [comparing, setComparing] = useState<string | null>(null);
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  const shown = versions.find((v) => v.id === comparing);
  const previousOf = (v: VersionSummary) => byNumber.get(v.number - 1);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="plan-history-title">
      <Title order={3} size="h5" id="plan-history-title" mb="xs">
        {t("history.title")}
      </Title>
      <ScrollTable label={t("history.title")} minWidth={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("history.number")}</Table.Th>
            <Table.Th scope="col">{t("history.status")}</Table.Th>
            <Table.Th scope="col">{t("history.startsOn")}</Table.Th>
            <Table.Th scope="col">{t("history.signedOn")}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t("history.compare")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => {
            const previous = previousOf(v);
            const open = comparing === v.id;
            return (
              <Table.Tr key={v.id}>
                <Table.Td>{v.number}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={VERSION_STATUS_COLOR[v.status]}>
                    {t(`versionStatus.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(v.startsOn, i18n.language)}</Table.Td>
                <Table.Td>
                  {v.signedAt ? formatInstantDate(v.signedAt, i18n.language) : t("history.notSigned")}
                </Table.Td>
                <Table.Td>
                  {previous && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-expanded={open}
                      onClick={() => setComparing(open ? null : v.id)}
                    >
                      {open ? t("history.hide") : t("history.compare")}
                      <VisuallyHidden>{t("history.ofVersion", { number: v.number })}</VisuallyHidden>
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      {shown && previousOf(shown) && (
        <VersionDiff planId={planId} version={shown} previous={previousOf(shown) as VersionSummary} />
      )}
    </Card>
  );
}

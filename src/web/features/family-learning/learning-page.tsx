import { Alert, Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconInfoCircle, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  FAMILY_MODULE_KEYS,
  type ModuleProgress,
} from "../../../core/family-learning/family-learning.schema";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { useLearning } from "./api/get-learning";
import { learnPath, useFamilyContent } from "./family-content";

/**
 * "Learning for families": the nine modules in reading order with the family member's own progress
 * ("3 of 9 done"). The content is part of the app; only progress comes from the server.
 */
export function LearningPage() {
  const { t } = useTranslation("familyLearning");
  usePageTitle(t("learn.title"));
  const { modules } = useFamilyContent();
  const learning = useLearning();
  const progress = new Map<string, ModuleProgress>(
    (learning.data?.modules ?? []).map((m) => [m.moduleKey, m]),
  );
  const total = FAMILY_MODULE_KEYS.length;
  const done = learning.data?.completedCount ?? 0;

  return (
    <Stack>
      <Title order={1}>{t("learn.title")}</Title>
      <Text>{t("learn.intro")}</Text>
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
        <Stack gap="xs">
          <Text size="sm">{t("learn.general")}</Text>
          <Text size="sm">
            <strong>{t("learn.whyLabel")}</strong> {t("learn.why")}
          </Text>
        </Stack>
      </Alert>
      <Group gap="xs" wrap="nowrap">
        <IconLock size={18} aria-hidden />
        <Text size="sm">{t("learn.private")}</Text>
      </Group>

      {learning.isError && (
        <LoadError
          error={learning.error}
          title={t("learn.loadError")}
          onRetry={() => void learning.refetch()}
        />
      )}
      {learning.data && (
        <Stack gap={4}>
          <Text fw={600}>{t("learn.progress", { done, total })}</Text>
          {/* The words above say it; the bar is for the eye. */}
          <Progress value={(done / total) * 100} aria-hidden />
        </Stack>
      )}

      <Title order={2} size="h3">
        {t("learn.listTitle")}
      </Title>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {FAMILY_MODULE_KEYS.map((key, index) => {
          const content = modules[key];
          const mine = progress.get(key);
          const status = !learning.data
            ? null
            : mine?.completed
              ? "done"
              : mine?.exerciseAnswer
                ? "started"
                : "new";
          return (
            <Card key={key} component="li" withBorder padding="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={2}>
                  <Text size="sm" c="dimmed">
                    {t("learn.moduleNumber", { n: index + 1 })}
                  </Text>
                  <Anchor component={Link} to={learnPath(key)} fw={600} size="lg">
                    {content.title}
                  </Anchor>
                  <Text size="sm">{content.summary}</Text>
                </Stack>
                {status === "done" && (
                  <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>
                    {t("learn.statusDone")}
                  </Badge>
                )}
                {status === "started" && (
                  <Badge color="blue" variant="light">
                    {t("learn.statusStarted")}
                  </Badge>
                )}
                {status === "new" && (
                  <Badge color="gray" variant="outline">
                    {t("learn.statusNew")}
                  </Badge>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}

import { Anchor, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../app/api-client";
import { useSession } from "../../app/require-session";
import { useModules } from "./api/get-modules";
import { usePlanSessionModule, useSessionModule } from "./api/session-module";
import { moduleLanguageOf } from "./curriculum-words";

/**
 * The module a group session is planned with, on the session's page: those who manage the schedule
 * choose it from the library (or clear it); others read it. Nothing shows until it has loaded, nor when the reader may not see it.
 */
export function SessionModulePicker({ trackId, occurrenceKey }: { trackId: string; occurrenceKey: string }) {
  const { t, i18n } = useTranslation("curriculum");
  const headingId = useId();
  const { permissions } = useSession();
  const canPlan = permissions.includes("schedule.manage");
  const language = moduleLanguageOf(i18n.language);
  const planned = useSessionModule(trackId, occurrenceKey);
  const library = useModules({ language, category: null, audience: null, includeArchived: false });
  const plan = usePlanSessionModule(trackId, occurrenceKey);
  if (!planned.data) return null;
  const current = planned.data.planned;
  const options = (library.data?.modules ?? []).map((m) => ({ value: m.key, label: m.title }));
  if (current && !options.some((o) => o.value === current.moduleKey)) {
    options.unshift({ value: current.moduleKey, label: current.title[language] });
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {t("session.title")}
        </Title>
        {canPlan ? (
          <Select
            label={t("session.choose")}
            placeholder={t("session.none")}
            data={options}
            value={current?.moduleKey ?? null}
            onChange={(value) => plan.mutate(value)}
            searchable
            clearable
            disabled={plan.isPending}
            nothingFoundMessage={t("library.empty")}
            maw={480}
          />
        ) : (
          !current && <Text c="dimmed">{t("session.none")}</Text>
        )}
        {current && (
          <Group gap="xs">
            <Anchor component={Link} to={`/staff/curriculum/${current.moduleKey}`}>
              {t("session.open", { title: current.title[language] })}
            </Anchor>
          </Group>
        )}
        {plan.isError && (
          <Text c="red" size="sm" role="alert">
            {plan.error instanceof ApiError ? plan.error.message : t("module.actionFailed")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

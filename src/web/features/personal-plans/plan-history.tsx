import { Alert, Button, Modal, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonalPlanKind } from "../../../core/personal-plans/personal-plan.schema";
import { usePlanVersion } from "./api/get-plan-version";
import { usePlanVersions } from "./api/get-plan-versions";
import type { PlanScope } from "./api/plan-scope";
import { PlanReading } from "./plan-reading";
import { formatWhen } from "./plan-words";

/** A plan's history: who changed which sections and when; any version opens read-only. */
export function PlanHistory({
  scope,
  kind,
  headingLevel = 2,
}: {
  scope: PlanScope;
  kind: PersonalPlanKind;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation("personalPlans");
  const versions = usePlanVersions(scope, kind, true);
  const [open, setOpen] = useState<number | null>(null);
  const version = usePlanVersion(scope, kind, open);
  const sectionNames = (sections: readonly string[]) =>
    sections.map((s) => t(`sections.${kind}.${s}`)).join(", ");

  return (
    <Stack gap="xs" component="section" aria-labelledby={`${kind}-history-title`} className="pp-screen-only">
      <Title order={headingLevel} size="h4" id={`${kind}-history-title`}>
        {t("history.title")}
      </Title>
      {versions.isPending ? (
        <Skeleton h={60} />
      ) : versions.isError ? (
        <Alert color="red" variant="light" role="alert">
          {t("history.loadError")}
        </Alert>
      ) : versions.data.versions.length === 0 ? (
        <Text c="dimmed">{t("history.empty")}</Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {versions.data.versions.map((v) => (
            <li key={v.version}>
              <Text>
                {t("history.entry", {
                  version: v.version,
                  date: formatWhen(v.editedAt, i18n.language),
                  name: v.editor.displayName || t(`history.${v.editor.kind}`),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t("history.changed", { sections: sectionNames(v.changedSections) })}
              </Text>
              <Button variant="subtle" size="md" px={0} onClick={() => setOpen(v.version)}>
                {t("history.open", { version: v.version })}
              </Button>
            </li>
          ))}
        </Stack>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={t("history.versionTitle", { version: open ?? 0 })}
        closeButtonProps={{ "aria-label": t("history.close") }}
        fullScreen={false}
        size="lg"
      >
        <Stack gap="sm">
          <Text c="dimmed">{t("history.readOnly")}</Text>
          {version.isPending ? (
            <Skeleton h={120} />
          ) : version.isError ? (
            <Alert color="red" variant="light" role="alert">
              {t("history.loadError")}
            </Alert>
          ) : (
            <PlanReading kind={kind} content={version.data.content} headingLevel={3} idPrefix="version-" />
          )}
        </Stack>
      </Modal>
    </Stack>
  );
}

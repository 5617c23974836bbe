import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconArrowRight, IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isFamilyModuleKey } from "../../../core/family-learning/family-learning.rules";
import { FAMILY_MODULE_KEYS } from "../../../core/family-learning/family-learning.schema";
import { neighboursOf } from "../../../core/family-learning/modules";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { useLearning } from "./api/get-learning";
import { learnPath, useFamilyContent } from "./family-content";
import { ModuleExercise } from "./module-exercise";
import { ModuleReading } from "./module-reading";
import "./family-learning.css";

/** Buttons whose long titles wrap on a phone instead of being cut off. */
const WRAP = {
  root: { height: "auto", minHeight: 44, paddingBlock: 8, maxWidth: "100%" },
  label: { whiteSpace: "normal", textAlign: "start" },
} as const;

/** One module: the reading, the private practice question, "Mark as done", previous and next. */
export function ModulePage() {
  const { moduleKey = "" } = useParams();
  const { t } = useTranslation("familyLearning");
  const { modules } = useFamilyContent();
  const known = isFamilyModuleKey(moduleKey);
  usePageTitle(known ? modules[moduleKey].title : t("module.notFoundTitle"));
  const learning = useLearning();

  if (!known) {
    return (
      <Stack>
        <Title order={1}>{t("module.notFoundTitle")}</Title>
        <Text>{t("module.notFoundBody")}</Text>
        <Anchor component={Link} to={learnPath()}>
          {t("module.back")}
        </Anchor>
      </Stack>
    );
  }

  const content = modules[moduleKey];
  const position = FAMILY_MODULE_KEYS.indexOf(moduleKey) + 1;
  const { previous, next } = neighboursOf(moduleKey);
  const progress = learning.data?.modules.find((m) => m.moduleKey === moduleKey);

  return (
    <Stack className="fl-print-root" gap="lg">
      <Group justify="space-between" className="fl-screen-only">
        <Anchor component={Link} to={learnPath()}>
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t("module.back")}
          </Group>
        </Anchor>
        <Button
          variant="subtle"
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => window.print()}
        >
          {t("module.print")}
        </Button>
      </Group>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t("module.position", { n: position, total: FAMILY_MODULE_KEYS.length })}
        </Text>
        <Title order={1}>{content.title}</Title>
        <Text size="lg">{content.summary}</Text>
      </Stack>
      <ModuleReading content={content} />

      {learning.isPending && <Skeleton h={200} aria-hidden />}
      {learning.isError && <LoadError error={learning.error} onRetry={() => void learning.refetch()} />}
      {progress && (
        <ModuleExercise key={moduleKey} moduleKey={moduleKey} content={content} progress={progress} />
      )}

      <Group
        justify="space-between"
        className="fl-screen-only"
        component="nav"
        aria-label={t("learn.listTitle")}
      >
        {previous ? (
          <Button
            component={Link}
            to={learnPath(previous)}
            variant="default"
            styles={WRAP}
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            {t("module.previous")}: {modules[previous].title}
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <Button
            component={Link}
            to={learnPath(next)}
            variant="default"
            styles={WRAP}
            rightSection={<IconArrowRight size={16} aria-hidden />}
          >
            {t("module.next")}: {modules[next].title}
          </Button>
        )}
      </Group>
      <Text size="xs" className="fl-print-only">
        {t("module.printedNote")}
      </Text>
    </Stack>
  );
}

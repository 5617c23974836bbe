import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconArchive, IconArrowBackUp, IconArrowLeft, IconPencil } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { ModuleDetail } from "../../../core/curriculum/curriculum-api.schema";
import { MODULE_LANGUAGES, type ModuleLanguage } from "../../../core/curriculum/module.schema";
import { ApiError } from "../../app/api-client";
import { useSession } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { formatDateTime } from "../admin/format";
import { LoadError, TableSkeleton } from "../admin/page-states";
import { useArchiveModule } from "./api/archive-module";
import { useModule } from "./api/get-module";
import { isModuleLanguage, moduleLanguageOf } from "./curriculum-words";
import { Handout } from "./handout";

/**
 * One module at /staff/curriculum/:key: goals, the timed outline, the handout (printable alone), the
 * practice assignment and skills, in the language chosen, and its versions. Writers edit or archive it.
 */
export function ModulePage() {
  const { t, i18n } = useTranslation("curriculum");
  const { key = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const versionParam = params.get("version");
  const version = versionParam !== null && /^\d+$/.test(versionParam) ? Number(versionParam) : null;
  const languageParam = params.get("language");
  const language = isModuleLanguage(languageParam) ? languageParam : moduleLanguageOf(i18n.language);
  const detail = useModule(key, version);
  usePageTitle(detail.data ? detail.data.module.title[language] : t("library.title"));
  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/staff/curriculum" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("module.back")}
        </Group>
      </Anchor>
      {detail.isPending && <TableSkeleton rows={8} />}
      {detail.isError &&
        (detail.error instanceof ApiError && detail.error.status === 404 ? (
          <Alert color="gray" role="alert">
            {t("states.notFound")}
          </Alert>
        ) : (
          <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
        ))}
      {detail.data && (
        <ModuleView
          detail={detail.data}
          language={language}
          onLanguage={(l) => setParam("language", l)}
          onVersion={(v) => setParam("version", v === null ? null : String(v))}
        />
      )}
    </Stack>
  );
}

function ModuleView({
  detail,
  language,
  onLanguage,
  onVersion,
}: {
  detail: ModuleDetail;
  language: ModuleLanguage;
  onLanguage: (language: ModuleLanguage) => void;
  onVersion: (version: number | null) => void;
}) {
  const { t, i18n } = useTranslation("curriculum");
  const { permissions } = useSession();
  const canWrite = permissions.includes("clinical.write");
  const m = detail.module;
  const ids = {
    goals: useId(),
    outline: useId(),
    handout: useId(),
    assignment: useId(),
    skills: useId(),
    history: useId(),
    language: useId(),
  };
  const reading = detail.version !== detail.latestVersion;
  const segments = [
    {
      label: t("module.opening"),
      minutes: m.outline.opening.minutes,
      texts: [m.outline.opening.text[language]],
    },
    {
      label: t("module.teaching"),
      minutes: m.outline.teaching.minutes,
      texts: m.outline.teaching.points.map((p) => p[language]),
    },
    {
      label: t("module.practice"),
      minutes: m.outline.practice.minutes,
      texts: [m.outline.practice.text[language]],
    },
    {
      label: t("module.closing"),
      minutes: m.outline.closing.minutes,
      texts: [m.outline.closing.text[language]],
    },
  ];

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Title order={1} lang={language}>
            {m.title[language]}
          </Title>
          {canWrite && !reading && <WriterActions detail={detail} />}
        </Group>
        <Group gap={6} wrap="wrap">
          <Badge variant="light">{t(`categories.${m.category}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t("module.duration", { count: m.durationMinutes })}
          </Badge>
          {m.suits.map((a) => (
            <Badge key={a} variant="outline">
              {t(`audiences.${a}`)}
            </Badge>
          ))}
          {detail.archived && <Badge color="gray">{t("library.archived")}</Badge>}
        </Group>
        <Text lang={language}>{m.summary[language]}</Text>
        <Group gap="xs" align="center">
          <Text size="sm" fw={500} id={ids.language}>
            {t("module.contentLanguage")}
          </Text>
          <SegmentedControl
            aria-labelledby={ids.language}
            size="xs"
            data={MODULE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={language}
            onChange={(value) => onLanguage(value as ModuleLanguage)}
          />
        </Group>
      </Stack>
      {detail.archived && (
        <Alert color="gray" variant="light">
          {t("module.archivedNotice")}
        </Alert>
      )}
      {reading && (
        <Alert color="yellow" variant="light">
          <Group justify="space-between" wrap="wrap">
            <Text>{t("module.oldVersion", { version: detail.version, latest: detail.latestVersion })}</Text>
            <Button variant="default" onClick={() => onVersion(null)}>
              {t("module.readLatest")}
            </Button>
          </Group>
        </Alert>
      )}
      <section aria-labelledby={ids.goals}>
        <Title order={2} size="h3" id={ids.goals} mb="xs">
          {t("module.goals")}
        </Title>
        <List spacing={4} lang={language}>
          {m.goals.map((g) => (
            <List.Item key={g.en}>{g[language]}</List.Item>
          ))}
        </List>
      </section>
      <section aria-labelledby={ids.outline}>
        <Title order={2} size="h3" id={ids.outline} mb="xs">
          {t("module.outline")}
        </Title>
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
          {segments.map((s) => (
            <Card component="li" key={s.label} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <Text fw={700}>{s.label}</Text>
                <Badge variant="light" color="gray">
                  {t("module.segmentMinutes", { count: s.minutes })}
                </Badge>
              </Group>
              {s.texts.length === 1 ? (
                <Text lang={language} style={{ whiteSpace: "pre-line" }}>
                  {s.texts[0]}
                </Text>
              ) : (
                <List spacing={4} lang={language}>
                  {s.texts.map((text) => (
                    <List.Item key={text}>{text}</List.Item>
                  ))}
                </List>
              )}
            </Card>
          ))}
        </Stack>
      </section>
      <Handout
        title={m.handout.title[language]}
        body={m.handout.body[language]}
        language={language}
        headingId={ids.handout}
      />
      <section aria-labelledby={ids.assignment}>
        <Title order={2} size="h3" id={ids.assignment} mb="xs">
          {t("module.assignment")}
        </Title>
        <Text lang={language} style={{ whiteSpace: "pre-line" }}>
          {m.practiceAssignment[language]}
        </Text>
      </section>
      <section aria-labelledby={ids.skills}>
        <Title order={2} size="h3" id={ids.skills} mb="xs">
          {t("module.skills")}
        </Title>
        <Group gap={6} wrap="wrap" lang={language}>
          {m.skills.map((s) => (
            <Badge key={s.key} variant="light" size="lg" tt="none">
              {s.name[language]}
            </Badge>
          ))}
        </Group>
      </section>
      <section aria-labelledby={ids.history}>
        <Title order={2} size="h3" id={ids.history} mb="xs">
          {t("module.history")}
        </Title>
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: "none" }}>
          {detail.versions.map((v) => (
            <Group
              component="li"
              key={v.version}
              justify="space-between"
              wrap="wrap"
              gap={4}
              py={6}
              style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
            >
              <Stack gap={0}>
                <Text fw={600}>
                  {v.source === "shipped"
                    ? t("module.shipped")
                    : v.savedBy
                      ? t("module.savedBy", {
                          name: v.savedBy.name,
                          date: formatDateTime(v.savedAt!, i18n.language),
                        })
                      : t("module.savedOn", { date: formatDateTime(v.savedAt!, i18n.language) })}
                </Text>
                <Text size="xs" c="dimmed">
                  v{v.version}
                </Text>
              </Stack>
              {v.version === detail.latestVersion ? (
                <Badge variant="light" color="green">
                  {t("module.inUse")}
                </Badge>
              ) : (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => onVersion(v.version)}
                  disabled={v.version === detail.version}
                >
                  {t("module.readVersion", { version: v.version })}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

function WriterActions({ detail }: { detail: ModuleDetail }) {
  const { t } = useTranslation("curriculum");
  const archive = useArchiveModule();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        {!detail.archived && (
          <Button
            component={Link}
            to={`/staff/curriculum/${detail.key}/edit`}
            leftSection={<IconPencil size={16} aria-hidden />}
          >
            {t("module.edit")}
          </Button>
        )}
        {detail.archived ? (
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            loading={archive.isPending}
            onClick={() => archive.mutate({ key: detail.key, archived: false })}
          >
            {t("module.unarchive")}
          </Button>
        ) : (
          <Button
            variant="default"
            color="red"
            leftSection={<IconArchive size={16} aria-hidden />}
            onClick={() => setConfirming(true)}
          >
            {t("module.archive")}
          </Button>
        )}
      </Group>
      {archive.isError && (
        <Text c="red" size="sm" role="alert">
          {archive.error instanceof ApiError ? archive.error.message : t("module.actionFailed")}
        </Text>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("module.confirmArchiveTitle")}>
        <Stack>
          <Text>{t("module.confirmArchiveBody")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("module.cancel")}
            </Button>
            <Button
              color="red"
              loading={archive.isPending}
              onClick={() =>
                archive.mutate({ key: detail.key, archived: true }, { onSettled: () => setConfirming(false) })
              }
            >
              {t("module.confirmArchive")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

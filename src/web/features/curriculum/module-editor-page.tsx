import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { ModuleDetail } from "../../../core/curriculum/curriculum-api.schema";
import {
  CURRICULUM_CATEGORIES,
  MODULE_AUDIENCES,
  type ModuleAudience,
} from "../../../core/curriculum/module.schema";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError, TableSkeleton } from "../admin/page-states";
import { useModule } from "./api/get-module";
import { useSaveModule } from "./api/save-module";
import { isCategory } from "./curriculum-words";
import {
  draftErrors,
  emptyModuleDraft,
  type ModuleDraft,
  outlineMinutes,
  serverFieldErrors,
  setAtPath,
} from "./module-form";

/** /staff/curriculum/new: the program's own module. */
export function NewModulePage() {
  const { t } = useTranslation("curriculum");
  usePageTitle(t("editor.newTitle"));
  return <ModuleEditor base={null} />;
}

/** /staff/curriculum/:key/edit: a new version of a module, from the version in use. */
export function EditModulePage() {
  const { t, i18n } = useTranslation("curriculum");
  const { key = "" } = useParams();
  const detail = useModule(key);
  usePageTitle(
    detail.data
      ? t("editor.editTitle", {
          title: detail.data.module.title[i18n.language.startsWith("es") ? "es" : "en"],
        })
      : t("editor.newTitle"),
  );
  if (detail.isPending) return <TableSkeleton rows={10} />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  return <ModuleEditor key={detail.data.latestVersion} base={detail.data} />;
}

type Errors = Record<string, string>;

function ModuleEditor({ base }: { base: ModuleDetail | null }) {
  const { t, i18n } = useTranslation("curriculum");
  const navigate = useNavigate();
  const save = useSaveModule();
  const [draft, setDraft] = useState<ModuleDraft>(() =>
    base ? structuredClone(base.module) : emptyModuleDraft(),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const uiLanguage = i18n.language.startsWith("es") ? "es" : "en";
  const set = (path: string, value: unknown) => setDraft((d) => setAtPath(d, path, value));
  const err = (path: string) => errors[path];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(null);
    setFailure(null);
    const found = draftErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { baseVersion: base ? base.latestVersion : null, module: draft },
      {
        onSuccess: (saved) => void navigate(`/staff/curriculum/${saved.key}`),
        onError: (error) => {
          if (!(error instanceof ApiError)) return setFailure(t("editor.saveFailed"));
          if (error.code === "CURRICULUM_EDIT_CONFLICT") return setConflict(error.message);
          const fields = serverFieldErrors(error.fields);
          setErrors(fields);
          if (Object.keys(fields).length === 0) setFailure(error.message);
        },
      },
    );
  };

  const bilingual = (path: string, label: string, long = false) => (
    <Bilingual
      path={path}
      label={label}
      long={long}
      value={
        path.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], draft) as {
          en: string;
          es: string;
        }
      }
      onChange={set}
      errors={errors}
    />
  );
  const unplaced = Object.entries(errors).filter(([path]) => !FIELD_PATH.test(path));

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={1200}>
        <Anchor component={Link} to={base ? `/staff/curriculum/${base.key}` : "/staff/curriculum"} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t("module.back")}
          </Group>
        </Anchor>
        <Title order={1}>
          {base ? t("editor.editTitle", { title: base.module.title[uiLanguage] }) : t("editor.newTitle")}
        </Title>
        <Text>{t("editor.intro")}</Text>
        {conflict && (
          <Alert color="orange" role="alert" title={t("editor.conflictTitle")}>
            <Stack gap="xs">
              <Text>{conflict}</Text>
              <Group>
                <Button variant="default" onClick={() => void navigate(`/staff/curriculum/${base?.key}`)}>
                  {t("editor.reload")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert" title={t("editor.fixErrors")}>
            {unplaced.map(([path, message]) => (
              <Text key={path} size="sm">
                {message}
              </Text>
            ))}
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Card withBorder padding="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("editor.key")}
              description={t("editor.keyHint")}
              value={draft.key}
              disabled={base !== null}
              onChange={(e) => set("key", e.currentTarget.value.trim())}
              error={err("key")}
              required
            />
            <Select
              label={t("editor.category")}
              data={CURRICULUM_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
              value={draft.category}
              onChange={(value) => isCategory(value) && set("category", value)}
              allowDeselect={false}
              error={err("category")}
            />
            <Checkbox.Group
              label={t("editor.suits")}
              value={draft.suits}
              onChange={(value) => set("suits", value as ModuleAudience[])}
              error={err("suits")}
            >
              <Group mt={4} gap="md">
                {MODULE_AUDIENCES.map((a) => (
                  <Checkbox key={a} value={a} label={t(`audiences.${a}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <NumberInput
              label={t("editor.durationMinutes")}
              description={t("editor.durationHint", { count: outlineMinutes(draft) })}
              value={draft.durationMinutes}
              min={1}
              max={180}
              onChange={(value) => set("durationMinutes", typeof value === "number" ? value : Number.NaN)}
              error={err("durationMinutes")}
            />
          </SimpleGrid>
        </Card>
        {bilingual("title", t("editor.titleField"))}
        {bilingual("summary", t("editor.summary"), true)}
        <ListSection
          title={t("editor.goals")}
          error={err("goals")}
          items={draft.goals}
          addLabel={t("editor.addGoal")}
          onAdd={() => set("goals", [...draft.goals, { en: "", es: "" }])}
          onRemove={(i) =>
            set(
              "goals",
              draft.goals.filter((_, j) => j !== i),
            )
          }
          removeLabel={(n) => t("editor.removeGoal", { n })}
          render={(i) => bilingual(`goals.${i}`, t("editor.goal", { n: i + 1 }), true)}
        />
        <Segment title={t("editor.opening")} path="outline.opening" draft={draft} set={set} errors={errors}>
          {bilingual("outline.opening.text", t("editor.opening"), true)}
        </Segment>
        <Segment title={t("editor.teaching")} path="outline.teaching" draft={draft} set={set} errors={errors}>
          <ListSection
            title={null}
            error={err("outline.teaching.points")}
            items={draft.outline.teaching.points}
            addLabel={t("editor.addPoint")}
            onAdd={() =>
              set("outline.teaching.points", [...draft.outline.teaching.points, { en: "", es: "" }])
            }
            onRemove={(i) =>
              set(
                "outline.teaching.points",
                draft.outline.teaching.points.filter((_, j) => j !== i),
              )
            }
            removeLabel={(n) => t("editor.removePoint", { n })}
            render={(i) => bilingual(`outline.teaching.points.${i}`, t("editor.point", { n: i + 1 }), true)}
          />
        </Segment>
        <Segment title={t("editor.practice")} path="outline.practice" draft={draft} set={set} errors={errors}>
          {bilingual("outline.practice.text", t("editor.practice"), true)}
        </Segment>
        <Segment title={t("editor.closing")} path="outline.closing" draft={draft} set={set} errors={errors}>
          {bilingual("outline.closing.text", t("editor.closing"), true)}
        </Segment>
        {bilingual("handout.title", t("editor.handoutTitle"))}
        {bilingual("handout.body", t("editor.handoutBody"), true)}
        {bilingual("practiceAssignment", t("editor.assignment"), true)}
        <ListSection
          title={t("editor.skills")}
          error={err("skills")}
          items={draft.skills}
          addLabel={t("editor.addSkill")}
          onAdd={() => set("skills", [...draft.skills, { key: "", name: { en: "", es: "" } }])}
          onRemove={(i) =>
            set(
              "skills",
              draft.skills.filter((_, j) => j !== i),
            )
          }
          removeLabel={(n) => t("editor.removeSkill", { n })}
          render={(i) => (
            <Stack gap="xs">
              <TextInput
                label={t("editor.skillKey", { n: i + 1 })}
                value={draft.skills[i]!.key}
                onChange={(e) => set(`skills.${i}.key`, e.currentTarget.value.trim())}
                error={err(`skills.${i}.key`)}
                maw={360}
              />
              {bilingual(`skills.${i}.name`, t("editor.skillName", { n: i + 1 }))}
            </Stack>
          )}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            component={Link}
            to={base ? `/staff/curriculum/${base.key}` : "/staff/curriculum"}
          >
            {t("editor.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {base ? t("editor.save") : t("editor.saveNew")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Paths the form shows beside a field; other errors (a list too short) are listed at the top. */
const FIELD_PATH = /\.(en|es|key|minutes)$|^(key|category|suits|durationMinutes)$/;

function Bilingual({
  path,
  label,
  long,
  value,
  onChange,
  errors,
}: {
  path: string;
  label: string;
  long: boolean;
  value: { en: string; es: string };
  onChange: (path: string, value: string) => void;
  errors: Errors;
}) {
  const { t } = useTranslation("curriculum");
  const Field = long ? Textarea : TextInput;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {(["en", "es"] as const).map((language) => (
        <Field
          key={language}
          label={`${label} — ${t(`editor.${language === "en" ? "english" : "spanish"}`)}`}
          lang={language}
          value={value[language]}
          onChange={(e: { currentTarget: { value: string } }) =>
            onChange(`${path}.${language}`, e.currentTarget.value)
          }
          error={errors[`${path}.${language}`]}
          {...(long ? { autosize: true, minRows: 2 } : {})}
        />
      ))}
    </SimpleGrid>
  );
}

function Segment({
  title,
  path,
  draft,
  set,
  errors,
  children,
}: {
  title: string;
  path: string;
  draft: ModuleDraft;
  set: (path: string, value: unknown) => void;
  errors: Errors;
  children: ReactNode;
}) {
  const { t } = useTranslation("curriculum");
  const minutes = path.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], draft) as {
    minutes: number;
  };
  return (
    <Card withBorder padding="md" component="fieldset">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text component="legend" fw={700}>
            {title}
          </Text>
          <NumberInput
            label={`${t("editor.minutes")} (${title})`}
            value={minutes.minutes}
            min={1}
            max={180}
            w={160}
            onChange={(value) => set(`${path}.minutes`, typeof value === "number" ? value : Number.NaN)}
            error={errors[`${path}.minutes`]}
          />
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function ListSection<T>({
  title,
  error,
  items,
  addLabel,
  onAdd,
  onRemove,
  removeLabel,
  render,
}: {
  title: string | null;
  error: string | undefined;
  items: readonly T[];
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  removeLabel: (n: number) => string;
  render: (index: number) => ReactNode;
}) {
  return (
    <Stack gap="xs">
      {title && (
        <Title order={2} size="h4">
          {title}
        </Title>
      )}
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      {items.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list rows are edited in place by position
        <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ flex: 1 }}>{render(i)}</div>
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={removeLabel(i + 1)}
            onClick={() => onRemove(i)}
            disabled={items.length <= 1}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={onAdd}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

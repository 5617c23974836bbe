import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  HELP_RESOURCE_LANGUAGES,
  HELP_RESOURCES_MAX,
  type HelpResource,
  helpResourcesSchema,
} from "../../../core/help-resources/help-resources.schema";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { useHelpResources } from "./api/get-help-resources";
import { useUpdateHelpResources } from "./api/update-help-resources";

const EMPTY: HelpResource = { name: "", phone: "", url: "", description: "", language: "any" };

/** Field problems by path ("resources.0.url"), from the shared schema or the server. */
function problemsOf(resources: HelpResource[]): Record<string, string> {
  const parsed = helpResourcesSchema.safeParse({ resources });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

/**
 * The program's local resources on the participants' Help page (administrators, settings.manage):
 * name, phone, web address, a line on what it offers and the language it serves in.
 */
export function HelpResourcesPage() {
  const { t } = useTranslation("help");
  usePageTitle(t("admin.title"));
  const current = useHelpResources();
  return (
    <Stack maw={880}>
      <PageHeader title={t("admin.title")} />
      <Text>{t("admin.intro")}</Text>
      {current.isPending && <TableSkeleton rows={3} />}
      {current.isError && <LoadError error={current.error} onRetry={() => void current.refetch()} />}
      {current.data && <ResourcesForm initial={current.data.resources} />}
    </Stack>
  );
}

function ResourcesForm({ initial }: { initial: HelpResource[] }) {
  const { t } = useTranslation("help");
  const update = useUpdateHelpResources();
  const [resources, setResources] = useState<HelpResource[]>(initial);
  const [shown, setShown] = useState<Record<string, string>>({});
  const change = (index: number, patch: Partial<HelpResource>) =>
    setResources((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const save = () => {
    const problems = problemsOf(resources);
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    update.mutate(
      { resources },
      {
        onSuccess: (saved) => {
          setResources(saved.resources);
          notifications.show({ color: "teal", message: t("admin.saved") });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0) {
            setShown(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
          }
        },
      },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      noValidate
    >
      <Stack>
        {resources.length === 0 && <Text>{t("admin.empty")}</Text>}
        {resources.map((resource, index) => {
          const at = (field: string) => shown[`resources.${index}.${field}`];
          const heading = `help-resource-${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; order is the identity
            <Card key={index} withBorder padding="md" component="fieldset" aria-labelledby={heading}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={2} size="h4" id={heading}>
                    {resource.name || t("admin.resource", { n: index + 1 })}
                  </Title>
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => {
                      if (window.confirm(t("admin.removeConfirm"))) {
                        setResources((list) => list.filter((_, i) => i !== index));
                      }
                    }}
                  >
                    {t("admin.remove", { name: resource.name || t("admin.resource", { n: index + 1 }) })}
                  </Button>
                </Group>
                <TextInput
                  label={t("admin.name")}
                  value={resource.name}
                  required
                  error={at("name")}
                  onChange={(e) => change(index, { name: e.currentTarget.value })}
                />
                <Group grow align="flex-start">
                  <TextInput
                    label={t("admin.phone")}
                    type="tel"
                    value={resource.phone}
                    error={at("phone")}
                    onChange={(e) => change(index, { phone: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t("admin.url")}
                    type="url"
                    value={resource.url}
                    error={at("url")}
                    onChange={(e) => change(index, { url: e.currentTarget.value })}
                  />
                </Group>
                <Textarea
                  label={t("admin.description")}
                  value={resource.description}
                  error={at("description")}
                  rows={2}
                  onChange={(e) => change(index, { description: e.currentTarget.value })}
                />
                <Select
                  label={t("admin.language")}
                  value={resource.language}
                  allowDeselect={false}
                  data={HELP_RESOURCE_LANGUAGES.map((l) => ({ value: l, label: t(`admin.languages.${l}`) }))}
                  onChange={(value) =>
                    value && change(index, { language: value as HelpResource["language"] })
                  }
                />
              </Stack>
            </Card>
          );
        })}
        {update.isError && !(update.error instanceof ApiError && update.error.fields.length > 0) && (
          <Alert color="red" role="alert">
            {t("admin.failed")}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={resources.length >= HELP_RESOURCES_MAX}
            onClick={() => setResources((list) => [...list, { ...EMPTY }])}
          >
            {t("admin.add")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("admin.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

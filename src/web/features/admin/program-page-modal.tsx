import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconExternalLink } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  PROGRAM_PAGE_MAX,
  type ProgramPage,
  programPageInputSchema,
} from "../../../core/admissions/program-page";
import { useProgramPage } from "../admissions/api/get-program-page";
import { useUpdateProgramPage } from "../admissions/api/update-program-page";
import { ProgramPageMarkdown } from "../admissions/program-page-markdown";
import type { Site } from "./api/get-sites";
import { applyServerFieldErrors, requestErrorKey, schemaErrors, useFieldErrorText } from "./form-errors";
import { formatDateTime } from "./format";
import { LoadError } from "./page-states";

interface Values {
  bodyMarkdown: string;
}

export function validateProgramPage(values: Values) {
  return schemaErrors(programPageInputSchema, values, () =>
    values.bodyMarkdown.trim().length > PROGRAM_PAGE_MAX
      ? "errors.programPageTooLong"
      : "errors.programPageTooShort",
  );
}

/** Edit a site's public program page: markdown on one side, the page as the public sees it on the other. */
export function ProgramPageModal({ site, onClose }: { site: Site; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const page = useProgramPage(site.id);
  const phone = useMediaQuery("(max-width: 48em)");
  return (
    <Modal
      opened
      onClose={onClose}
      size="90rem"
      fullScreen={phone}
      title={t("sites.programPage.title", { name: site.name })}
    >
      {page.isPending && (
        <Stack role="status" aria-label={t("states.loading")}>
          <Skeleton h={24} w="60%" />
          <Skeleton h={320} />
        </Stack>
      )}
      {page.isError && <LoadError error={page.error} onRetry={() => void page.refetch()} />}
      {page.data && <ProgramPageForm site={site} page={page.data} onClose={onClose} />}
    </Modal>
  );
}

function ProgramPageForm({ site, page, onClose }: { site: Site; page: ProgramPage; onClose: () => void }) {
  const { t, i18n } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const save = useUpdateProgramPage();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { bodyMarkdown: page.bodyMarkdown },
    validate: validateProgramPage,
  });
  const body = form.values.bodyMarkdown;
  const over = body.length > PROGRAM_PAGE_MAX;
  const n = (value: number) => value.toLocaleString(i18n.language);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      { siteId: site.id, input: { bodyMarkdown: values.bodyMarkdown } },
      {
        onSuccess: (saved) => {
          form.resetDirty({ bodyMarkdown: saved.bodyMarkdown });
          notifications.show({ color: "green", message: t("sites.programPage.saved", { name: site.name }) });
        },
        onError: (error) => {
          if (!applyServerFieldErrors(error, ["bodyMarkdown"], form.setFieldError))
            setFormError(requestErrorKey(error));
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("sites.programPage.intro")}</Text>
        <Text size="sm" c="dimmed">
          {page.updatedAt
            ? t("sites.programPage.lastSaved", { when: formatDateTime(page.updatedAt, i18n.language) })
            : t("sites.programPage.neverSaved")}
        </Text>
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {t(formError)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Textarea
              label={t("sites.programPage.markdown")}
              description={t("sites.programPage.markdownHelp")}
              required
              rows={24}
              spellCheck
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", minHeight: "50vh" } }}
              {...form.getInputProps("bodyMarkdown")}
              error={errorText(form.errors.bodyMarkdown)}
            />
            <Text size="sm" c={over ? "red" : "dimmed"} ta="right">
              {t("sites.programPage.count", { count: n(body.length), max: n(PROGRAM_PAGE_MAX) })}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("sites.programPage.preview")}
            </Text>
            <Card
              withBorder
              padding="md"
              component="section"
              aria-label={t("sites.programPage.previewLabel")}
              mah={{ md: "70vh" }}
              style={{ overflowY: "auto" }}
            >
              {body.trim() === "" ? (
                <Text c="dimmed">{t("sites.programPage.emptyPreview")}</Text>
              ) : (
                <ProgramPageMarkdown markdown={body} />
              )}
            </Card>
          </Stack>
        </SimpleGrid>
        <Group justify="space-between">
          <Anchor href={`/get-help/programs/${site.id}`} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              {t("sites.programPage.view")}
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("actions.close")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("actions.save")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

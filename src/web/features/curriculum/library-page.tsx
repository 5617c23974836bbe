import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { ModuleSummary } from "../../../core/curriculum/curriculum-api.schema";
import {
  CURRICULUM_CATEGORIES,
  MODULE_AUDIENCES,
  MODULE_LANGUAGES,
} from "../../../core/curriculum/module.schema";
import { useSession } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { EmptyState, LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { useModules } from "./api/get-modules";
import { isAudience, isCategory, isModuleLanguage, moduleLanguageOf } from "./curriculum-words";

/** Lowercase without accents, so "relacion" finds "Relación". */
const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * The curriculum library at /staff/curriculum: the modules in use, filtered by category and audience
 * (kept in the address so a filtered list can be shared), searched by title, in English or Spanish.
 */
export function LibraryPage() {
  const { t, i18n } = useTranslation("curriculum");
  usePageTitle(t("library.title"));
  const { permissions } = useSession();
  const canWrite = permissions.includes("clinical.write");
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState("");
  const category = params.get("category");
  const audience = params.get("audience");
  const languageParam = params.get("language");
  const language = isModuleLanguage(languageParam) ? languageParam : moduleLanguageOf(i18n.language);
  const includeArchived = params.get("archived") === "true";
  const modules = useModules({
    language,
    category: isCategory(category) ? category : null,
    audience: isAudience(audience) ? audience : null,
    includeArchived,
  });
  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const shown = useMemo(() => {
    const words = folded(search.trim());
    const all = modules.data?.modules ?? [];
    return words ? all.filter((m) => folded(m.title).includes(words)) : all;
  }, [modules.data, search]);
  const filtered = Boolean(category || audience || search.trim());

  return (
    <Stack maw={1100}>
      <PageHeader title={t("library.title")}>
        {canWrite && (
          <Button
            component={Link}
            to="/staff/curriculum/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t("library.newModule")}
          </Button>
        )}
      </PageHeader>
      <Text>{t("library.intro")}</Text>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          label={t("library.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={{ base: "100%", sm: 260 }}
        />
        <Select
          label={t("library.category")}
          data={[
            { value: "", label: t("library.any") },
            ...CURRICULUM_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
          ]}
          value={isCategory(category) ? category : ""}
          onChange={(value) => setParam("category", value || null)}
          allowDeselect={false}
          w={{ base: "100%", sm: 240 }}
        />
        <Select
          label={t("library.audience")}
          data={[
            { value: "", label: t("library.any") },
            ...MODULE_AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) })),
          ]}
          value={isAudience(audience) ? audience : ""}
          onChange={(value) => setParam("audience", value || null)}
          allowDeselect={false}
          w={{ base: "100%", sm: 200 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="curriculum-language">
            {t("library.language")}
          </Text>
          <SegmentedControl
            aria-labelledby="curriculum-language"
            data={MODULE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={language}
            onChange={(value) => setParam("language", value)}
          />
        </Stack>
      </Group>
      <Checkbox
        label={t("library.showArchived")}
        checked={includeArchived}
        onChange={(e) => setParam("archived", e.currentTarget.checked ? "true" : null)}
      />
      {modules.isPending && <TableSkeleton rows={6} />}
      {modules.isError && <LoadError error={modules.error} onRetry={() => void modules.refetch()} />}
      {modules.data && (
        <>
          <Text fw={600} role="status">
            {t("library.count", { count: shown.length })}
          </Text>
          {shown.length === 0 ? (
            <EmptyState>
              {filtered || includeArchived ? t("library.empty") : t("library.emptyLibrary")}
            </EmptyState>
          ) : (
            <SimpleGrid
              component="ul"
              cols={{ base: 1, sm: 2, lg: 3 }}
              p={0}
              m={0}
              style={{ listStyle: "none" }}
            >
              {shown.map((m) => (
                <ModuleCard key={m.key} module={m} language={language} />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}

function ModuleCard({ module, language }: { module: ModuleSummary; language: string }) {
  const { t } = useTranslation("curriculum");
  const to = `/staff/curriculum/${module.key}${language !== "en" ? `?language=${language}` : ""}`;
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <Badge variant="light">{t(`categories.${module.category}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t("library.minutes", { count: module.durationMinutes })}
          </Badge>
          {module.archived && <Badge color="gray">{t("library.archived")}</Badge>}
        </Group>
        <Title order={2} size="h4" lang={language}>
          <Anchor component={Link} to={to}>
            {module.title}
          </Anchor>
        </Title>
        <Text size="sm" lang={language}>
          {module.summary}
        </Text>
        <Text size="xs" c="dimmed">
          {module.suits.map((a) => t(`audiences.${a}`)).join(" · ")}
        </Text>
        {module.source === "program" && (
          <Text size="xs" c="dimmed">
            {module.version === 1
              ? t("library.programModule", { version: 1 })
              : t("library.edited", { version: module.version })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

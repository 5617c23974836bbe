import { ActionIcon, Button, Fieldset, Group, Loader, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IcdCode } from "../../../core/diagnoses/icd10cm";
import { useDiagnosisCodes } from "./api/search-diagnosis-codes";

export type PickedDiagnosis = IcdCode & { primary: boolean };

/** Search the ICD-10-CM list, add codes, mark exactly one primary (a radio group: one at most, by construction). */
export function DiagnosisPicker({
  value,
  onChange,
  error,
  name,
  dataPath,
}: {
  value: PickedDiagnosis[];
  onChange: (next: PickedDiagnosis[]) => void;
  error?: string | undefined;
  name: string;
  /** Where the form looks for this field to focus it (Mantine's `data-path`). */
  dataPath: string;
}) {
  const { t } = useTranslation("intake");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const results = useDiagnosisCodes(q);
  const chosen = new Set(value.map((d) => d.code));
  const primary = value.find((d) => d.primary)?.code ?? null;

  const add = (code: IcdCode) => {
    const makePrimary = primary === null && code.group === "substance_use";
    onChange([...value, { ...code, primary: makePrimary }]);
  };
  const remove = (code: string) => onChange(value.filter((d) => d.code !== code));
  const setPrimary = (code: string) => onChange(value.map((d) => ({ ...d, primary: d.code === code })));

  return (
    <Fieldset legend={t("diagnoses.title")} data-path={value.length === 0 ? dataPath : undefined}>
      <Stack gap="sm">
        <TextInput
          type="search"
          label={t("diagnoses.search")}
          placeholder={t("diagnoses.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={results.isFetching ? <Loader size="xs" /> : null}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        {q !== "" && results.data && (
          <Stack
            gap={4}
            component="ul"
            aria-label={t("diagnoses.results")}
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
            {results.data.codes.length === 0 && <Text size="sm">{t("diagnoses.noResults")}</Text>}
            {results.data.codes.map((code) => (
              <Group key={code.code} component="li" gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={chosen.has(code.code)}
                  aria-label={t("diagnoses.add", { code: code.code })}
                  onClick={() => add(code)}
                >
                  {code.code}
                </Button>
                <Text size="sm">
                  {code.title}{" "}
                  <Text span size="xs" c="dimmed">
                    (
                    {code.group === "substance_use"
                      ? t("diagnoses.substanceUse")
                      : t("diagnoses.coOccurring")}
                    )
                  </Text>
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <Radio.Group
          name={name}
          data-path={value.length > 0 ? dataPath : undefined}
          label={t("diagnoses.listLabel")}
          description={t("diagnoses.primaryHint")}
          value={primary}
          onChange={setPrimary}
          error={error}
        >
          {value.length === 0 ? (
            <Text size="sm" c="dimmed" mt={4}>
              {t("diagnoses.none")}
            </Text>
          ) : (
            <Stack gap={6} mt={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {value.map((d) => (
                <Group key={d.code} component="li" gap="sm" wrap="nowrap" justify="space-between">
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {d.code} — {d.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.group === "substance_use" ? t("diagnoses.substanceUse") : t("diagnoses.coOccurring")}
                    </Text>
                  </Stack>
                  <Group gap="sm" wrap="nowrap">
                    <Radio
                      value={d.code}
                      label={t("diagnoses.primary")}
                      aria-label={t("diagnoses.primaryLabel", { code: d.code })}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("diagnoses.remove", { code: d.code })}
                      onClick={() => remove(d.code)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </Radio.Group>
      </Stack>
    </Fieldset>
  );
}

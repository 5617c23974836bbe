import { ActionIcon, Button, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { fieldId, replaced, without } from "./plan-fields";

/** Strengths, barriers or discharge criteria: one line each, added and removed in place. */
export function TextListEditor({
  title,
  items,
  path,
  errors,
  onChange,
}: {
  title: string;
  items: readonly string[];
  path: string;
  errors: Record<string, string>;
  onChange: (items: string[]) => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const headingId = fieldId(`${path}.heading`);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {title}
      </Title>
      {items.map((item, index) => {
        const itemPath = `${path}.${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; their place is their identity
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <Textarea
              id={fieldId(itemPath)}
              aria-label={t("editor.itemLabel", { list: title, number: index + 1 })}
              value={item}
              onChange={(e) => onChange(replaced(items, index, e.currentTarget.value))}
              error={errors[itemPath]}
              autosize
              minRows={1}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              aria-label={t("editor.removeItem", { list: title, number: index + 1 })}
              onClick={() => onChange(without(items, index))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {errors[path] && (
        <Text size="sm" c="var(--mantine-color-error)">
          {errors[path]}
        </Text>
      )}
      <Button
        id={fieldId(path)}
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => onChange([...items, ""])}
        style={{ alignSelf: "flex-start" }}
        aria-label={`${t("editor.addItem")}: ${title}`}
      >
        {t("editor.addItem")}
      </Button>
    </Stack>
  );
}

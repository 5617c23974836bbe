import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput, VisuallyHidden } from "@mantine/core";
import type { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { MAX_FAMILY_ATTENDEES } from "../../../core/schedule/appointment.schema";
import type { BookingValues } from "./booking-form";

type BookingForm = ReturnType<typeof useForm<BookingValues>>;

/** Who attends a family session: linked family accounts to tick, and others by name and relationship. */
export function FamilyAttendeesFields({
  form,
  linked,
  loading,
}: {
  form: BookingForm;
  linked: readonly { userId: string; name: string; relationship: string }[];
  loading: boolean;
}) {
  const { t } = useTranslation("calendar");
  const { values } = form;
  const total = values.linkedIds.length + values.named.length;
  const error = form.errors.familyAttendees ?? form.errors.linkedIds;
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <Text component="legend" fw={500} size="sm" p={0}>
        {t("book.familyWho")}
      </Text>
      <Stack gap="xs" mt={4}>
        {loading && <Text size="sm">{t("book.familyLoading")}</Text>}
        {linked.length > 0 && (
          <Checkbox.Group
            label={t("book.familyLinked")}
            value={values.linkedIds}
            onChange={(ids) => form.setFieldValue("linkedIds", ids)}
          >
            <Stack gap={6} mt={4}>
              {linked.map((m) => (
                <Checkbox
                  key={m.userId}
                  value={m.userId}
                  label={t("book.familyMember", { name: m.name, relationship: m.relationship })}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {values.named.map((_, index) => (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            key={index}
            style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
          >
            <VisuallyHidden component="legend">{t("book.familyRow", { n: index + 1 })}</VisuallyHidden>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                label={t("book.familyName")}
                w={220}
                {...form.getInputProps(`named.${index}.name`)}
              />
              <TextInput
                label={t("book.familyRelationship")}
                placeholder={t("book.familyRelationshipPlaceholder")}
                w={200}
                {...form.getInputProps(`named.${index}.relationship`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size={36}
                mt={25}
                aria-label={t("book.familyRemove", { n: index + 1 })}
                onClick={() => form.removeListItem("named", index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={total >= MAX_FAMILY_ATTENDEES}
            onClick={() => form.insertListItem("named", { name: "", relationship: "" })}
          >
            {t("book.familyAdd")}
          </Button>
        </Group>
        {typeof error === "string" && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </fieldset>
  );
}

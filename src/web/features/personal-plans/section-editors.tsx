import { ActionIcon, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconPhone, IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { PlanContact } from "../../../core/personal-plans/personal-plan.schema";
import { telOf } from "./crisis-lines";

/** Large enough to hit with a thumb (WCAG 2.2 target size, and then some). */
const TOUCH = 44;

export interface Situation {
  situation: string;
  responses: string[];
}

/** Short lines the person writes: edit in place, add one, remove one (the page offers to undo). */
export function LinesEditor({
  label,
  lines,
  onChange,
  onRemove,
}: {
  label: string;
  lines: string[];
  onChange: (lines: string[]) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation("personalPlans");
  return (
    <Stack gap="xs">
      {lines.map((line, i) => (
        // Lines have no identity but their place; a removal re-renders the rest in their new places.
        // biome-ignore lint/suspicious/noArrayIndexKey: positional list
        <Group key={i} gap="xs" wrap="nowrap" align="center">
          <TextInput
            style={{ flex: 1 }}
            size="md"
            aria-label={t("editor.line", { section: label, number: i + 1 })}
            value={line}
            maxLength={300}
            onChange={(e) => onChange(lines.map((l, j) => (j === i ? e.currentTarget.value : l)))}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size={TOUCH}
            aria-label={t("editor.removeLabel", { number: i + 1, section: label })}
            onClick={() => onRemove(i)}
          >
            <IconTrash size={20} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="md"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() => onChange([...lines, ""])}
        style={{ alignSelf: "flex-start" }}
        aria-label={`${t("editor.addLine")}: ${label}`}
      >
        {t("editor.addLine")}
      </Button>
    </Stack>
  );
}

/** People with a number to call (a tap calls them) and an optional note. */
export function ContactsEditor({
  label,
  contacts,
  onChange,
  onRemove,
}: {
  label: string;
  contacts: PlanContact[];
  onChange: (contacts: PlanContact[]) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation("personalPlans");
  const set = (i: number, patch: Partial<PlanContact>) =>
    onChange(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap="xs">
      {contacts.map((contact, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: positional list
          key={i}
          withBorder
          padding="sm"
          role="group"
          aria-label={`${label}: ${t("editor.contact", { number: i + 1 })}`}
        >
          <Stack gap="xs">
            <TextInput
              size="md"
              label={t("editor.contactName")}
              value={contact.name}
              maxLength={100}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
            />
            <TextInput
              size="md"
              type="tel"
              label={t("editor.contactPhone")}
              value={contact.phone}
              maxLength={40}
              onChange={(e) => set(i, { phone: e.currentTarget.value })}
            />
            <TextInput
              size="md"
              label={t("editor.contactNote")}
              value={contact.note}
              maxLength={200}
              onChange={(e) => set(i, { note: e.currentTarget.value })}
            />
            <Group justify="space-between">
              {contact.phone.trim() !== "" ? (
                <Button
                  component="a"
                  href={telOf(contact.phone)}
                  variant="light"
                  size="md"
                  leftSection={<IconPhone size={18} aria-hidden />}
                >
                  {t("editor.call", { name: contact.name || contact.phone })}
                </Button>
              ) : (
                <span />
              )}
              <Button
                variant="subtle"
                color="gray"
                size="md"
                leftSection={<IconTrash size={18} aria-hidden />}
                onClick={() => onRemove(i)}
                aria-label={`${t("editor.removeContact", { number: i + 1 })}: ${label}`}
              >
                {t("editor.remove")}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        size="md"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() => onChange([...contacts, { name: "", phone: "", note: "" }])}
        style={{ alignSelf: "flex-start" }}
        aria-label={`${t("editor.addContact")}: ${label}`}
      >
        {t("editor.addContact")}
      </Button>
    </Stack>
  );
}

/** High-risk situations, each with what the person will do in it. */
export function SituationsEditor({
  situations,
  onChange,
  onRemove,
}: {
  situations: Situation[];
  onChange: (situations: Situation[]) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation("personalPlans");
  const set = (i: number, next: Situation) => onChange(situations.map((s, j) => (j === i ? next : s)));
  return (
    <Stack gap="xs">
      {situations.map((s, i) => {
        const title = t("editor.situation", { number: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional list
          <Card key={i} withBorder padding="sm" role="group" aria-label={title}>
            <Stack gap="xs">
              <TextInput
                size="md"
                label={`${title}: ${t("editor.situationLabel")}`}
                value={s.situation}
                maxLength={300}
                onChange={(e) => set(i, { ...s, situation: e.currentTarget.value })}
              />
              {s.responses.map((r, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: positional list
                <Group key={j} gap="xs" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    size="md"
                    aria-label={`${title}: ${t("editor.response", { number: j + 1 })}`}
                    value={r}
                    maxLength={300}
                    onChange={(e) =>
                      set(i, {
                        ...s,
                        responses: s.responses.map((x, k) => (k === j ? e.currentTarget.value : x)),
                      })
                    }
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size={TOUCH}
                    aria-label={`${title}: ${t("editor.remove")} ${t("editor.response", { number: j + 1 })}`}
                    onClick={() => set(i, { ...s, responses: s.responses.filter((_, k) => k !== j) })}
                  >
                    <IconTrash size={20} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between">
                <Button
                  variant="light"
                  size="md"
                  leftSection={<IconPlus size={18} aria-hidden />}
                  onClick={() => set(i, { ...s, responses: [...s.responses, ""] })}
                  aria-label={`${title}: ${t("editor.addResponse")}`}
                >
                  {t("editor.addResponse")}
                </Button>
                <Button
                  variant="subtle"
                  color="gray"
                  size="md"
                  leftSection={<IconTrash size={18} aria-hidden />}
                  onClick={() => onRemove(i)}
                  aria-label={t("editor.removeSituation", { number: i + 1 })}
                >
                  {t("editor.remove")}
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
      <Button
        variant="light"
        size="md"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() => onChange([...situations, { situation: "", responses: [""] }])}
        style={{ alignSelf: "flex-start" }}
      >
        {t("editor.addSituation")}
      </Button>
      {situations.length === 0 && <Text c="dimmed">{t("editor.empty")}</Text>}
    </Stack>
  );
}

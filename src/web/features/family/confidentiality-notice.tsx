import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { FamilyPerson } from "../../../core/family-portal/family-portal.schema";
import { untilOf } from "./format";

type Sharer = Pick<FamilyPerson, "participantId" | "name" | "scopes" | "expiresOn" | "expiryEvent">;

/**
 * The foot of every family page that shows a participant's information: the 42 CFR 2.32 statement
 * the server attached to the disclosure (kept in English, the regulation's text, with a line in the
 * reader's language above it), and what each person chose to share and until when (§2.32(b)).
 */
export function ConfidentialityNotice({
  statement,
  people,
}: {
  statement: string;
  people: readonly Sharer[];
}) {
  const { t, i18n } = useTranslation("family");
  const titleId = useId();
  return (
    <Paper
      component="aside"
      withBorder
      p="md"
      radius="md"
      aria-labelledby={titleId}
      bg="var(--mantine-color-default-hover)"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t("notice.title")}
        </Title>
        <Text size="sm">{t("notice.intro")}</Text>
        <Text size="sm" lang="en" style={{ whiteSpace: "pre-line" }} data-testid="part2-statement">
          {statement}
        </Text>
        <Title order={3} size="h5">
          {people.length === 1
            ? t("notice.shareTitle", { name: people[0]!.name })
            : t("notice.sharePeopleTitle")}
        </Title>
        <List size="sm" spacing={4}>
          {people.map((person) => {
            const until = untilOf(person, i18n.language);
            const scopes = person.scopes.map((s) => t(`scopes.${s}`)).join(", ");
            return (
              <List.Item key={person.participantId}>
                {people.length === 1 ? "" : `${person.name}: `}
                {scopes} ({t(until.key, until.values)})
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}

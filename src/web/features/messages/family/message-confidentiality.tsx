import { Paper, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { DisclosureNotice } from "../../../../core/family-portal/family-portal.schema";

/**
 * A quiet box under a family member's conversation: the 42 CFR 2.32 statement the server attached to
 * the disclosure of what the care team wrote (kept in English, the regulation's text, with a line in
 * the reader's language above it), and what the consent lets the program share.
 */
export function MessageConfidentiality({ notice }: { notice: DisclosureNotice }) {
  const { t } = useTranslation("messages");
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
      <Stack gap="xs">
        <Title order={2} size="h5" id={titleId}>
          {t("family.confidentiality")}
        </Title>
        <Text size="sm">{t("family.confidentialityIntro")}</Text>
        <Text size="sm" lang="en" style={{ whiteSpace: "pre-line" }} data-testid="part2-statement">
          {notice.statement.text}
        </Text>
        <Text size="sm" lang="en" c="dimmed">
          {notice.scopeSummary}
        </Text>
      </Stack>
    </Paper>
  );
}

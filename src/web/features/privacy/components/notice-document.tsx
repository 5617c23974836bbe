import { Button, Card, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeLanguage, NoticeSettings } from "../../../../core/privacy/notice.schema";
import { composeNotice } from "../../../../core/privacy/notice.text";
import "./privacy.css";

/** Print only the notice: the print stylesheet shows it alone while the body carries the class. */
export function printNotice() {
  document.body.classList.add("notice-printing");
  const done = () => {
    document.body.classList.remove("notice-printing");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

/**
 * The Patient Notice (42 CFR 2.22) in one language, the header first and prominent, each part under
 * its own heading; a language switch and a print button that prints just the notice.
 */
export function NoticeDocument({
  settings,
  language,
  onLanguage,
  headingLevel = 2,
}: {
  settings: NoticeSettings;
  language: NoticeLanguage;
  onLanguage: (language: NoticeLanguage) => void;
  headingLevel?: 1 | 2;
}) {
  const { t } = useTranslation("privacy");
  const headerId = useId();
  const notice = composeNotice(settings, language);
  return (
    <Card withBorder padding="lg" className="patient-notice" component="article" aria-labelledby={headerId}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" className="notice-no-print">
          <SegmentedControl
            aria-label={t("notice.language")}
            value={language}
            onChange={(value) => onLanguage(value as NoticeLanguage)}
            data={[
              { value: "en", label: "English" },
              { value: "es", label: "Español" },
            ]}
          />
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={printNotice}>
            {t("notice.print")}
          </Button>
        </Group>
        <Stack gap="md" lang={language}>
          <Title order={headingLevel} id={headerId} size="h3" style={{ textTransform: "uppercase" }}>
            {notice.header}
          </Title>
          {notice.sections
            .filter((section) => section.key !== "header")
            .map((section) => (
              <Stack key={section.key} gap={6} component="section" data-part={section.key}>
                <Title order={(headingLevel + 1) as 2 | 3} size="h4">
                  {section.title}
                </Title>
                {section.paragraphs.map((paragraph) => (
                  <Text key={paragraph}>{paragraph}</Text>
                ))}
              </Stack>
            ))}
          <Text size="sm" c="dimmed">
            {t("notice.version", { version: notice.version })}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}

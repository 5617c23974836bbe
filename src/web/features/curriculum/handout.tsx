import { Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ModuleLanguage } from "../../../core/curriculum/module.schema";
import { handoutBlocks } from "./handout-text";
import "./curriculum.css";

/** Print only the handout: the print stylesheet shows it alone while the body carries the class. */
function printHandout() {
  document.body.classList.add("curriculum-printing");
  const done = () => {
    document.body.classList.remove("curriculum-printing");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

/** The participant handout in one language, with a button that prints just the handout. */
export function Handout({
  title,
  body,
  language,
  headingId,
}: {
  title: string;
  body: string;
  language: ModuleLanguage;
  headingId: string;
}) {
  const { t } = useTranslation("curriculum");
  return (
    <Card
      withBorder
      padding="lg"
      className="curriculum-handout"
      component="section"
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" className="curriculum-no-print">
          <Text fw={700} c="dimmed" size="sm">
            {t("module.handout")}
          </Text>
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={printHandout}
          >
            {t("module.printHandout")}
          </Button>
        </Group>
        <Title order={3} id={headingId} lang={language}>
          {title}
        </Title>
        <Stack gap="xs" lang={language}>
          {handoutBlocks(body).map((block, i) =>
            block.kind === "paragraph" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a text have no other identity
              <Text key={i}>{block.text}</Text>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a text have no other identity
              <List key={i} spacing={4}>
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list lines have no other identity
                  <List.Item key={j}>{item}</List.Item>
                ))}
              </List>
            ),
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

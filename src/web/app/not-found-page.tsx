import { Button, Container, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CrisisFooter } from "./crisis";
import { ColorSchemeToggle, LanguageSwitch } from "./preferences";
import { usePageTitle } from "./use-page-title";

/** "Page not found", with a way home; used alone and inside the signed-in shells. */
export function NotFoundContent() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <Stack align="flex-start">
      <Title order={1}>{t("notFound.title")}</Title>
      <Text>{t("notFound.body")}</Text>
      <Button component={Link} to="/">
        {t("notFound.home")}
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack mih="100dvh" justify="space-between" gap={0}>
      <Group component="header" justify="space-between" p="sm" gap="xs">
        <Text fw={700} size="lg">
          {t("product.name")}
        </Text>
        <Group gap="xs">
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
      </Group>
      <Container size="sm" w="100%" py="xl" component="main" id="main" style={{ flex: 1 }}>
        <NotFoundContent />
      </Container>
      <Stack component="footer" p="sm">
        <CrisisFooter />
      </Stack>
    </Stack>
  );
}

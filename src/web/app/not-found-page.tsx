import { Button, Container, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Stack>
        <Title order={1}>{t("notFound.title")}</Title>
        <Text>{t("notFound.body")}</Text>
        <Button component={Link} to="/" w="fit-content">
          {t("notFound.home")}
        </Button>
      </Stack>
    </Container>
  );
}

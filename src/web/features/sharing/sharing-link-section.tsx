import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** On the participant's account page: where sharing with family and support people now lives. */
export function SharingLinkSection() {
  const { t } = useTranslation("sharing");
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sharing-link-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sharing-link-title">
          {t("accountLink.title")}
        </Title>
        <Text>{t("accountLink.body")}</Text>
        <Button component={Link} to="/me/sharing" variant="light" style={{ alignSelf: "flex-start" }}>
          {t("accountLink.open")}
        </Button>
      </Stack>
    </Card>
  );
}

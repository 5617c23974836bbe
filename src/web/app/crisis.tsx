import { Anchor, Button, Card, SimpleGrid, Text, Title } from "@mantine/core";
import { IconMessage, IconPhone } from "@tabler/icons-react";
import { Trans, useTranslation } from "react-i18next";

/** Always-visible crisis line (988 Suicide & Crisis Lifeline; 911 for emergencies). */
export function CrisisFooter() {
  const { t } = useTranslation();
  return (
    <Text component="p" size="sm" ta="center" m={0}>
      <Trans
        i18nKey="crisis.footer"
        components={{
          call: <Anchor href="tel:988" c="inherit" underline="always" aria-label={t("crisis.call988")} />,
          text: <Anchor href="sms:988" c="inherit" underline="always" />,
          emergency: <Anchor href="tel:911" c="inherit" underline="always" />,
        }}
      />
    </Text>
  );
}

/** Big touch targets whose labels wrap instead of being cut off (long Spanish labels, large text). */
const BUTTON_STYLES = {
  root: { height: "auto", minHeight: 52, paddingBlock: 10 },
  label: { whiteSpace: "normal", textAlign: "center" },
} as const;

/**
 * Crisis help: 988 by call or text, 911, and — when known — the program's on-call line at the
 * participant's site (first, since it is the team that knows them).
 */
export function CrisisCard({ onCall = null }: { onCall?: { site: string; phone: string } | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="crisis-title">
      <Title order={2} size="h3" id="crisis-title">
        {t("crisis.title")}
      </Title>
      <Text mt="xs">{t("crisis.body")}</Text>
      {onCall && (
        <Button
          component="a"
          href={`tel:${onCall.phone.replace(/[^0-9+]/g, "")}`}
          size="lg"
          mt="md"
          fullWidth
          styles={BUTTON_STYLES}
          color="red"
          variant="light"
          leftSection={<IconPhone size={20} aria-hidden />}
        >
          {t("crisis.onCall", { site: onCall.site, phone: onCall.phone })}
        </Button>
      )}
      <SimpleGrid mt="md" cols={{ base: 1, sm: 3 }} spacing="sm">
        <Button
          component="a"
          href="tel:988"
          size="lg"
          styles={BUTTON_STYLES}
          color="red"
          leftSection={<IconPhone size={20} aria-hidden />}
        >
          {t("crisis.call988")}
        </Button>
        <Button
          component="a"
          href="sms:988"
          size="lg"
          styles={BUTTON_STYLES}
          variant="outline"
          color="red"
          leftSection={<IconMessage size={20} aria-hidden />}
        >
          {t("crisis.text988")}
        </Button>
        <Button component="a" href="tel:911" size="lg" variant="default" styles={BUTTON_STYLES}>
          {t("crisis.call911")}
        </Button>
      </SimpleGrid>
    </Card>
  );
}

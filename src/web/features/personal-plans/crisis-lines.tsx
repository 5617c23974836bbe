import { Button, Stack, Title } from "@mantine/core";
import { IconMessage, IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { OnCallLine } from "./api/get-on-call-line";

const BUTTON_STYLES = {
  root: { height: "auto", minHeight: 48, paddingBlock: 8 },
  label: { whiteSpace: "normal", textAlign: "left" },
} as const;

const telOf = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`;

/**
 * The safety plan's crisis lines, always there whatever the person wrote: 988 by call or text, 911,
 * and the program's on-call line when the site has one.
 */
export function CrisisLines({
  onCall,
  headingLevel = 3,
}: {
  onCall: OnCallLine | null;
  headingLevel?: 3 | 4 | 5;
}) {
  const { t } = useTranslation("personalPlans");
  return (
    <Stack gap="xs" component="section" aria-labelledby="crisis-lines-title">
      <Title order={headingLevel} size="h5" id="crisis-lines-title">
        {t("crisisLines.title")}
      </Title>
      {onCall && (
        <Button
          component="a"
          href={telOf(onCall.phone)}
          color="red"
          variant="light"
          styles={BUTTON_STYLES}
          leftSection={<IconPhone size={20} aria-hidden />}
        >
          {t("crisisLines.onCall", { site: onCall.site, phone: onCall.phone })}
        </Button>
      )}
      <Button
        component="a"
        href="tel:988"
        color="red"
        styles={BUTTON_STYLES}
        leftSection={<IconPhone size={20} aria-hidden />}
      >
        {t("crisisLines.call988")}
      </Button>
      <Button
        component="a"
        href="sms:988"
        color="red"
        variant="outline"
        styles={BUTTON_STYLES}
        leftSection={<IconMessage size={20} aria-hidden />}
      >
        {t("crisisLines.text988")}
      </Button>
      <Button component="a" href="tel:911" variant="default" styles={BUTTON_STYLES}>
        {t("crisisLines.call911")}
      </Button>
    </Stack>
  );
}

export { telOf };

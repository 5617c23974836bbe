import {
  Anchor,
  Button,
  Card,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconExternalLink, IconMessage, IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { HelpResource } from "../../../core/help-resources/help-resources.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useMyHelpResources } from "./api/get-my-help-resources";

/** Big touch targets whose labels wrap (long Spanish labels, large text). */
const BIG = {
  root: { height: "auto", minHeight: 52, paddingBlock: 10 },
  label: { whiteSpace: "normal", textAlign: "center" },
} as const;

const telOf = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`;

/** The official meeting finders of the three mutual-help fellowships. */
const MEETING_FINDERS = [
  { key: "aa", href: "https://www.aa.org/find-aa" },
  { key: "na", href: "https://na.org/meetingsearch/" },
  { key: "smart", href: "https://meetings.smartrecovery.org/meetings/" },
] as const;

/**
 * Help, in the participant's area: crisis lines first (988 by call or text, 911), the program's
 * on-call line, SAMHSA's helpline, mutual-help meeting finders, and the program's local resources.
 * The fixed numbers show even when nothing loads.
 */
export function HelpPage() {
  const { t, i18n } = useTranslation("help");
  usePageTitle(t("page.title"));
  const mine = useMyHelpResources();
  const language = i18n.language.startsWith("es") ? "es" : "en";
  const resources = (mine.data?.resources ?? []).filter(
    (r) => r.language === "any" || r.language === language,
  );
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("page.title")}</Title>
        <Text>{t("page.intro")}</Text>
      </Stack>

      <Card withBorder padding="lg" component="section" aria-labelledby="help-now">
        <Title order={2} size="h3" id="help-now">
          {t("page.now")}
        </Title>
        <Text mt="xs">{t("page.about988")}</Text>
        <SimpleGrid mt="sm" cols={{ base: 1, sm: 2 }} spacing="sm">
          <Button
            component="a"
            href="tel:988"
            color="red"
            size="lg"
            styles={BIG}
            leftSection={<IconPhone size={20} aria-hidden />}
          >
            {t("page.call988")}
          </Button>
          <Button
            component="a"
            href="sms:988"
            color="red"
            variant="outline"
            size="lg"
            styles={BIG}
            leftSection={<IconMessage size={20} aria-hidden />}
          >
            {t("page.text988")}
          </Button>
        </SimpleGrid>
        <Text mt="md">{t("page.about911")}</Text>
        <Button component="a" href="tel:911" mt="xs" size="lg" variant="default" fullWidth styles={BIG}>
          {t("page.call911")}
        </Button>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="help-program">
        <Title order={2} size="h3" id="help-program">
          {t("page.program")}
        </Title>
        {mine.isPending ? (
          <Skeleton mt="sm" h={52} />
        ) : mine.data?.onCall ? (
          <Button
            component="a"
            href={telOf(mine.data.onCall.phone)}
            mt="sm"
            size="lg"
            fullWidth
            styles={BIG}
            leftSection={<IconPhone size={20} aria-hidden />}
          >
            {t("page.onCall", { site: mine.data.onCall.site, phone: mine.data.onCall.phone })}
          </Button>
        ) : (
          <Text mt="xs">{t("page.onCallNone")}</Text>
        )}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="help-samhsa">
        <Title order={2} size="h3" id="help-samhsa">
          {t("page.samhsa")}
        </Title>
        <Text mt="xs">{t("page.samhsaAbout")}</Text>
        <Button
          component="a"
          href="tel:18006624357"
          mt="sm"
          size="lg"
          variant="light"
          fullWidth
          styles={BIG}
          leftSection={<IconPhone size={20} aria-hidden />}
        >
          {t("page.samhsaCall")}
        </Button>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="help-meetings">
        <Title order={2} size="h3" id="help-meetings">
          {t("page.meetings")}
        </Title>
        <Text mt="xs">{t("page.meetingsIntro")}</Text>
        <Stack mt="sm" gap="xs">
          {MEETING_FINDERS.map((finder) => (
            <Button
              key={finder.key}
              component="a"
              href={finder.href}
              target="_blank"
              rel="noopener noreferrer"
              variant="default"
              size="lg"
              fullWidth
              styles={BIG}
              rightSection={<IconExternalLink size={18} aria-hidden />}
            >
              {t(`page.${finder.key}`)}
              <VisuallyHidden> {t("page.opensNewTab")}</VisuallyHidden>
            </Button>
          ))}
        </Stack>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="help-local">
        <Title order={2} size="h3" id="help-local">
          {t("page.local")}
        </Title>
        {mine.isPending ? (
          <div role="status">
            <VisuallyHidden>{t("page.loading")}</VisuallyHidden>
            <Skeleton mt="sm" h={60} />
          </div>
        ) : mine.isError ? (
          <Text mt="xs">{t("page.localError")}</Text>
        ) : resources.length === 0 ? (
          <Text mt="xs">{t("page.localEmpty")}</Text>
        ) : (
          <Stack component="ul" mt="sm" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
            {resources.map((resource) => (
              <LocalResource key={`${resource.name}-${resource.phone}-${resource.url}`} resource={resource} />
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

function LocalResource({ resource }: { resource: HelpResource }) {
  const { t } = useTranslation("help");
  return (
    <Stack component="li" gap={4}>
      <Text fw={700}>{resource.name}</Text>
      {resource.description && <Text size="sm">{resource.description}</Text>}
      {resource.phone && (
        <Button
          component="a"
          href={telOf(resource.phone)}
          variant="light"
          size="md"
          fullWidth
          styles={BIG}
          leftSection={<IconPhone size={18} aria-hidden />}
        >
          {t("page.call", { name: resource.name, phone: resource.phone })}
        </Button>
      )}
      {resource.url && (
        <Anchor href={resource.url} target="_blank" rel="noopener noreferrer" py={8}>
          {t("page.website", { name: resource.name })}
          <VisuallyHidden> {t("page.opensNewTab")}</VisuallyHidden>
        </Anchor>
      )}
    </Stack>
  );
}

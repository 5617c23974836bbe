import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertCircle, IconListCheck, IconMapPin, IconMessageQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PublicLayout } from "../../app/public-layout";
import { usePublicSites } from "./api/get-public-sites";

/** Wrap long labels instead of cutting them off (Spanish, large text). */
export const WRAPPING_BUTTON = {
  root: { height: "auto", minHeight: 48, paddingBlock: 10 },
  label: { whiteSpace: "normal", textAlign: "center" },
} as const;

/** `/get-help`: what an intensive outpatient program is, who it fits, and two ways to start. */
export function GetHelpPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t("getHelp.landing.title")} intro={t("getHelp.landing.intro")} width={560}>
      <Stack component="section" aria-labelledby="what-title" gap="xs">
        <Title order={2} size="h3" id="what-title">
          {t("getHelp.landing.whatTitle")}
        </Title>
        <Text>{t("getHelp.landing.whatBody")}</Text>
        <List spacing="xs">
          <List.Item>{t("getHelp.landing.whatGroups")}</List.Item>
          <List.Item>{t("getHelp.landing.whatStepDown")}</List.Item>
          <List.Item>{t("getHelp.landing.whatLife")}</List.Item>
        </List>
      </Stack>
      <Stack component="section" aria-labelledby="who-title" gap="xs">
        <Title order={2} size="h3" id="who-title">
          {t("getHelp.landing.whoTitle")}
        </Title>
        <Text>{t("getHelp.landing.whoBody")}</Text>
      </Stack>
      <Locations />
      <Card withBorder padding="lg" component="section" aria-labelledby="next-title">
        <Stack>
          <Title order={2} size="h3" id="next-title">
            {t("getHelp.landing.nextTitle")}
          </Title>
          <Stack gap={4}>
            <Button
              component={Link}
              to="/get-help/self-check"
              size="md"
              styles={WRAPPING_BUTTON}
              leftSection={<IconListCheck size={20} aria-hidden />}
            >
              {t("getHelp.landing.selfCheck")}
            </Button>
            <Text size="sm" c="dimmed">
              {t("getHelp.landing.selfCheckHelp")}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Button
              component={Link}
              to="/get-help/inquiry"
              size="md"
              variant="outline"
              styles={WRAPPING_BUTTON}
              leftSection={<IconMessageQuestion size={20} aria-hidden />}
            >
              {t("getHelp.landing.inquiry")}
            </Button>
            <Text size="sm" c="dimmed">
              {t("getHelp.landing.inquiryHelp")}
            </Text>
          </Stack>
        </Stack>
      </Card>
      <Group justify="center">
        <Anchor component={Link} to="/sign-in" size="sm">
          {t("getHelp.landing.signIn")}
        </Anchor>
      </Group>
    </PublicLayout>
  );
}

/** Each location, linking to its program page; nothing to show when there are none. */
function Locations() {
  const { t } = useTranslation();
  const sites = usePublicSites();
  if (sites.data?.sites.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="locations-title" gap="xs">
      <Title order={2} size="h3" id="locations-title">
        {t("getHelp.landing.locationsTitle")}
      </Title>
      {sites.isPending && (
        <Stack role="status" gap="xs">
          <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
          <Skeleton h={24} w="60%" />
        </Stack>
      )}
      {sites.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text>{t("getHelp.landing.locationsFailed")}</Text>
            <Button size="xs" variant="default" onClick={() => void sites.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      )}
      {sites.data && (
        <List spacing="xs" listStyleType="none" ps={0}>
          {sites.data.sites.map((site) => (
            <List.Item key={site.id} icon={<IconMapPin size={18} aria-hidden />}>
              <Anchor component={Link} to={`/get-help/programs/${site.id}`}>
                {t("getHelp.landing.locationLink", { name: site.name })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

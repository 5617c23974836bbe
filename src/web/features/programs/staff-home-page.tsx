import {
  Alert,
  Button,
  Card,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/use-page-title";
import { useOverview } from "./api/get-overview";

function Figure({ label, value }: { label: string; value: number }) {
  const { i18n } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Text size="sm" component="dt">
        {label}
      </Text>
      <Text fw={700} fz={32} lh={1.2} component="dd" m={0}>
        {value.toLocaleString(i18n.language)}
      </Text>
    </Card>
  );
}

/** Staff home: census and totals for the staff member's own sites. */
export function StaffHomePage() {
  const { t } = useTranslation();
  const overview = useOverview();
  usePageTitle(t("overview.title"));
  return (
    <Stack maw={960}>
      <Title order={1}>{t("overview.title")}</Title>
      {overview.isPending && (
        <SimpleGrid cols={{ base: 2, md: 4 }} role="status">
          <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={88} />
          ))}
        </SimpleGrid>
      )}
      {overview.isError && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          role="alert"
          title={t("overview.error")}
        >
          <Button mt="sm" variant="default" onClick={() => void overview.refetch()}>
            {t("common.retry")}
          </Button>
        </Alert>
      )}
      {overview.data && (
        <>
          {overview.data.organisation.name && <Text size="lg">{overview.data.organisation.name}</Text>}
          <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
            <Figure
              label={t("overview.currentParticipants")}
              value={overview.data.totals.currentParticipants}
            />
            <Figure label={t("overview.pastParticipants")} value={overview.data.totals.pastParticipants} />
            <Figure label={t("overview.staff")} value={overview.data.totals.staff} />
            <Figure label={t("overview.tracks")} value={overview.data.totals.tracks} />
          </SimpleGrid>
          {overview.data.sites.length === 0 ? (
            <Text>{t("overview.noSites")}</Text>
          ) : overview.data.totals.currentParticipants + overview.data.totals.pastParticipants === 0 ? (
            <Text>{t("overview.empty")}</Text>
          ) : (
            <Card withBorder padding="md" component="section" aria-labelledby="by-site">
              <Title order={2} size="h4" id="by-site">
                {t("overview.bySite")}
              </Title>
              <List mt="xs">
                {overview.data.sites.map((site) => (
                  <List.Item key={site.id}>
                    <Text span fw={600}>
                      {site.name}
                    </Text>
                    {": "}
                    {t("overview.siteCount", { count: site.currentParticipants })}
                  </List.Item>
                ))}
              </List>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}

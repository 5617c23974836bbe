import { Alert, Anchor, Button, Card, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconBook, IconLifebuoy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FamilyPerson } from "../../../core/family-portal/family-portal.schema";
import { CrisisCard } from "../../app/crisis";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { firstName } from "../identity/first-name";
import { useFamilyPeople } from "./api/get-family-people";
import { ConfidentialityNotice } from "./confidentiality-notice";
import { untilOf } from "./format";

function LearnAndResources() {
  const { t } = useTranslation("family");
  return (
    <Group gap="sm">
      <Button
        component={Link}
        to="/family/learn"
        variant="light"
        leftSection={<IconBook size={18} aria-hidden />}
      >
        {t("home.learnLink")}
      </Button>
      <Button
        component={Link}
        to="/family/resources"
        variant="light"
        leftSection={<IconLifebuoy size={18} aria-hidden />}
      >
        {t("home.resourcesLink")}
      </Button>
    </Group>
  );
}

function PersonCard({ person }: { person: FamilyPerson }) {
  const { t, i18n } = useTranslation("family");
  const until = untilOf(person, i18n.language);
  const titleId = `person-${person.participantId}`;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby={titleId}
      data-testid="family-person-card"
    >
      <Stack gap="sm">
        <Title order={3} id={titleId}>
          {person.name}
        </Title>
        <Text>{t("home.shares")}</Text>
        <List spacing={2}>
          {person.scopes.map((scope) => (
            <List.Item key={scope}>{t(`scopes.${scope}`)}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t(until.key, until.values)}
        </Text>
        <Button
          component={Link}
          to={`/family/people/${person.participantId}`}
          size="lg"
          style={{ alignSelf: "flex-start" }}
        >
          {t("home.open", { name: person.name })}
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * A family member's home (phone first): a greeting, crisis help, a card for each person who shares
 * with them linking to that person's page, a kind word for those who no longer share (nothing about
 * them), and — when nobody shares — that the participant decides, with learning and resources that
 * need no consent. The names shown are a disclosure, so the §2.32 notice is at the foot.
 */
export function FamilyHomePage() {
  const { t } = useTranslation("family");
  const user = useSessionUser();
  const people = useFamilyPeople();
  usePageTitle(t("home.title"));
  const list = people.data?.people ?? [];
  const noLongerShared = people.data?.noLongerShared ?? 0;
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("home.greeting", { name: firstName(user.displayName) })}</Title>
        <Text>{t("home.intro")}</Text>
      </Stack>
      <CrisisCard />
      <Stack gap="sm" component="section" aria-labelledby="family-people-title">
        <Title order={2} size="h3" id="family-people-title">
          {t("home.peopleTitle")}
        </Title>
        {people.isPending ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t("common.loading")}</Text>
          </Group>
        ) : people.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text>{t("home.peopleError")}</Text>
              <Button size="sm" variant="default" onClick={() => void people.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <>
            {list.map((person) => (
              <PersonCard key={person.participantId} person={person} />
            ))}
            {noLongerShared > 0 && (
              <Card withBorder padding="lg" data-testid="family-no-longer-shared">
                <Stack gap="sm">
                  <Title order={3}>{t("home.noLongerSharedTitle")}</Title>
                  <Text>{t("home.noLongerShared", { count: noLongerShared })}</Text>
                  <LearnAndResources />
                </Stack>
              </Card>
            )}
            {list.length === 0 && noLongerShared === 0 && (
              <Card withBorder padding="lg" data-testid="family-nobody-shares">
                <Stack gap="sm">
                  <Title order={3}>{t("home.emptyTitle")}</Title>
                  <Text>{t("home.emptyBody")}</Text>
                  <LearnAndResources />
                </Stack>
              </Card>
            )}
          </>
        )}
      </Stack>
      {list.length > 0 && <ConfidentialityNotice statement={list[0]!.statement.text} people={list} />}
      {list.length > 0 && (
        <Anchor component={Link} to="/family/learn" size="sm">
          {t("home.learnLink")}
        </Anchor>
      )}
    </Stack>
  );
}

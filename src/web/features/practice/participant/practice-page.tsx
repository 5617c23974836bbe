import { Accordion, Alert, Card, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../../app/use-page-title";
import { LoadError } from "../../admin/page-states";
import { formatLongDate } from "../../treatment-plans/my-plan-words";
import { useMyPractice } from "../api/get-my-practice";
import { PracticeAssignmentView } from "./practice-assignment";

/**
 * "My practice" on the participant's phone: this week's practice from the last group they attended
 * (the handout as plain paragraphs, what to try, "Mark as done" with a reflection for the
 * facilitator), then earlier practice, collapsed. Crisis help stays in the footer of every /me page.
 */
export function PracticePage() {
  const { t, i18n } = useTranslation("practice");
  usePageTitle(t("page.title"));
  const practice = useMyPractice();
  const assignments = practice.data?.assignments ?? [];
  const current = assignments.find((a) => a.current);
  const earlier = assignments.filter((a) => a !== current);

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("page.title")}</Title>
        <Text>{t("page.intro")}</Text>
      </Stack>
      {practice.isPending ? (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("page.loading")}</VisuallyHidden>
          <Skeleton h={200} />
          <Skeleton h={64} />
        </Stack>
      ) : practice.isError ? (
        <LoadError
          error={practice.error}
          onRetry={() => void practice.refetch()}
          title={t("page.loadError")}
        />
      ) : assignments.length === 0 ? (
        <Stack gap={4}>
          <Text fw={600} size="lg">
            {t("page.empty")}
          </Text>
          <Text>{t("page.emptyBody")}</Text>
        </Stack>
      ) : (
        <Stack gap="lg">
          {current ? (
            <Card withBorder padding="md" component="section" aria-labelledby="practice-current">
              <Stack gap="sm">
                <Text fw={600} c="dimmed" size="sm">
                  {t("page.current")}
                </Text>
                <Title order={2} id="practice-current">
                  {current.module.title}
                </Title>
                <PracticeAssignmentView assignment={current} headingOrder={3} />
              </Stack>
            </Card>
          ) : (
            <Alert variant="light" color="blue">
              {t("page.noCurrent")}
            </Alert>
          )}
          {earlier.length > 0 && (
            <Stack gap="xs" component="section" aria-labelledby="practice-earlier">
              <Title order={2} id="practice-earlier">
                {t("page.earlier")}
              </Title>
              <Accordion variant="separated" order={3}>
                {earlier.map((a) => (
                  <Accordion.Item
                    key={`${a.track.id} ${a.occurrenceKey}`}
                    value={`${a.track.id} ${a.occurrenceKey}`}
                  >
                    <Accordion.Control>
                      {t("page.earlierItem", {
                        title: a.module.title,
                        date: formatLongDate(a.sessionDate, i18n.language),
                      })}
                    </Accordion.Control>
                    <Accordion.Panel>
                      <PracticeAssignmentView assignment={a} headingOrder={4} />
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}

import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PracticeReflections } from "../../../../core/practice/practice.schema";
import { formatDate } from "../../admin/format";
import { isForbidden } from "../../admin/page-states";
import { usePracticeReflections } from "../api/get-practice-reflections";
import { useMarkReflectionsRead } from "../api/mark-reflections-read";

type Person = PracticeReflections["people"][number];

/** Unread reflections first, then the rest of those who did it, then those who did not, then absent. */
function order(person: Person): number {
  if (person.completion && !person.completion.readAt) return 0;
  if (person.completion) return 1;
  return person.attended ? 2 : 3;
}

/**
 * "Practice reflections" on a session's group-note screen: for each person on the roster, whether
 * they did the practice of the group's session before and what they wrote, with "mark read" — read
 * before or at the start of the group. Hidden for staff who may not read them.
 */
export function PracticeReflectionsSection({
  trackId,
  occurrenceKey,
}: {
  trackId: string;
  occurrenceKey: string;
}) {
  const { t, i18n } = useTranslation("practice");
  const view = usePracticeReflections(trackId, occurrenceKey);
  const markRead = useMarkReflectionsRead(trackId, occurrenceKey);
  if (view.isError && isForbidden(view.error)) return null;
  const data = view.data;
  const previous = data?.previous ?? null;
  const people = data ? [...data.people].sort((a, b) => order(a) - order(b)) : [];
  const unread = people.flatMap((p) => (p.completion && !p.completion.readAt ? [p.completion.id] : []));
  const attended = people.filter((p) => p.attended).length;
  const done = people.filter((p) => p.completion).length;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="practice-reflections-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="practice-reflections-title">
            {t("staff.title")}
          </Title>
          {unread.length > 0 && (
            <Button
              size="sm"
              variant="light"
              loading={markRead.isPending}
              onClick={() => markRead.mutate(unread)}
            >
              {t("staff.markRead")}
            </Button>
          )}
        </Group>
        {view.isPending ? (
          <Stack gap="xs" role="status">
            <VisuallyHidden>{t("staff.loading")}</VisuallyHidden>
            <Skeleton h={48} />
            <Skeleton h={48} />
          </Stack>
        ) : view.isError ? (
          <Alert color="red" variant="light">
            {t("staff.loadError")}
          </Alert>
        ) : !previous ? (
          <Text>{t("staff.noPrevious")}</Text>
        ) : !previous.module ? (
          <Text>{t("staff.introNoModule", { date: formatDate(previous.sessionDate, i18n.language) })}</Text>
        ) : (
          <>
            <Text>
              {t("staff.intro", {
                module: previous.module.title,
                date: formatDate(previous.sessionDate, i18n.language),
              })}
            </Text>
            <Text fw={600}>{t("staff.summary", { done, attended })}</Text>
            {markRead.isError && (
              <Alert color="red" variant="light">
                {t("staff.markError")}
              </Alert>
            )}
            <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {people.map((person) => (
                <ReflectionRow
                  key={person.participantId}
                  person={person}
                  onMarkRead={(id) => markRead.mutate([id])}
                  marking={markRead.isPending}
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
}

function ReflectionRow({
  person,
  onMarkRead,
  marking,
}: {
  person: Person;
  onMarkRead: (completionId: string) => void;
  marking: boolean;
}) {
  const { t } = useTranslation("practice");
  const completion = person.completion;
  return (
    <Card withBorder padding="sm" component="li" data-testid="practice-reflection">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{person.name}</Text>
          <Group gap={6}>
            {completion && !completion.readAt && (
              <Badge color="blue" variant="filled" tt="none">
                {t("staff.unread")}
              </Badge>
            )}
            <Badge color={completion ? "green" : "gray"} variant="light" tt="none">
              {completion ? t("staff.done") : person.attended ? t("staff.notDone") : t("staff.notAttended")}
            </Badge>
          </Group>
        </Group>
        {completion && (
          <>
            <Text style={{ whiteSpace: "pre-wrap" }}>{completion.reflection || t("staff.noReflection")}</Text>
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                {completion.readBy ? t("staff.read", { name: completion.readBy.name }) : ""}
              </Text>
              {!completion.readAt && (
                <Button
                  size="xs"
                  variant="subtle"
                  disabled={marking}
                  onClick={() => onMarkRead(completion.id)}
                >
                  {t("staff.markReadOne")}
                  <VisuallyHidden>: {person.name}</VisuallyHidden>
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconChevronRight } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { formatDate } from "../admin/format";
import { EmptyState, LoadError, TableSkeleton } from "../admin/page-states";
import { useInstruments } from "../assessments/api/get-instruments";
import { instrumentTitle } from "../assessments/due-reason";
import type { QuestionnaireTodo } from "./questionnaire-todos";
import { useQuestionnaireTodos } from "./use-questionnaire-todos";

/** Where a participant answers one questionnaire (for an assignment when there is one). */
export function questionnairePath(todo: Pick<QuestionnaireTodo, "instrumentKey" | "assignmentId">): string {
  const path = `/me/questionnaires/${encodeURIComponent(todo.instrumentKey)}`;
  return todo.assignmentId ? `${path}?assignment=${encodeURIComponent(todo.assignmentId)}` : path;
}

/** The participant's own list of questionnaires to fill in, on their phone. */
export function MyQuestionnairesPage() {
  const { t, i18n } = useTranslation("assessments");
  usePageTitle(t("mine.title"));
  const user = useSessionUser();
  const todos = useQuestionnaireTodos(user.participantId);
  const instruments = useInstruments();
  const error = todos.error ?? instruments.error;
  const titleOf = (key: string) => {
    const instrument = instruments.data?.find((i) => i.key === key);
    return instrument ? instrumentTitle(instrument, i18n.language) : key.toUpperCase();
  };

  let content: ReactNode;
  if (todos.unlinked) {
    content = <Text>{t("mine.noRecord")}</Text>;
  } else if (todos.todos && instruments.data) {
    content =
      todos.todos.length === 0 ? (
        <Stack gap={0}>
          <EmptyState>{t("mine.empty")}</EmptyState>
          <Text>{t("mine.emptyBody")}</Text>
        </Stack>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          aria-label={t("mine.listLabel")}
          style={{ listStyle: "none" }}
        >
          {todos.todos.map((todo) => (
            <TodoCard
              key={`${todo.instrumentKey}:${todo.assignmentId ?? "schedule"}`}
              todo={todo}
              title={titleOf(todo.instrumentKey)}
            />
          ))}
        </Stack>
      );
  } else if (error) {
    content = (
      <LoadError
        error={error}
        title={t("mine.loadError")}
        onRetry={() => {
          todos.retry();
          if (instruments.isError) void instruments.refetch();
        }}
      />
    );
  } else {
    content = <TableSkeleton rows={3} />;
  }

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("mine.title")}</Title>
        <Text>{t("mine.intro")}</Text>
      </Stack>
      {content}
    </Stack>
  );
}

function TodoCard({ todo, title }: { todo: QuestionnaireTodo; title: string }) {
  const { t, i18n } = useTranslation("assessments");
  const date = formatDate(todo.dueOn, i18n.language);
  return (
    <Card component="li" withBorder padding="lg">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Group gap="xs">
            <Text size="sm">{todo.overdue ? t("mine.wasDue", { date }) : t("mine.dueOn", { date })}</Text>
            {todo.overdue && (
              <Badge variant="light" color="orange">
                {t("mine.late")}
              </Badge>
            )}
          </Group>
        </Stack>
        <Button
          component={Link}
          to={questionnairePath(todo)}
          size="lg"
          fullWidth
          rightSection={<IconChevronRight size={20} aria-hidden />}
          aria-label={t("mine.startLabel", { title })}
        >
          {t("mine.start")}
        </Button>
      </Stack>
    </Card>
  );
}

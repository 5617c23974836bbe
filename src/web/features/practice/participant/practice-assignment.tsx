import { Badge, Group, Stack, Text, Title, type TitleOrder } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PracticeAssignment } from "../../../../core/practice/practice.schema";
import { formatLongDate, formatSignedAt } from "../../treatment-plans/my-plan-words";
import { HandoutText } from "./handout-text";
import { PracticeDoneForm } from "./practice-done-form";

/** One assignment: where it came from, the handout, the practice, its skills, and marking it done. */
export function PracticeAssignmentView({
  assignment,
  headingOrder,
}: {
  assignment: PracticeAssignment;
  /** The level of its section headings (the page decides what they sit under). */
  headingOrder: TitleOrder;
}) {
  const { t, i18n } = useTranslation("practice");
  const { module } = assignment;
  return (
    <Stack gap="md">
      <Group gap="xs" justify="space-between">
        <Text c="dimmed">
          {t("page.fromGroup", {
            track: assignment.track.name,
            date: formatLongDate(assignment.sessionDate, i18n.language),
          })}
        </Text>
        <Badge color={assignment.done ? "green" : "gray"} variant="light" size="lg" tt="none">
          {assignment.done ? t("page.doneBadge") : t("page.notDoneBadge")}
        </Badge>
      </Group>
      <Stack gap="xs" component="section">
        <Title order={headingOrder} size="h4">
          {t("page.practice")}
        </Title>
        <Text size="lg" style={{ whiteSpace: "pre-wrap" }}>
          {module.practice}
        </Text>
      </Stack>
      <Stack gap="xs" component="section">
        <Title order={headingOrder} size="h4">
          {t("page.handout")}: {module.handoutTitle}
        </Title>
        <HandoutText text={module.handout} />
      </Stack>
      {module.skills.length > 0 && (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t("page.skills")}:
          </Text>{" "}
          {module.skills.join(" · ")}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {!assignment.open
          ? t("page.closed")
          : assignment.closesAt
            ? t("page.closesAt", { when: formatSignedAt(assignment.closesAt, i18n.language) })
            : t("page.noNextSession")}
      </Text>
      <PracticeDoneForm assignment={assignment} />
    </Stack>
  );
}

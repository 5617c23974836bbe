import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft, IconMessages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { FamilyScope } from "../../../core/consents/consent.schema";
import { usePageTitle } from "../../app/use-page-title";
import { AccessEnded } from "./access-ended";
import { useFamilyPeople } from "./api/get-family-people";
import { useFamilyView } from "./api/get-family-view";
import { ConfidentialityNotice } from "./confidentiality-notice";
import {
  AttendanceSection,
  GoalsSection,
  ProgressSection,
  ScheduleSection,
  ScoresSection,
} from "./person-sections";

/**
 * One person a family member supports: a section for each category they chose to share, and at the
 * foot the §2.32 statement with what they shared and until when. Every load asks the server again; if
 * it says access has ended (revoked, expired, changed), the page shows that and no data at all.
 */
export function FamilyPersonPage() {
  const { t } = useTranslation("family");
  const { participantId = "" } = useParams();
  const people = useFamilyPeople();
  const person = people.data?.people.find((p) => p.participantId === participantId);
  const shares = (scope: FamilyScope) => person?.scopes.includes(scope) ?? false;
  const schedule = useFamilyView(participantId, "schedule", shares("family_session_schedule"));
  const attendance = useFamilyView(participantId, "attendance", shares("attendance_summary"));
  const progress = useFamilyView(participantId, "progress", shares("shared_progress"));
  const goals = useFamilyView(participantId, "goals", shares("treatment_goals"));
  const scores = useFamilyView(participantId, "scores", shares("assessment_scores"));
  const ended =
    (people.data !== undefined && person === undefined) ||
    [schedule, attendance, progress, goals, scores].some((q) => q.data?.ended === true);
  usePageTitle(person && !ended ? person.name : t("home.title"));

  const back = (
    <Anchor component={Link} to="/family">
      <Group gap={4} component="span">
        <IconArrowLeft size={18} aria-hidden />
        {t("person.back")}
      </Group>
    </Anchor>
  );
  if (people.isPending)
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t("common.loading")}</Text>
      </Group>
    );
  if (people.isError)
    return (
      <Stack>
        {back}
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text>{t("person.loadError")}</Text>
            <Button size="sm" variant="default" onClick={() => void people.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      </Stack>
    );
  if (ended || !person)
    return (
      <Stack>
        {back}
        <Title order={1}>{t("ended.title")}</Title>
        <AccessEnded />
      </Stack>
    );
  return (
    <Stack>
      {back}
      <Title order={1}>{person.name}</Title>
      {shares("family_session_schedule") && <ScheduleSection query={schedule} />}
      {shares("attendance_summary") && <AttendanceSection query={attendance} />}
      {shares("shared_progress") && <ProgressSection name={person.name} query={progress} />}
      {shares("treatment_goals") && <GoalsSection query={goals} />}
      {shares("assessment_scores") && <ScoresSection query={scores} />}
      {shares("family_messages") && (
        <Button
          component={Link}
          to="/family/messages"
          variant="light"
          size="lg"
          leftSection={<IconMessages size={20} aria-hidden />}
        >
          {t("person.messagesLink")}
        </Button>
      )}
      <ConfidentialityNotice statement={person.statement.text} people={[person]} />
    </Stack>
  );
}

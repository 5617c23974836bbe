import { Card, Group, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { AbsenceRequestsSection } from "../absence-requests/absence-requests-section";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { CalendarFeedSection } from "./calendar-feed-section";
import { TrackPlacementSection } from "./track-placement-section";
import { UnavailabilitySection } from "./unavailability-section";
import { UpcomingSessionsSection } from "./upcoming-sessions-section";
import { WeeklyHoursCard } from "./weekly-hours-card";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The week a `?week=` value names (any date in it); this week when it is missing or not a date. */
export function weekFrom(value: string | null): string | null {
  return value !== null && ISO_DATE.test(value) ? value : null;
}

/**
 * The Schedule tab of a participant's chart: the week's hours against the minimum (the week in
 * `?week=`, where attendance alerts point), the track and its history, the next two weeks, the times
 * they cannot come, their requests to be excused (decided here), and their calendar feed. Reading needs schedule.view; changing needs
 * schedule.manage (the server also checks the participant is within reach).
 */
export function SchedulePanel({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("participantSchedule");
  const permissions = useMyPermissions();
  const [params, setParams] = useSearchParams();
  if (permissions.isPending) return <Skeleton h={160} />;
  const granted = permissions.data ?? [];
  if (!granted.includes("schedule.view")) {
    return (
      <Card withBorder padding="md">
        <Group gap="xs">
          <IconLock size={16} aria-hidden />
          <Text>{t("panel.notPermitted")}</Text>
        </Group>
      </Card>
    );
  }
  const canManage = granted.includes("schedule.manage");
  const name = record.preferredName
    ? `${record.preferredName} ${record.familyName}`
    : `${record.givenName} ${record.familyName}`;
  const week = weekFrom(params.get("week"));
  const setWeek = (next: string | null) =>
    setParams(
      (previous) => {
        const changed = new URLSearchParams(previous);
        if (next === null) changed.delete("week");
        else changed.set("week", next);
        return changed;
      },
      { replace: true },
    );

  return (
    <Stack>
      <WeeklyHoursCard participantId={record.id} week={week} onWeek={setWeek} />
      <TrackPlacementSection
        participantId={record.id}
        name={name}
        siteId={record.site.id}
        canManage={canManage}
      />
      <UpcomingSessionsSection
        participantId={record.id}
        canTakeAttendance={granted.includes("attendance.record")}
      />
      <AbsenceRequestsSection
        participantId={record.id}
        canDecide={granted.includes("clinical.write")}
        highlight={params.get("request")}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <UnavailabilitySection participantId={record.id} audience="staff" canChange={canManage} />
        <CalendarFeedSection
          owner={{ kind: "participant", participantId: record.id }}
          audience="staff"
          canChange={canManage}
        />
      </SimpleGrid>
    </Stack>
  );
}

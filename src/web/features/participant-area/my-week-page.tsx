import { Alert, Button, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { isoWeekStart } from "../../../core/attendance/weekly-hours.rules";
import { addDays } from "../../../core/platform/dates";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { AbsenceRequestControl, requestFor } from "../absence-requests/absence-request-control";
import { useMyAbsenceRequests } from "../absence-requests/api/get-my-absence-requests";
import { EmptyState, LoadError } from "../admin/page-states";
import { useMySchedule, type WeekRange } from "../participant-schedule/api/get-my-schedule";
import { CalendarFeedSection } from "../participant-schedule/calendar-feed-section";
import { MyWeekDays } from "../participant-schedule/my-week-days";
import { UnavailabilitySection } from "../participant-schedule/unavailability-section";
import { deviceTimeZone, todayIn, zoneAbbreviation } from "../schedule/schedule-format";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Mar 9 – 15": the week on screen. */
function formatRange(from: string, to: string, language: string): string {
  const at = (date: string) => new Date(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat(language, { month: "short", day: "numeric", timeZone: "UTC" }).formatRange(
    at(from),
    at(to),
  );
}

/**
 * "My week" on the participant's phone: their group sessions and appointments day by day (today
 * marked, video sessions with a button to join), week by week (`?week=` holds the Monday); then
 * their calendar feed, and the times they cannot come, which they keep up to date themselves.
 * Each session still ahead offers "Can't make it?" (a request to be excused, with its answer).
 */
export function MyWeekPage() {
  const { t, i18n } = useTranslation("participantSchedule");
  usePageTitle(t("week.title"));
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const asked = params.get("week");
  const range: WeekRange = useMemo(() => {
    if (!asked || !ISO_DATE.test(asked)) return null;
    const monday = isoWeekStart(asked);
    return { from: monday, to: addDays(monday, 6) };
  }, [asked]);
  const schedule = useMySchedule(range);
  const absences = useMyAbsenceRequests();
  const data = schedule.data;
  const today = data ? todayIn(data.timeZone, new Date()) : null;
  const isThisWeek = data !== undefined && today !== null && data.from <= today && today <= data.to;
  const go = (week: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (week === null) next.delete("week");
        else next.set("week", week);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("week.title")}</Title>
        <Text>{t("week.intro")}</Text>
      </Stack>

      <Stack gap="xs">
        <Text fw={700} size="lg" ta="center" aria-live="polite" mih="1.75rem">
          {data ? (
            <>
              <VisuallyHidden>{t("week.showing")} </VisuallyHidden>
              {formatRange(data.from, data.to, i18n.language)}
            </>
          ) : null}
        </Text>
        <Group grow gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="md"
            disabled={!data}
            onClick={() => data && go(addDays(data.from, -7))}
            aria-label={t("week.previousLabel")}
            leftSection={<IconChevronLeft size={18} aria-hidden />}
          >
            {t("week.previous")}
          </Button>
          <Button
            variant="default"
            size="md"
            disabled={!data}
            onClick={() => data && go(addDays(data.from, 7))}
            aria-label={t("week.nextLabel")}
            rightSection={<IconChevronRight size={18} aria-hidden />}
          >
            {t("week.next")}
          </Button>
        </Group>
      </Stack>
      {data && !isThisWeek && (
        <Button variant="subtle" onClick={() => go(null)} style={{ alignSelf: "center" }}>
          {t("week.backToThisWeek")}
        </Button>
      )}

      {schedule.isPending ? (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("week.loading")}</VisuallyHidden>
          <Skeleton h={120} />
          <Skeleton h={48} />
          <Skeleton h={120} />
        </Stack>
      ) : schedule.isError && !data ? (
        <LoadError
          error={schedule.error}
          onRetry={() => void schedule.refetch()}
          title={t("week.loadError")}
        />
      ) : data && today ? (
        <Stack gap="sm" aria-busy={schedule.isPlaceholderData}>
          {data.timeZone !== deviceTimeZone() && (
            <Alert variant="light" color="blue">
              {t("week.zone", { zone: zoneAbbreviation(data.timeZone, new Date(), i18n.language) })}
            </Alert>
          )}
          {data.entries.length === 0 ? (
            <Stack gap={0}>
              <EmptyState>{t("week.empty")}</EmptyState>
              <Text>{t("week.emptyBody")}</Text>
            </Stack>
          ) : (
            <MyWeekDays
              schedule={data}
              today={today}
              sessionExtra={(entry, title) => (
                <AbsenceRequestControl
                  entry={entry}
                  title={title}
                  request={requestFor(absences.data?.requests ?? [], entry.id)}
                  now={new Date()}
                />
              )}
            />
          )}
        </Stack>
      ) : null}

      <CalendarFeedSection owner={{ kind: "me" }} audience="self" canChange />
      {user.participantId && (
        <UnavailabilitySection participantId={user.participantId} audience="self" canChange />
      )}
    </Stack>
  );
}

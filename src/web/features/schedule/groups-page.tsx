import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import {
  IconChevronLeft,
  IconChevronRight,
  IconClock,
  IconMapPin,
  IconUser,
  IconUsers,
  IconVideo,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isoWeekStart } from "../../../core/attendance/weekly-hours.rules";
import { addDays } from "../../../core/platform/dates";
import type { Track } from "../../../core/schedule/tracks.schema";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { EmptyState, LoadError, PageHeader } from "../admin/page-states";
import { GroupNoteLink } from "../notes/group-note-link";
import { type Occurrence, useOccurrencesOfTracks } from "./api/get-occurrences";
import { useTracks } from "./api/get-tracks";
import {
  deviceTimeZone,
  formatDate,
  formatDay,
  formatTimeRange,
  todayIn,
  zoneAbbreviation,
} from "./schedule-format";
import "./schedule.css";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
type Whose = "mine" | "all";

export interface Session {
  track: Track;
  occurrence: Occurrence;
  /** Today's date in the track's zone. */
  today: string;
}

/** Who runs a session: the substitute when there is one, else the track's facilitators. */
export function facilitatorsOf({ track, occurrence }: Pick<Session, "track" | "occurrence">) {
  return occurrence.exception?.kind === "substitute" ? occurrence.exception.facilitators : track.facilitators;
}

const sortKey = (s: Session) => s.occurrence.startsAt ?? `${s.occurrence.date}T${s.occurrence.start}`;

/** The attendance page of a session. */
export const attendancePath = (trackId: string, key: string) => `/staff/groups/${trackId}/${key}/attendance`;

/**
 * The group sessions of a week at my sites (this week unless the address names another), today's
 * first: track, time, place, facilitators, places taken, whether attendance is recorded, and the
 * way to take it.
 */
export function GroupsPage() {
  const { t, i18n } = useTranslation("schedule");
  usePageTitle(t("groups.title"));
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const now = useMemo(() => new Date(), []);
  const deviceToday = todayIn(deviceTimeZone(), now);
  const thisWeek = isoWeekStart(deviceToday);
  const asked = params.get("week");
  const week = asked && ISO_DATE.test(asked) ? isoWeekStart(asked) : thisWeek;
  const weekEnd = addDays(week, 6);
  const tracks = useTracks();
  const list = tracks.data?.tracks ?? [];
  const occurrences = useOccurrencesOfTracks(
    list.map((track) => track.id),
    week,
    weekEnd,
  );
  const runsAny = list.some((track) => track.facilitators.some((f) => f.id === user.id));
  const askedWhose = params.get("whose");
  const whose: Whose = askedWhose === "mine" || askedWhose === "all" ? askedWhose : runsAny ? "mine" : "all";

  const change = (next: { week?: string; whose?: Whose }) => {
    const values = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) values.set(key, value);
    if (values.get("week") === thisWeek) values.delete("week");
    setParams(values, { replace: true });
  };

  const sessions: Session[] = list
    .flatMap((track, index) =>
      (occurrences[index]?.data?.occurrences ?? []).map((occurrence) => ({
        track,
        occurrence,
        today: todayIn(track.timeZone, now),
      })),
    )
    .filter((s) => whose === "all" || facilitatorsOf(s).some((f) => f.id === user.id))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.track.name.localeCompare(b.track.name));
  const failed = list.flatMap((track, index) => (occurrences[index]?.isError ? [{ track, index }] : []));
  const loading = tracks.isPending || occurrences.some((q) => q.isPending);

  const isCurrentWeek = week === thisWeek;
  const today = sessions.filter((s) => s.occurrence.date === s.today);
  const rest = isCurrentWeek ? sessions.filter((s) => s.occurrence.date !== s.today) : sessions;
  const days = [...new Set(rest.map((s) => s.occurrence.date))].sort();

  return (
    <Stack maw={960} gap="md">
      <PageHeader title={t("groups.title")} />
      <Text>{t("groups.intro")}</Text>

      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="groups-whose-label">
            {t("groups.filters.whose")}
          </Text>
          <SegmentedControl
            aria-labelledby="groups-whose-label"
            size="md"
            value={whose}
            onChange={(value) => change({ whose: value as Whose })}
            data={[
              { value: "mine", label: t("groups.filters.mine") },
              { value: "all", label: t("groups.filters.all") },
            ]}
          />
        </Stack>
        <Group gap="xs" role="group" aria-label={t("groups.week.label")} wrap="nowrap">
          <Button
            variant="default"
            size="md"
            px="sm"
            aria-label={t("groups.week.previous")}
            onClick={() => change({ week: addDays(week, -7) })}
          >
            <IconChevronLeft size={20} aria-hidden />
          </Button>
          <Text fw={600} miw={150} ta="center" aria-live="polite">
            {t("groups.week.of", { date: formatDate(week, i18n.language) })}
          </Text>
          <Button
            variant="default"
            size="md"
            px="sm"
            aria-label={t("groups.week.next")}
            onClick={() => change({ week: addDays(week, 7) })}
          >
            <IconChevronRight size={20} aria-hidden />
          </Button>
          {!isCurrentWeek && (
            <Button variant="subtle" size="md" onClick={() => change({ week: thisWeek })}>
              {t("groups.week.current")}
            </Button>
          )}
        </Group>
      </Group>

      {tracks.isError && <LoadError error={tracks.error} onRetry={() => void tracks.refetch()} />}
      {failed.map(({ track, index }) => (
        <LoadError
          key={track.id}
          error={occurrences[index]?.error}
          title={t("groups.loadSessionsError", { track: track.name })}
          onRetry={() => void occurrences[index]?.refetch()}
        />
      ))}
      {loading && !tracks.isError && (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("groups.title")}</VisuallyHidden>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={150} />
          ))}
        </Stack>
      )}
      {!loading && tracks.data && list.length === 0 && <EmptyState>{t("groups.noTracks")}</EmptyState>}
      {!loading && list.length > 0 && (
        <>
          {isCurrentWeek && (
            <DaySection title={t("groups.today")} subtitle={formatDay(deviceToday, i18n.language)}>
              {today.length === 0 ? (
                <EmptyState>{t("groups.todayEmpty")}</EmptyState>
              ) : (
                <SessionList sessions={today} now={now} />
              )}
            </DaySection>
          )}
          {days.map((day) => (
            <DaySection key={day} title={formatDay(day, i18n.language)}>
              <SessionList sessions={rest.filter((s) => s.occurrence.date === day)} now={now} />
            </DaySection>
          ))}
          {sessions.length === 0 && failed.length === 0 && (
            <EmptyState>{whose === "mine" ? t("groups.emptyMine") : t("groups.empty")}</EmptyState>
          )}
        </>
      )}
    </Stack>
  );
}

function DaySection({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <Stack component="section" gap="xs" aria-label={subtitle ? `${title}, ${subtitle}` : title}>
      <Title order={2} size="h3">
        {title}
        {subtitle && (
          <Text component="span" c="dimmed" fw={400} size="md">
            {" · "}
            {subtitle}
          </Text>
        )}
      </Title>
      {children}
    </Stack>
  );
}

function SessionList({ sessions, now }: { sessions: Session[]; now: Date }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {sessions.map((session) => (
        <SessionCard key={`${session.track.id} ${session.occurrence.key}`} session={session} now={now} />
      ))}
    </Stack>
  );
}

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <span style={{ display: "inline-flex", paddingTop: 2, flexShrink: 0 }}>{icon}</span>
      <Text size="sm">
        <VisuallyHidden>{`${label}: `}</VisuallyHidden>
        {children}
      </Text>
    </Group>
  );
}

const isLink = (location: string) => /^https:\/\//i.test(location.trim());

/** One group session: what, when, where, who, how full, and its attendance. */
function SessionCard({ session, now }: { session: Session; now: Date }) {
  const { t, i18n } = useTranslation("schedule");
  const { track, occurrence: o } = session;
  const language = i18n.language;
  const time = formatTimeRange(o.start, o.end, language);
  const zone =
    track.timeZone !== deviceTimeZone() && o.startsAt
      ? ` ${zoneAbbreviation(track.timeZone, new Date(o.startsAt), language)}`
      : "";
  const when = `${formatDay(o.date, language, "short")}, ${time}${zone}`;
  const people = facilitatorsOf(session);
  const cancelled = o.status === "cancelled";
  const started = o.startsAt !== null && new Date(o.startsAt) <= now;
  const recorded = o.marksRecorded > 0;
  const iconProps = { size: 18, "aria-hidden": true } as const;

  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: "1 1 16rem", minWidth: 0 }}>
          <Title order={3} size="h4">
            {track.name}
          </Title>
          <Fact icon={<IconClock {...iconProps} />} label={t("groups.session.time")}>
            {`${time}${zone}`}
          </Fact>
          {track.location !== "" && (
            <Fact
              icon={track.telehealth ? <IconVideo {...iconProps} /> : <IconMapPin {...iconProps} />}
              label={t("groups.session.where")}
            >
              {track.telehealth && isLink(track.location) ? (
                <Anchor href={track.location} target="_blank" rel="noopener noreferrer">
                  {t("groups.session.videoLink")}
                </Anchor>
              ) : (
                track.location
              )}
            </Fact>
          )}
          <Fact icon={<IconUser {...iconProps} />} label={t("groups.session.facilitators")}>
            {people.length === 0
              ? t("groups.session.noFacilitator")
              : o.exception?.kind === "substitute"
                ? t("groups.session.substitute", { names: people.map((p) => p.name).join(", ") })
                : people.map((p) => p.name).join(", ")}
          </Fact>
          <Fact icon={<IconUsers {...iconProps} />} label={t("groups.session.placesLabel")}>
            {t("groups.session.places", { taken: track.enrolledCount, capacity: track.capacity })}
            {track.waitlistCount > 0 && ` · ${t("groups.session.waitlist", { count: track.waitlistCount })}`}
          </Fact>
          {o.status === "moved" && o.exception && (
            <Text size="sm" c="dimmed">
              {t("groups.session.moved", {
                date: formatDay(o.originalDate, language, "short"),
                reason: o.exception.reason,
              })}
            </Text>
          )}
        </Stack>
        <div className="session-actions">
          {cancelled ? (
            <Badge color="gray" variant="light" size="lg" tt="none" style={{ whiteSpace: "normal" }}>
              {t("groups.session.cancelled", { reason: o.exception?.reason ?? "" })}
            </Badge>
          ) : o.problem ? (
            <Text size="sm" c="var(--mantine-color-orange-light-color)" maw={260}>
              {t("groups.session.timeProblem")}
            </Text>
          ) : (
            <>
              <Badge
                color={recorded ? "green" : started ? "orange" : "gray"}
                variant="light"
                size="lg"
                tt="none"
              >
                {recorded
                  ? t("groups.session.recorded", { count: o.marksRecorded })
                  : started
                    ? t("groups.session.notRecorded")
                    : t("groups.session.notYet")}
              </Badge>
              <Button
                component={Link}
                to={attendancePath(track.id, o.key)}
                size="md"
                variant={recorded ? "default" : "filled"}
                aria-label={t(
                  recorded ? "groups.session.editAttendanceLabel" : "groups.session.takeAttendanceLabel",
                  {
                    track: track.name,
                    when,
                  },
                )}
              >
                {recorded ? t("groups.session.editAttendance") : t("groups.session.takeAttendance")}
              </Button>
              {started && (
                <GroupNoteLink
                  trackId={track.id}
                  occurrenceKey={o.key}
                  context={{ track: track.name, when }}
                />
              )}
            </>
          )}
        </div>
      </Group>
    </Paper>
  );
}

import { Alert, Button, CloseButton, Group, Skeleton, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ScheduleConflictView } from "../../../core/schedule/appointment.schema";
import type { CalendarEntry } from "../../../core/schedule/calendar.schema";
import { useSession, useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { useSites } from "../admin/api/get-sites";
import { EmptyState, LoadError, PageHeader } from "../admin/page-states";
import { deviceTimeZone, todayIn } from "../schedule/schedule-format";
import { AgendaList } from "./agenda-list";
import { useCalendar } from "./api/get-calendar";
import { useMoveAppointment } from "./api/move-appointment";
import type { ParticipantOption } from "./api/search-participants";
import { ClashList, useFailureText } from "./appointment-actions";
import { BookAppointmentModal } from "./book-appointment-modal";
import type { BookingValues } from "./booking-form";
import { conflictsOf } from "./booking-form";
import { formatWhen } from "./calendar-format";
import { gridHoursOf, type Slot, slotAt } from "./calendar-layout";
import {
  type CalendarState,
  calendarRequestOf,
  calendarSearch,
  parseCalendarParams,
  rangeOf,
} from "./calendar-params";
import { CalendarToolbar } from "./calendar-toolbar";
import { ConflictSummary } from "./conflict-list";
import { useEntryWords } from "./entry-words";
import { SessionDrawer } from "./session-drawer";
import { WeekGrid } from "./week-grid";

interface RefusedMove {
  entry: CalendarEntry;
  slot: Slot;
  conflicts: ScheduleConflictView[];
  error: unknown;
}

/** The dates from `from` through `to`. */
function datesOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    days.push(d.toISOString().slice(0, 10));
  return days;
}

/**
 * The staff calendar: a week (or a day) of group sessions and individual and family appointments,
 * by site, room, staff member or participant, kept in the address. Sessions open their details;
 * appointments can be dragged to another time with a mouse; an empty time, or the "Book a session"
 * button, books one. On a phone the week is a list, day by day.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation("calendar");
  usePageTitle(t("title"));
  const user = useSessionUser();
  const { permissions } = useSession();
  const canBook = permissions.includes("schedule.manage");
  const phone = useMediaQuery("(max-width: 48em)");
  const [params, setParams] = useSearchParams();
  const sites = useSites();
  const siteList = sites.data?.sites ?? [];
  const parsed = parseCalendarParams(params);
  const site = siteList.find((s) => s.id === parsed.siteId) ?? siteList[0] ?? null;
  const state: CalendarState = { ...parsed, siteId: site?.id ?? null, staffId: parsed.staffId ?? user.id };
  const now = useMemo(() => new Date(), []);
  const today = todayIn(site?.timeZone ?? deviceTimeZone(), now);
  const day = state.date ?? today;
  const range = rangeOf(day, state.mode);
  const request = calendarRequestOf(state, range);
  const calendar = useCalendar(request ?? { view: state.view, ...range }, request !== null);

  const [openId, setOpenId] = useState<string | null>(null);
  const [lastOpened, setLastOpened] = useState<CalendarEntry | null>(null);
  const [booking, setBooking] = useState<Partial<BookingValues> | null>(null);
  const [bookingKey, setBookingKey] = useState(0);
  const [chosenParticipant, setChosenParticipant] = useState<ParticipantOption | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, Slot>>(new Map());
  const [refused, setRefused] = useState<RefusedMove | null>(null);
  const move = useMoveAppointment();
  const words = useEntryWords(state.view);

  const change = (next: Partial<CalendarState>) => {
    setParams(calendarSearch({ ...state, ...next }));
    setRefused(null);
  };

  const entries = (calendar.data?.entries ?? []).map((entry) => {
    const slot = pending.get(entry.id);
    return slot ? { ...entry, ...slot } : entry;
  });
  const opened = openId === null ? null : (entries.find((e) => e.id === openId) ?? lastOpened);
  const days = datesOf(range.from, range.to);
  // The grid spans the sessions where they are and where they are being moved to.
  const hours = gridHoursOf([...(calendar.data?.entries ?? []), ...entries]);
  const participantName =
    entries.find((e) => e.participant && state.view === "participant")?.participant?.name ??
    (chosenParticipant?.id === state.participantId ? chosenParticipant?.name : undefined);

  const open = (entry: CalendarEntry) => {
    setOpenId(entry.id);
    setLastOpened(entry);
  };

  const startBooking = (initial: Partial<BookingValues>) => {
    setBookingKey((k) => k + 1);
    setBooking({
      date: day,
      staffId: state.view === "staff" ? (state.staffId ?? "") : user.id,
      roomId: state.view === "room" ? (state.roomId ?? "") : "",
      participantId: state.view === "participant" ? (state.participantId ?? "") : "",
      ...initial,
    });
  };

  const dropMove = (entry: CalendarEntry, slot: Slot, allowUnavailability = false) => {
    const original = calendar.data?.entries.find((e) => e.id === entry.id) ?? entry;
    setRefused(null);
    setPending((map) => new Map(map).set(entry.id, slot));
    const settle = () =>
      setPending((map) => {
        const next = new Map(map);
        next.delete(entry.id);
        return next;
      });
    move.mutate(
      { id: entry.appointment!.id, move: { ...slot, allowUnavailability } },
      {
        onSuccess: (moved) => {
          settle();
          notifications.show({
            color: "green",
            message: t("move.moved", { when: formatWhen(moved, i18n.language) }),
          });
        },
        onError: (error) => {
          settle();
          setRefused({ entry: original, slot, conflicts: conflictsOf(error), error });
        },
      },
    );
  };

  const participantOption: ParticipantOption | null =
    state.view === "participant" && state.participantId && participantName
      ? {
          id: state.participantId,
          name: participantName,
          siteId: chosenParticipant?.siteId ?? site?.id ?? "",
          siteName: chosenParticipant?.siteName ?? site?.name ?? "",
        }
      : null;

  const loading = sites.isPending || (request !== null && calendar.isPending);
  const empty = !loading && calendar.isSuccess && entries.length === 0;

  return (
    <Stack gap="md">
      <PageHeader title={t("title")}>
        {canBook && site && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => startBooking({})}>
            {t("book.open")}
          </Button>
        )}
      </PageHeader>

      {sites.isError && <LoadError error={sites.error} onRetry={() => void sites.refetch()} />}
      {sites.isSuccess && siteList.length === 0 && <EmptyState>{t("noSites")}</EmptyState>}

      {site && (
        <CalendarToolbar
          state={state}
          sites={siteList}
          range={range}
          today={today}
          participantName={participantName}
          onChange={change}
          onParticipant={(option) => {
            setChosenParticipant(option);
            change({ participantId: option?.id ?? null });
          }}
        />
      )}

      {refused && (
        <RefusedMoveAlert
          refused={refused}
          title={words.title(refused.entry)}
          loading={move.isPending}
          onOverride={() => dropMove(refused.entry, refused.slot, true)}
          onDismiss={() => setRefused(null)}
        />
      )}

      {site && request === null && <EmptyState>{t(`choose.${state.view}` as const)}</EmptyState>}
      {request !== null && calendar.isError && (
        <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />
      )}
      {loading && !sites.isError && (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("loading")}</VisuallyHidden>
          <Skeleton h={48} />
          <Skeleton h={360} />
        </Stack>
      )}
      {empty && <EmptyState>{t(state.mode === "week" ? "emptyWeek" : "emptyDay")}</EmptyState>}
      {!loading && request !== null && calendar.isSuccess && (
        <>
          <Legend />
          {phone ? (
            <AgendaList days={days} entries={entries} today={today} view={state.view} onOpen={open} />
          ) : (
            <WeekGrid
              days={days}
              entries={entries}
              hours={hours}
              today={today}
              view={state.view}
              pending={new Set(pending.keys())}
              onOpen={open}
              onSlot={canBook ? (date, minutes) => startBooking(slotAt(date, minutes)) : undefined}
              onMove={canBook ? (entry, slot) => dropMove(entry, slot) : undefined}
            />
          )}
        </>
      )}

      <SessionDrawer entry={opened} view={state.view} onClose={() => setOpenId(null)} />
      {booking && site && (
        <BookAppointmentModal
          key={bookingKey}
          initial={booking}
          participant={booking.participantId ? participantOption : null}
          site={site}
          sites={siteList}
          onClose={() => setBooking(null)}
        />
      )}
    </Stack>
  );
}

/** The colours' key, in words. */
function Legend() {
  const { t } = useTranslation("calendar");
  return (
    <Group gap="md" aria-label={t("legend.label")} role="group">
      {(["group", "individual", "family"] as const).map((kind) => (
        <Group key={kind} gap={6} wrap="nowrap">
          <span className="cal-key" data-kind={kind} aria-hidden />
          <Text size="sm">{t(`kinds.${kind}`)}</Text>
        </Group>
      ))}
      <Text size="sm">
        <Text component="span" td="line-through">
          {t("legend.cancelledExample")}
        </Text>
        {` ${t("legend.cancelled")}`}
      </Text>
    </Group>
  );
}

/** A drag that the server refused: the session is back where it was; why, and maybe "move anyway". */
function RefusedMoveAlert({
  refused,
  title,
  loading,
  onOverride,
  onDismiss,
}: {
  refused: RefusedMove;
  title: string;
  loading: boolean;
  onOverride: () => void;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation("calendar");
  const failure = useFailureText();
  const intro = t("move.refused", { title, when: formatWhen(refused.slot, i18n.language) });
  if (refused.conflicts.length === 0) {
    return (
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={intro}
        withCloseButton
        closeButtonLabel={t("move.dismiss")}
        onClose={onDismiss}
      >
        {failure(refused.error)}
      </Alert>
    );
  }
  return (
    <Stack gap={4} pos="relative">
      <ConflictSummary conflicts={refused.conflicts} action="move" loading={loading} onOverride={onOverride}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={600}>
            {intro}
          </Text>
          <CloseButton aria-label={t("move.dismiss")} onClick={onDismiss} />
        </Group>
        <ClashList conflicts={refused.conflicts} />
      </ConflictSummary>
    </Stack>
  );
}

import { Button, Group, NativeSelect, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CALENDAR_VIEWS, type CalendarView } from "../../../core/schedule/calendar.schema";
import { useSessionUser } from "../../app/require-session";
import { useRooms } from "./api/get-rooms";
import { useStaffOfSite } from "./api/get-staff-of-site";
import { type ParticipantOption, useParticipantSearch } from "./api/search-participants";
import { formatRange } from "./calendar-format";
import { type CalendarMode, type CalendarState, rangeOf, stepDay } from "./calendar-params";

interface SiteOption {
  id: string;
  name: string;
}

/**
 * Whose calendar (a site, a room, a staff member, a participant) and which dates: previous, today,
 * next, week or day. Every change goes to the address, so the view can be bookmarked.
 */
export function CalendarToolbar({
  state,
  sites,
  range,
  today,
  participantName,
  onChange,
  onParticipant,
}: {
  state: CalendarState;
  sites: readonly SiteOption[];
  range: { from: string; to: string };
  today: string;
  participantName: string | undefined;
  onChange: (next: Partial<CalendarState>) => void;
  onParticipant: (option: ParticipantOption | null) => void;
}) {
  const { t, i18n } = useTranslation("calendar");
  const modeLabel = useId();
  const day = state.date ?? today;
  const showsToday = rangeOf(today, state.mode).from === range.from;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("toolbar.view")}
          w={{ base: "100%", xs: 240 }}
          value={state.view}
          onChange={(e) => onChange({ view: e.currentTarget.value as CalendarView })}
          data={CALENDAR_VIEWS.map((view) => ({ value: view, label: t(`views.${view}`) }))}
        />
        {state.view !== "participant" && sites.length > 1 && (
          <NativeSelect
            label={t("toolbar.site")}
            w={{ base: "100%", xs: 240 }}
            value={state.siteId ?? ""}
            onChange={(e) => onChange({ siteId: e.currentTarget.value, roomId: null, staffId: null })}
            data={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        {state.view === "room" && state.siteId && (
          <RoomPicker
            siteId={state.siteId}
            roomId={state.roomId}
            onChange={(roomId) => onChange({ roomId })}
          />
        )}
        {state.view === "staff" && state.siteId && (
          <StaffPicker
            siteId={state.siteId}
            staffId={state.staffId}
            onChange={(staffId) => onChange({ staffId })}
          />
        )}
        {state.view === "participant" && (
          <ParticipantPicker
            participantId={state.participantId}
            participantName={participantName}
            onChange={onParticipant}
          />
        )}
      </Group>
      <Group gap="sm" justify="space-between" align="center" wrap="wrap">
        <Group gap="xs" wrap="wrap" role="group" aria-label={t("toolbar.dates")}>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              px="sm"
              aria-label={t(state.mode === "week" ? "toolbar.previousWeek" : "toolbar.previousDay")}
              onClick={() => onChange({ date: stepDay(day, state.mode, -1) })}
            >
              <IconChevronLeft size={20} aria-hidden />
            </Button>
            <Button variant="default" disabled={showsToday} onClick={() => onChange({ date: null })}>
              {t("toolbar.today")}
            </Button>
            <Button
              variant="default"
              px="sm"
              aria-label={t(state.mode === "week" ? "toolbar.nextWeek" : "toolbar.nextDay")}
              onClick={() => onChange({ date: stepDay(day, state.mode, 1) })}
            >
              <IconChevronRight size={20} aria-hidden />
            </Button>
          </Group>
          <Text fw={600} aria-live="polite" ml="xs">
            {formatRange(range.from, range.to, i18n.language)}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500} id={modeLabel}>
            {t("toolbar.show")}
          </Text>
          <SegmentedControl
            aria-labelledby={modeLabel}
            value={state.mode}
            onChange={(mode) => onChange({ mode: mode as CalendarMode })}
            data={[
              { value: "week", label: t("toolbar.week") },
              { value: "day", label: t("toolbar.day") },
            ]}
          />
        </Group>
      </Group>
    </Stack>
  );
}

function RoomPicker({
  siteId,
  roomId,
  onChange,
}: {
  siteId: string;
  roomId: string | null;
  onChange: (roomId: string | null) => void;
}) {
  const { t } = useTranslation("calendar");
  const rooms = useRooms(siteId);
  const list = rooms.data?.rooms ?? [];
  return (
    <NativeSelect
      label={t("toolbar.room")}
      w={{ base: "100%", xs: 240 }}
      value={roomId ?? ""}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      error={rooms.isError ? t("toolbar.roomsError") : undefined}
      data={[
        {
          value: "",
          label: list.length === 0 && rooms.isSuccess ? t("toolbar.noRooms") : t("toolbar.chooseRoom"),
        },
        ...list.map((r) => ({
          value: r.id,
          label: r.active ? r.name : t("toolbar.roomInactive", { name: r.name }),
        })),
      ]}
    />
  );
}

function StaffPicker({
  siteId,
  staffId,
  onChange,
}: {
  siteId: string;
  staffId: string | null;
  onChange: (staffId: string | null) => void;
}) {
  const { t } = useTranslation("calendar");
  const user = useSessionUser();
  const staff = useStaffOfSite(siteId);
  // Whoever cannot read the site's staff can still see their own calendar.
  const list = staff.data ?? [{ id: user.id, name: user.displayName }];
  const data = list.map((s) => ({
    value: s.id,
    label: s.id === user.id ? t("toolbar.me", { name: s.name }) : s.name,
  }));
  return (
    <Select
      label={t("toolbar.staff")}
      w={{ base: "100%", xs: 260 }}
      searchable
      allowDeselect={false}
      data={data}
      value={staffId}
      onChange={(value) => value && onChange(value)}
      nothingFoundMessage={t("book.noStaff")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function ParticipantPicker({
  participantId,
  participantName,
  onChange,
}: {
  participantId: string | null;
  participantName: string | undefined;
  onChange: (option: ParticipantOption | null) => void;
}) {
  const { t } = useTranslation("calendar");
  const [search, setSearch] = useState(participantName ?? "");
  const found = useParticipantSearch(search);
  // The name of a participant chosen by the address arrives with their sessions.
  useEffect(() => {
    if (participantName) setSearch((typed) => (typed === "" ? participantName : typed));
  }, [participantName]);
  const options = new Map<string, ParticipantOption>();
  if (participantId && participantName)
    options.set(participantId, { id: participantId, name: participantName, siteId: "", siteName: "" });
  for (const option of found.data ?? []) options.set(option.id, option);
  const several = new Set((found.data ?? []).map((o) => o.siteId)).size > 1;
  return (
    <Select
      label={t("toolbar.participant")}
      placeholder={t("book.participantPlaceholder")}
      w={{ base: "100%", xs: 300 }}
      searchable
      data={[...options.values()].map((o) => ({
        value: o.id,
        label: several && o.siteName ? `${o.name} (${o.siteName})` : o.name,
      }))}
      value={participantId}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ? (options.get(id) ?? null) : null)}
      filter={({ options: all }) => all}
      nothingFoundMessage={search.trim().length >= 2 ? t("book.noParticipant") : t("book.typeToSearch")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

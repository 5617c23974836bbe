import { Anchor, Badge, Button, Drawer, Group, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import {
  IconCalendarTime,
  IconClock,
  IconMapPin,
  IconUser,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconVideo,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CalendarEntry, CalendarView } from "../../../core/schedule/calendar.schema";
import { useSession } from "../../app/require-session";
import { SessionNoteOpenButton } from "../notes/session-note-open-button";
import { deviceTimeZone, formatDay, formatTimeRange, zoneAbbreviation } from "../schedule/schedule-format";
import { type Appointment, useAppointment } from "./api/get-appointment";
import { AttendanceForm, CancelForm, MoveForm } from "./appointment-actions";
import { useEntryWords } from "./entry-words";

type Panel = "move" | "cancel" | "attendance" | null;

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <span style={{ display: "inline-flex", paddingTop: 2, flexShrink: 0 }}>{icon}</span>
      <Text size="sm" component="div">
        <VisuallyHidden>{`${label}: `}</VisuallyHidden>
        {children}
      </Text>
    </Group>
  );
}

const ICON = { size: 18, "aria-hidden": true } as const;
const isLink = (value: string | null): value is string => value !== null && /^https:\/\//i.test(value);

/** The attendance page of a group session. */
export const rosterPath = (trackId: string, key: string) => `/staff/groups/${trackId}/${key}/attendance`;

/**
 * A session's details, beside the calendar: when, where (or the video link), who runs it, who
 * attends. An appointment can be moved, cancelled (this one, or this and the following) and have
 * its attendance recorded here, by keyboard as well as by dragging; a group links to its roster.
 */
export function SessionDrawer({
  entry,
  view,
  onClose,
}: {
  entry: CalendarEntry | null;
  view: CalendarView;
  onClose: () => void;
}) {
  const { t } = useTranslation("calendar");
  const phone = useMediaQuery("(max-width: 48em)");
  const words = useEntryWords(view);
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position={phone ? "bottom" : "right"}
      size={phone ? "90%" : "md"}
      title={entry ? <DrawerTitle entry={entry} title={words.title(entry)} /> : t("details.title")}
    >
      {entry && <SessionDetails key={entry.id} entry={entry} view={view} onClose={onClose} />}
    </Drawer>
  );
}

function DrawerTitle({ entry, title }: { entry: CalendarEntry; title: string }) {
  const { t } = useTranslation("calendar");
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <span className="cal-key" data-kind={entry.kind} aria-hidden />
        <Text size="sm" fw={700} component="span">
          {t(`kinds.${entry.kind}`)}
        </Text>
        {entry.status === "cancelled" && (
          <Badge color="gray" variant="light" tt="none">
            {t("entry.cancelled")}
          </Badge>
        )}
      </Group>
      <Title order={2} size="h3" td={entry.status === "cancelled" ? "line-through" : undefined}>
        {title}
      </Title>
    </Stack>
  );
}

function SessionDetails({
  entry,
  view,
  onClose,
}: {
  entry: CalendarEntry;
  view: CalendarView;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation("calendar");
  const language = i18n.language;
  const { permissions } = useSession();
  const [panel, setPanel] = useState<Panel>(null);
  const appointmentId = entry.appointment?.id ?? null;
  // An appointment's own record (family members, attendance) is read when the reader may see who it is with.
  const appointment = useAppointment(entry.participant !== null ? appointmentId : null);
  const words = useEntryWords(view);
  const zone =
    entry.timeZone !== deviceTimeZone() && entry.startsAt
      ? ` ${zoneAbbreviation(entry.timeZone, new Date(entry.startsAt), language)}`
      : "";
  const cancelled = entry.status === "cancelled";
  const canManage = permissions.includes("schedule.manage");
  const canRecord = permissions.includes("attendance.record");
  const where = words.where(entry);
  const a: Appointment | undefined = appointment.data;

  return (
    <Stack gap="md">
      <Stack gap={8}>
        <Fact icon={<IconCalendarTime {...ICON} />} label={t("details.date")}>
          {formatDay(entry.date, language)}
        </Fact>
        <Fact icon={<IconClock {...ICON} />} label={t("details.time")}>
          {`${formatTimeRange(entry.start, entry.end, language)}${zone}`}
        </Fact>
        {entry.problem && (
          <Text size="sm" c="var(--mantine-color-orange-light-color)">
            {t("details.timeProblem")}
          </Text>
        )}
        {(where !== "" || entry.videoLink) && (
          <Fact
            icon={entry.telehealth ? <IconVideo {...ICON} /> : <IconMapPin {...ICON} />}
            label={t("details.where")}
          >
            {entry.telehealth && isLink(entry.videoLink) ? (
              <Anchor href={entry.videoLink} target="_blank" rel="noopener noreferrer">
                {t("details.videoLink")}
              </Anchor>
            ) : (
              where
            )}
          </Fact>
        )}
        <Fact icon={<IconUser {...ICON} />} label={t("details.staff")}>
          {entry.staff.length === 0 ? t("details.noStaff") : entry.staff.map((s) => s.name).join(", ")}
          {entry.group?.exception?.kind === "substitute" && ` (${t("details.substitute")})`}
        </Fact>
        {entry.group && (
          <Fact icon={<IconUsersGroup {...ICON} />} label={t("details.places")}>
            {t("details.placesTaken", { taken: entry.group.placesTaken, capacity: entry.group.capacity })}
          </Fact>
        )}
        {entry.participant && !entry.group && (
          <Fact icon={<IconUserCircle {...ICON} />} label={t("details.participant")}>
            {permissions.includes("participants.view") ? (
              <Anchor component={Link} to={`/staff/participants/${entry.participant.id}`}>
                {entry.participant.name}
              </Anchor>
            ) : (
              entry.participant.name
            )}
          </Fact>
        )}
        {a && a.familyAttendees.length > 0 && (
          <Fact icon={<IconUsers {...ICON} />} label={t("details.family")}>
            {a.familyAttendees
              .map((m) => t("details.familyMember", { name: m.name, relationship: m.relationship }))
              .join(", ")}
          </Fact>
        )}
        {entry.group?.exception && (
          <Text size="sm">
            {t(`details.exception.${entry.group.exception.kind}`, { reason: entry.group.exception.reason })}
          </Text>
        )}
        {cancelled && a?.cancelReason && (
          <Text size="sm">{t("details.cancelReason", { reason: a.cancelReason })}</Text>
        )}
        {a?.attendance && (
          <Text size="sm">
            {t("details.attendanceRecorded", {
              status: t(`schedule:statuses.${a.attendance.status}`),
              minutes: a.attendance.minutesAttended,
            })}
          </Text>
        )}
      </Stack>

      {entry.group && !cancelled && !entry.problem && canRecord && (
        <Group>
          <Button component={Link} to={rosterPath(entry.group.trackId, entry.group.occurrenceKey)}>
            {t("details.roster")}
          </Button>
        </Group>
      )}

      {entry.appointment && entry.participant && !cancelled && (
        <SessionNoteOpenButton appointmentId={entry.appointment.id} participantId={entry.participant.id} />
      )}

      {entry.appointment && !cancelled && (canManage || canRecord) && (
        <Stack gap="sm">
          <Group gap="xs" role="group" aria-label={t("details.actions")}>
            {canManage && !entry.problem && (
              <Button
                variant={panel === "move" ? "filled" : "default"}
                aria-expanded={panel === "move"}
                onClick={() => setPanel(panel === "move" ? null : "move")}
              >
                {t("details.move")}
              </Button>
            )}
            {canRecord && (
              <Button
                variant={panel === "attendance" ? "filled" : "default"}
                aria-expanded={panel === "attendance"}
                onClick={() => setPanel(panel === "attendance" ? null : "attendance")}
              >
                {t("details.attendance")}
              </Button>
            )}
            {canManage && (
              <Button
                color="red"
                variant={panel === "cancel" ? "filled" : "light"}
                aria-expanded={panel === "cancel"}
                onClick={() => setPanel(panel === "cancel" ? null : "cancel")}
              >
                {t("details.cancel")}
              </Button>
            )}
          </Group>
          {panel === "move" && <MoveForm entry={entry} onDone={() => setPanel(null)} />}
          {panel === "cancel" && <CancelForm entry={entry} onDone={onClose} onKeep={() => setPanel(null)} />}
          {panel === "attendance" && (
            <AttendanceForm entry={entry} saved={a?.attendance ?? null} onDone={() => setPanel(null)} />
          )}
        </Stack>
      )}
    </Stack>
  );
}

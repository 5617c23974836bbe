import { Badge, Group, NavLink, Stack, Text } from "@mantine/core";
import {
  IconAdjustments,
  IconAlertTriangle,
  IconBellCog,
  IconBellRinging,
  IconBook,
  IconBuilding,
  IconCalendarEvent,
  IconCalendarShare,
  IconCalendarStats,
  IconCalendarWeek,
  IconChartLine,
  IconClipboardCheck,
  IconClipboardList,
  IconClipboardText,
  IconClockHour4,
  IconDoorEnter,
  IconFilePencil,
  IconFileSearch,
  IconHeartbeat,
  IconHome,
  IconKey,
  IconLifebuoy,
  IconListDetails,
  IconLock,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Permission } from "../../core/access/permissions";
import { AlertsNavItem } from "../features/alerts/alerts-nav-item";
import { MessagesNavItem } from "../features/messages/staff/messages-nav-item";
import { useSession } from "./require-session";

/** Domains that later work brings to life; listed now so staff see where the product is going. */
const UPCOMING = ["assessments", "outcomes", "billing"] as const;

interface Item {
  to: string;
  label: string;
  /** Shown to staff holding this permission (or any one of these). */
  permission: Permission | readonly Permission[];
  icon: ReactNode;
}

const ICON = { size: 18, "aria-hidden": true } as const;

/** The administration pages, each shown only to staff whose permissions open it. */
const ADMINISTRATION: Item[] = [
  { to: "/staff/admin/users", label: "nav.users", permission: "users.manage", icon: <IconUsers {...ICON} /> },
  {
    to: "/staff/admin/sites",
    label: "nav.sites",
    permission: "sites.manage",
    icon: <IconBuilding {...ICON} />,
  },
  {
    // Administrators change tracks; those who place participants in them read them.
    to: "/staff/admin/tracks",
    label: "nav.tracks",
    permission: ["settings.manage", "schedule.manage"],
    icon: <IconListDetails {...ICON} />,
  },
  { to: "/staff/admin/roles", label: "nav.roleTable", permission: "roles.view", icon: <IconKey {...ICON} /> },
  {
    to: "/staff/admin/settings",
    label: "nav.securitySettings",
    permission: "settings.manage",
    icon: <IconSettings {...ICON} />,
  },
  {
    // Administrators change the settings; those who admit and screen read them.
    to: "/staff/admin/admission-settings",
    label: "nav.admissionSettings",
    permission: ["settings.manage", "admissions.manage"],
    icon: <IconAdjustments {...ICON} />,
  },
  {
    to: "/staff/admin/alert-settings",
    label: "nav.alertSettings",
    permission: "settings.manage",
    icon: <IconBellCog {...ICON} />,
  },
  {
    to: "/staff/admin/attendance-settings",
    label: "nav.attendanceSettings",
    permission: "settings.manage",
    icon: <IconClockHour4 {...ICON} />,
  },
  {
    to: "/staff/admin/treatment-plan-settings",
    label: "nav.treatmentPlanSettings",
    permission: "settings.manage",
    icon: <IconClipboardText {...ICON} />,
  },
  {
    to: "/staff/admin/notes-settings",
    label: "nav.notesSettings",
    permission: "settings.manage",
    icon: <IconFilePencil {...ICON} />,
  },
  {
    to: "/staff/admin/check-in-settings",
    label: "checkInsStaff:settings.nav",
    permission: "settings.manage",
    icon: <IconHeartbeat {...ICON} />,
  },
  {
    to: "/staff/admin/minor-consent-rule",
    label: "consents:rule.title",
    permission: "settings.manage",
    icon: <IconAdjustments {...ICON} />,
  },
  {
    to: "/staff/admin/reminders",
    label: "nav.reminderSettings",
    permission: "settings.manage",
    icon: <IconBellRinging {...ICON} />,
  },
  {
    to: "/staff/admin/measurement-schedule",
    label: "nav.measurementSchedule",
    permission: "settings.manage",
    icon: <IconCalendarStats {...ICON} />,
  },
  {
    to: "/staff/admin/calendar-feeds",
    label: "nav.calendarFeeds",
    permission: "settings.manage",
    icon: <IconCalendarShare {...ICON} />,
  },
  {
    to: "/staff/admin/help-resources",
    label: "help:admin.title",
    permission: "settings.manage",
    icon: <IconLifebuoy {...ICON} />,
  },
  {
    to: "/staff/admin/patient-notice",
    label: "privacy:admin.title",
    permission: "settings.manage",
    icon: <IconLock {...ICON} />,
  },
  {
    to: "/staff/admin/reliable-change",
    label: "nav.reliableChange",
    permission: "settings.manage",
    icon: <IconChartLine {...ICON} />,
  },
  {
    to: "/staff/admin/audit",
    label: "nav.auditLog",
    permission: "audit.view",
    icon: <IconFileSearch {...ICON} />,
  },
  {
    to: "/staff/admin/alerts",
    label: "nav.accessAlerts",
    permission: "alerts.review_access",
    icon: <IconAlertTriangle {...ICON} />,
  },
];

const ADMISSIONS: Item = {
  to: "/staff/admissions",
  label: "nav.admissions",
  permission: "admissions.manage",
  icon: <IconDoorEnter {...ICON} />,
};

/** Clinical alerts (alerts.view) and break-the-glass alerts (alerts.review_access) share one inbox. */
const ALERTS = { to: "/staff/alerts", permission: ["alerts.view", "alerts.review_access"] } as const;

const PARTICIPANTS: Item = {
  to: "/staff/participants",
  label: "nav.participants",
  permission: "participants.list",
  icon: <IconUsersGroup {...ICON} />,
};

/** This week's group sessions, where attendance is taken. */
const GROUPS: Item = {
  to: "/staff/groups",
  label: "nav.groups",
  permission: ["schedule.view", "attendance.record"],
  icon: <IconCalendarEvent {...ICON} />,
};

/** The week and day calendar of sessions and appointments, by site, room, staff member or participant. */
const CALENDAR: Item = {
  to: "/staff/calendar",
  label: "nav.calendar",
  permission: "schedule.view",
  icon: <IconCalendarWeek {...ICON} />,
};

/** The worklist of questionnaires due, beside the participants. */
const MEASURES_DUE: Item = {
  to: "/staff/measures-due",
  label: "nav.measuresDue",
  permission: "clinical.view",
  icon: <IconClipboardCheck {...ICON} />,
};

/** The plan worklist: first plans, drafts, signatures and reviews coming due. */
const TREATMENT_PLANS: Item = {
  to: "/staff/treatment-plans",
  label: "nav.treatmentPlans",
  permission: "clinical.view",
  icon: <IconClipboardList {...ICON} />,
};

/** The notes worklist: notes to sign, notes awaiting my co-signature, group sessions without a note. */
const NOTES: Item = {
  to: "/staff/notes",
  label: "nav.notes",
  permission: "clinical.write",
  icon: <IconFilePencil {...ICON} />,
};

/** The alumni program: events and groups, the roster, the coordinator inbox (alumni.manage). */
const ALUMNI: Item = {
  to: "/staff/alumni",
  label: "alumni:nav",
  permission: "alumni.manage",
  icon: <IconUsersGroup {...ICON} />,
};

/** Secure messages with participants: the inbox of the caseload's conversations (clinical.view). */
const MESSAGES = { to: "/staff/messages", permission: "clinical.view" } as const;

/** The curriculum library: read with the schedule or clinical content. */
const CURRICULUM: Item = {
  to: "/staff/curriculum",
  label: "nav.curriculum",
  permission: ["schedule.view", "clinical.view"],
  icon: <IconBook {...ICON} />,
};

/** Follow-up surveys after discharge: response rates per wave (alumni.manage). */
const FOLLOW_UPS: Item = {
  to: "/staff/follow-ups",
  label: "followUps:nav",
  permission: "alumni.manage",
  icon: <IconChartLine {...ICON} />,
};

function isWithin(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

function NavItem({
  to,
  label,
  icon,
  active,
  onNavigate,
}: Omit<Item, "permission"> & { active: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <li>
      <NavLink
        component={Link}
        to={to}
        label={t(label)}
        leftSection={icon}
        active={active}
        variant="filled"
        aria-current={active ? "page" : undefined}
        onClick={onNavigate}
      />
    </li>
  );
}

/** The staff domains: Home, then the pages this person's permissions open, then what is coming. */
export function StaffNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { permissions } = useSession();
  const adminHeadingId = useId();
  const allowed = (item: Pick<Item, "permission">) =>
    [item.permission].flat().some((p) => permissions.includes(p));
  const administration = ADMINISTRATION.filter(allowed);
  const atHome = pathname === "/staff" || pathname === "/staff/";
  return (
    <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: "none" }}>
      <NavItem
        to="/staff"
        label="nav.home"
        icon={<IconHome {...ICON} />}
        active={atHome}
        onNavigate={onNavigate}
      />
      {allowed(ADMISSIONS) && (
        <NavItem {...ADMISSIONS} active={isWithin(pathname, ADMISSIONS.to)} onNavigate={onNavigate} />
      )}
      {allowed(PARTICIPANTS) && (
        <NavItem {...PARTICIPANTS} active={isWithin(pathname, PARTICIPANTS.to)} onNavigate={onNavigate} />
      )}
      {allowed(GROUPS) && (
        <NavItem {...GROUPS} active={isWithin(pathname, GROUPS.to)} onNavigate={onNavigate} />
      )}
      {allowed(CALENDAR) && (
        <NavItem {...CALENDAR} active={isWithin(pathname, CALENDAR.to)} onNavigate={onNavigate} />
      )}
      {allowed(MEASURES_DUE) && (
        <NavItem {...MEASURES_DUE} active={isWithin(pathname, MEASURES_DUE.to)} onNavigate={onNavigate} />
      )}
      {allowed(TREATMENT_PLANS) && (
        <NavItem
          {...TREATMENT_PLANS}
          active={isWithin(pathname, TREATMENT_PLANS.to)}
          onNavigate={onNavigate}
        />
      )}
      {allowed(NOTES) && <NavItem {...NOTES} active={isWithin(pathname, NOTES.to)} onNavigate={onNavigate} />}
      {allowed(CURRICULUM) && (
        <NavItem {...CURRICULUM} active={isWithin(pathname, CURRICULUM.to)} onNavigate={onNavigate} />
      )}
      {allowed(FOLLOW_UPS) && (
        <NavItem {...FOLLOW_UPS} active={isWithin(pathname, FOLLOW_UPS.to)} onNavigate={onNavigate} />
      )}
      {allowed(MESSAGES) && (
        <MessagesNavItem active={isWithin(pathname, MESSAGES.to)} onNavigate={onNavigate} />
      )}
      {allowed(ALUMNI) && (
        <NavItem {...ALUMNI} active={isWithin(pathname, ALUMNI.to)} onNavigate={onNavigate} />
      )}
      {allowed(ALERTS) && <AlertsNavItem active={isWithin(pathname, ALERTS.to)} onNavigate={onNavigate} />}
      {administration.length > 0 && (
        <li>
          <Text id={adminHeadingId} size="xs" fw={700} tt="uppercase" px="sm" pt="sm" pb={4}>
            {t("nav.administration")}
          </Text>
          <Stack
            component="ul"
            gap={2}
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-labelledby={adminHeadingId}
          >
            {administration.map((item) => (
              <NavItem key={item.to} {...item} active={isWithin(pathname, item.to)} onNavigate={onNavigate} />
            ))}
          </Stack>
        </li>
      )}
      {UPCOMING.map((key) => (
        <li key={key}>
          <Group justify="space-between" px="sm" py={8} wrap="nowrap" gap="xs" aria-disabled="true">
            <Text size="sm">{t(`nav.${key}`)}</Text>
            <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {t("common.comingSoon")}
            </Badge>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

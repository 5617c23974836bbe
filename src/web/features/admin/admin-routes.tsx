import type { RouteObject } from "react-router";
import { Navigate } from "react-router";
import { AlertSettingsPage } from "../alerts/alert-settings-page";
import { ReliableChangeSettingsPage } from "../assessments/reliable-change-settings-page";
import { MeasurementSchedulePage } from "../assessments/schedule-settings-page";
import { CalendarFeedSettingsPage } from "../calendar/calendar-feed-settings-page";
import { CheckInSettingsPage } from "../check-ins/admin/check-in-settings-page";
import { MinorConsentRulePage } from "../consents/admin/minor-consent-rule-page";
import { HelpResourcesPage } from "../help/help-resources-page";
import { NotesSettingsPage } from "../notes/notes-settings-page";
import { NoticeSettingsPage } from "../privacy/admin/notice-settings-page";
import { TrackPage } from "../schedule/track-page";
import { TracksPage } from "../schedule/tracks-page";
import { PlanSettingsPage } from "../treatment-plans/plan-settings-page";
import { AccessAlertsPage } from "./access-alerts-page";
import { AdmissionSettingsPage } from "./admission-settings-page";
import { AttendanceSettingsPage } from "./attendance-settings-page";
import { AuditLogPage } from "./audit-log-page";
import { ReminderSettingsPage } from "./reminder-settings-page";
import { RolesPage } from "./roles-page";
import { SecuritySettingsPage } from "./security-settings-page";
import { SitesPage } from "./sites-page";
import { UsersPage } from "./users-page";

/** Routes under /staff/admin (users, sites, tracks, roles, settings, admissions settings, audit log, access alerts). */
export const adminRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="users" replace /> },
  { path: "users", element: <UsersPage /> },
  { path: "sites", element: <SitesPage /> },
  { path: "tracks", element: <TracksPage /> },
  { path: "tracks/:trackId", element: <TrackPage /> },
  { path: "roles", element: <RolesPage /> },
  { path: "settings", element: <SecuritySettingsPage /> },
  { path: "admission-settings", element: <AdmissionSettingsPage /> },
  { path: "audit", element: <AuditLogPage /> },
  { path: "alerts", element: <AccessAlertsPage /> },
  { path: "alert-settings", element: <AlertSettingsPage /> },
  { path: "attendance-settings", element: <AttendanceSettingsPage /> },
  { path: "treatment-plan-settings", element: <PlanSettingsPage /> },
  { path: "notes-settings", element: <NotesSettingsPage /> },
  { path: "check-in-settings", element: <CheckInSettingsPage /> },
  { path: "minor-consent-rule", element: <MinorConsentRulePage /> },
  { path: "reminders", element: <ReminderSettingsPage /> },
  { path: "measurement-schedule", element: <MeasurementSchedulePage /> },
  { path: "reliable-change", element: <ReliableChangeSettingsPage /> },
  { path: "calendar-feeds", element: <CalendarFeedSettingsPage /> },
  { path: "help-resources", element: <HelpResourcesPage /> },
  { path: "patient-notice", element: <NoticeSettingsPage /> },
];

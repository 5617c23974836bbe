import type { RouteObject } from "react-router";
import { Navigate } from "react-router";
import { AlertSettingsPage } from "../alerts/alert-settings-page";
import { ReliableChangeSettingsPage } from "../assessments/reliable-change-settings-page";
import { MeasurementSchedulePage } from "../assessments/schedule-settings-page";
import { AccessAlertsPage } from "./access-alerts-page";
import { AdmissionSettingsPage } from "./admission-settings-page";
import { AuditLogPage } from "./audit-log-page";
import { RolesPage } from "./roles-page";
import { SecuritySettingsPage } from "./security-settings-page";
import { SitesPage } from "./sites-page";
import { UsersPage } from "./users-page";

/** Routes under /staff/admin (users, sites, roles, settings, admissions settings, audit log, access alerts). */
export const adminRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="users" replace /> },
  { path: "users", element: <UsersPage /> },
  { path: "sites", element: <SitesPage /> },
  { path: "roles", element: <RolesPage /> },
  { path: "settings", element: <SecuritySettingsPage /> },
  { path: "admission-settings", element: <AdmissionSettingsPage /> },
  { path: "audit", element: <AuditLogPage /> },
  { path: "alerts", element: <AccessAlertsPage /> },
  { path: "alert-settings", element: <AlertSettingsPage /> },
  { path: "measurement-schedule", element: <MeasurementSchedulePage /> },
  { path: "reliable-change", element: <ReliableChangeSettingsPage /> },
];

import { useRoutes } from "react-router";
import { AccountPage } from "../features/account/account-page";
import { adminRoutes } from "../features/admin/admin-routes";
import { alertsRoutes } from "../features/alerts/alerts-routes";
import { AlumniStaffPage } from "../features/alumni/staff/alumni-staff-page";
import { DuePage } from "../features/assessments/due-page";
import { calendarRoutes } from "../features/calendar/calendar-routes";
import { curriculumRoutes } from "../features/curriculum/curriculum-routes";
import { ResponseRatesPage } from "../features/follow-ups/response-rates-page";
import { intakeRoutes } from "../features/intake/intake-routes";
import { InboxPage } from "../features/messages/staff/inbox-page";
import { StaffThreadPage } from "../features/messages/staff/staff-thread-page";
import { NotesWorklistPage } from "../features/notes/worklist-page";
import { participantRoutes } from "../features/participants/participant-routes";
import { NoticePrintPage } from "../features/privacy/staff/notice-print-page";
import { StaffHomePage } from "../features/programs/staff-home-page";
import { groupsRoutes } from "../features/schedule/schedule-routes";
import { WorklistPage } from "../features/treatment-plans/worklist-page";
import { NotFoundContent } from "./not-found-page";
import { RequireSession } from "./require-session";
import { StaffShell } from "./staff-shell";

/**
 * The staff area under `/staff/*`, in its own chunk (the router loads it lazily): the guarded staff
 * shell and every staff page. Paths here are relative to `/staff`.
 */
export default function StaffArea() {
  return useRoutes([
    {
      element: (
        <RequireSession kind="staff">
          <StaffShell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <StaffHomePage /> },
        { path: "account", element: <AccountPage /> },
        { path: "admissions", children: intakeRoutes },
        { path: "participants", children: participantRoutes },
        { path: "alerts", children: alertsRoutes },
        { path: "measures-due", element: <DuePage /> },
        { path: "treatment-plans", element: <WorklistPage /> },
        { path: "notes", element: <NotesWorklistPage /> },
        { path: "follow-ups", element: <ResponseRatesPage /> },
        { path: "messages", element: <InboxPage /> },
        { path: "messages/:threadId", element: <StaffThreadPage /> },
        { path: "alumni", element: <AlumniStaffPage /> },
        { path: "patient-notice", element: <NoticePrintPage /> },
        { path: "curriculum", children: curriculumRoutes },
        { path: "groups", children: groupsRoutes },
        { path: "calendar", children: calendarRoutes },
        { path: "admin", children: adminRoutes },
        { path: "*", element: <NotFoundContent /> },
      ],
    },
  ]);
}

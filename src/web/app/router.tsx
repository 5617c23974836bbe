import { createBrowserRouter } from "react-router";
import { AccountPage } from "../features/account/account-page";
import { adminRoutes } from "../features/admin/admin-routes";
import { getHelpRoutes } from "../features/admissions/admissions-routes";
import { alertsRoutes } from "../features/alerts/alerts-routes";
import { DuePage } from "../features/assessments/due-page";
import { calendarRoutes } from "../features/calendar/calendar-routes";
import { CheckInPage } from "../features/check-ins/participant/check-in-page";
import { curriculumRoutes } from "../features/curriculum/curriculum-routes";
import { FamilyHomePage } from "../features/family/family-home-page";
import { HelpPage } from "../features/help/help-page";
import { ForgotPasswordPage } from "../features/identity/forgot-password-page";
import { InvitationPage } from "../features/identity/invitation-page";
import { MfaSetupPage } from "../features/identity/mfa-setup-page";
import { ResetPasswordPage } from "../features/identity/reset-password-page";
import { SignInPage } from "../features/identity/sign-in-page";
import { intakeRoutes } from "../features/intake/intake-routes";
import { MessagesPage } from "../features/messages/participant/messages-page";
import { MyThreadPage } from "../features/messages/participant/thread-page";
import { InboxPage } from "../features/messages/staff/inbox-page";
import { StaffThreadPage } from "../features/messages/staff/staff-thread-page";
import { MyProgressPage } from "../features/my-progress/my-progress-page";
import { NotesWorklistPage } from "../features/notes/worklist-page";
import { AnswerQuestionnairePage } from "../features/participant-area/answer-questionnaire-page";
import { MyQuestionnairesPage } from "../features/participant-area/my-questionnaires-page";
import { MyWeekPage } from "../features/participant-area/my-week-page";
import { ParticipantHomePage } from "../features/participant-area/participant-home-page";
import { participantRoutes } from "../features/participants/participant-routes";
import { PersonalPlanPage } from "../features/personal-plans/personal-plan-page";
import { PracticePage } from "../features/practice/participant/practice-page";
import { StaffHomePage } from "../features/programs/staff-home-page";
import { groupsRoutes } from "../features/schedule/schedule-routes";
import { MyPlanPage } from "../features/treatment-plans/my-plan-page";
import { MyPlanReviewPage } from "../features/treatment-plans/my-plan-review-page";
import { WorklistPage } from "../features/treatment-plans/worklist-page";
import { NotFoundContent, NotFoundPage } from "./not-found-page";
import { PersonShell } from "./person-shell";
import { RequireSession, RootRedirect } from "./require-session";
import { StaffShell } from "./staff-shell";

/** Public pages, then one guarded shell per kind of user; unknown addresses get a real not-found page. */
export const router = createBrowserRouter([
  { path: "/", element: <RootRedirect /> },
  { path: "/sign-in", element: <SignInPage /> },
  { path: "/forgot-password", element: <ForgotPasswordPage /> },
  { path: "/reset-password", element: <ResetPasswordPage /> },
  { path: "/invitation", element: <InvitationPage /> },
  { path: "/mfa-setup", element: <MfaSetupPage /> },
  { path: "/get-help", children: getHelpRoutes },
  {
    path: "/staff",
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
      { path: "messages", element: <InboxPage /> },
      { path: "messages/:threadId", element: <StaffThreadPage /> },
      { path: "curriculum", children: curriculumRoutes },
      { path: "groups", children: groupsRoutes },
      { path: "calendar", children: calendarRoutes },
      { path: "admin", children: adminRoutes },
      { path: "*", element: <NotFoundContent /> },
    ],
  },
  {
    path: "/me",
    element: (
      <RequireSession kind="participant">
        <PersonShell home="/me" />
      </RequireSession>
    ),
    children: [
      { index: true, element: <ParticipantHomePage /> },
      { path: "questionnaires", element: <MyQuestionnairesPage /> },
      { path: "questionnaires/:instrumentKey", element: <AnswerQuestionnairePage /> },
      { path: "week", element: <MyWeekPage /> },
      { path: "help", element: <HelpPage /> },
      { path: "recovery-plan", element: <PersonalPlanPage key="recovery" kind="recovery" /> },
      { path: "safety-plan", element: <PersonalPlanPage key="safety" kind="safety" /> },
      { path: "practice", element: <PracticePage /> },
      { path: "progress", element: <MyProgressPage /> },
      { path: "check-in", element: <CheckInPage /> },
      { path: "messages", element: <MessagesPage /> },
      { path: "messages/:threadId", element: <MyThreadPage /> },
      { path: "plan", element: <MyPlanPage /> },
      { path: "plan/reviews/:reviewId", element: <MyPlanReviewPage /> },
      { path: "account", element: <AccountPage /> },
      { path: "*", element: <NotFoundContent /> },
    ],
  },
  {
    path: "/family",
    element: (
      <RequireSession kind="family">
        <PersonShell home="/family" />
      </RequireSession>
    ),
    children: [
      { index: true, element: <FamilyHomePage /> },
      { path: "account", element: <AccountPage /> },
      { path: "*", element: <NotFoundContent /> },
    ],
  },
  { path: "*", element: <NotFoundPage /> },
]);

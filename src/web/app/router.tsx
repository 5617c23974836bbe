import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { AccountPage } from "../features/account/account-page";
import { getHelpRoutes } from "../features/admissions/admissions-routes";
import { MyAftercarePage } from "../features/aftercare/my-aftercare-page";
import { AlumniMessagesPage, AlumniThreadPage } from "../features/alumni/participant/alumni-messages-page";
import { CheckInPage } from "../features/check-ins/participant/check-in-page";
import { MyConsentsPage } from "../features/consents/participant/my-consents-page";
import { MyDisclosuresPage } from "../features/disclosures/participant/my-disclosures-page";
import { FollowUpSurveyPage } from "../features/follow-ups/follow-up-survey-page";
import { HelpPage } from "../features/help/help-page";
import { ForgotPasswordPage } from "../features/identity/forgot-password-page";
import { InvitationPage } from "../features/identity/invitation-page";
import { MfaSetupPage } from "../features/identity/mfa-setup-page";
import { ResetPasswordPage } from "../features/identity/reset-password-page";
import { SignInPage } from "../features/identity/sign-in-page";
import { MessagesPage } from "../features/messages/participant/messages-page";
import { MyThreadPage } from "../features/messages/participant/thread-page";
import { MyProgressPage } from "../features/my-progress/my-progress-page";
import { AnswerQuestionnairePage } from "../features/participant-area/answer-questionnaire-page";
import { MyQuestionnairesPage } from "../features/participant-area/my-questionnaires-page";
import { MyWeekPage } from "../features/participant-area/my-week-page";
import { ParticipantHomePage } from "../features/participant-area/participant-home-page";
import { PersonalPlanPage } from "../features/personal-plans/personal-plan-page";
import { PracticePage } from "../features/practice/participant/practice-page";
import { NoticePage } from "../features/privacy/participant/notice-page";
import { PrivacyPage } from "../features/privacy/participant/privacy-page";
import { SharingPage } from "../features/sharing/sharing-page";
import { MyPlanPage } from "../features/treatment-plans/my-plan-page";
import { MyPlanReviewPage } from "../features/treatment-plans/my-plan-review-page";
import { NotFoundContent, NotFoundPage } from "./not-found-page";
import { PageLoader } from "./page-status";
import { PersonShell } from "./person-shell";
import { RequireSession, RootRedirect } from "./require-session";

const StaffArea = lazy(() => import("./staff-area"));
const FamilyArea = lazy(() => import("./family-area"));

/** Public pages, then one guarded shell per kind of user; unknown addresses get a real not-found page. */
export const router = createBrowserRouter([
  { path: "/", element: <RootRedirect /> },
  { path: "/sign-in", element: <SignInPage /> },
  { path: "/forgot-password", element: <ForgotPasswordPage /> },
  { path: "/reset-password", element: <ResetPasswordPage /> },
  { path: "/invitation", element: <InvitationPage /> },
  // A follow-up survey from its emailed link (`/follow-up/#token=…`): no sign-in, outside the shells.
  { path: "/follow-up", element: <FollowUpSurveyPage /> },
  { path: "/mfa-setup", element: <MfaSetupPage /> },
  { path: "/get-help", children: getHelpRoutes },
  // The staff area is its own chunk, loaded on a staff member's first visit: a participant's phone
  // never downloads it (docs/decisions/0013).
  {
    path: "/staff/*",
    element: (
      <Suspense fallback={<PageLoader />}>
        <StaffArea />
      </Suspense>
    ),
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
      { path: "disclosures", element: <MyDisclosuresPage /> },
      { path: "recovery-plan", element: <PersonalPlanPage key="recovery" kind="recovery" /> },
      { path: "safety-plan", element: <PersonalPlanPage key="safety" kind="safety" /> },
      { path: "aftercare", element: <MyAftercarePage /> },
      { path: "alumni/messages", element: <AlumniMessagesPage /> },
      { path: "alumni/messages/:threadId", element: <AlumniThreadPage /> },
      { path: "practice", element: <PracticePage /> },
      { path: "progress", element: <MyProgressPage /> },
      { path: "check-in", element: <CheckInPage /> },
      { path: "messages", element: <MessagesPage /> },
      { path: "messages/:threadId", element: <MyThreadPage /> },
      { path: "plan", element: <MyPlanPage /> },
      { path: "plan/reviews/:reviewId", element: <MyPlanReviewPage /> },
      { path: "consents", element: <MyConsentsPage /> },
      { path: "privacy", element: <PrivacyPage /> },
      { path: "privacy/notice", element: <NoticePage /> },
      { path: "sharing", element: <SharingPage /> },
      { path: "account", element: <AccountPage /> },
      { path: "*", element: <NotFoundContent /> },
    ],
  },
  // The family area is its own chunk too (the family pages and the education modules).
  {
    path: "/family/*",
    element: (
      <Suspense fallback={<PageLoader />}>
        <FamilyArea />
      </Suspense>
    ),
  },
  { path: "*", element: <NotFoundPage /> },
]);

import { useRoutes } from "react-router";
import { AccountPage } from "../features/account/account-page";
import { FamilyHomePage } from "../features/family/family-home-page";
import { FamilyPersonPage } from "../features/family/family-person-page";
import { FamilyCheckInPage } from "../features/family-learning/check-in-page";
import { LearningPage } from "../features/family-learning/learning-page";
import { ModulePage } from "../features/family-learning/module-page";
import { FamilyResourcesPage } from "../features/family-learning/resources-page";
import { FamilyMessagesPage } from "../features/messages/family/family-messages-page";
import { FamilyThreadPage } from "../features/messages/family/family-thread-page";
import { NotFoundContent } from "./not-found-page";
import { PersonShell } from "./person-shell";
import { RequireSession } from "./require-session";

/**
 * The family area under `/family/*`, in its own chunk (the router loads it lazily), as the staff
 * area is: a participant's phone never downloads the family pages or the education modules. Paths
 * here are relative to `/family`.
 */
export default function FamilyArea() {
  return useRoutes([
    {
      element: (
        <RequireSession kind="family">
          <PersonShell home="/family" />
        </RequireSession>
      ),
      children: [
        { index: true, element: <FamilyHomePage /> },
        { path: "learn", element: <LearningPage /> },
        { path: "learn/:moduleKey", element: <ModulePage /> },
        { path: "check-in", element: <FamilyCheckInPage /> },
        { path: "resources", element: <FamilyResourcesPage /> },
        { path: "people/:participantId", element: <FamilyPersonPage /> },
        { path: "messages", element: <FamilyMessagesPage /> },
        { path: "messages/:threadId", element: <FamilyThreadPage /> },
        { path: "account", element: <AccountPage /> },
        { path: "*", element: <NotFoundContent /> },
      ],
    },
  ]);
}

import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, Navigate } from "react-router";
import { FamilyHomePage } from "../features/family/family-home-page";
import { useCurrentSession } from "../features/identity/api/get-current-session";
import { homePathFor } from "../features/identity/home-path";
import { SignInPage } from "../features/identity/sign-in-page";
import { ParticipantHomePage } from "../features/participant-area/participant-home-page";
import { StaffHomePage } from "../features/programs/staff-home-page";
import { NotFoundPage } from "./not-found-page";
import { PersonShell } from "./person-shell";
import { RequireSession } from "./require-session";
import { StaffShell } from "./staff-shell";

/** `/`: each person to their own area, or to sign-in. */
function RootRedirect() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  return <Navigate to={session.data ? homePathFor(session.data.kind) : "/sign-in"} replace />;
}

export const router = createBrowserRouter([
  { path: "/", element: <RootRedirect /> },
  { path: "/sign-in", element: <SignInPage /> },
  {
    path: "/staff",
    element: <RequireSession kind="staff">{(user) => <StaffShell user={user} />}</RequireSession>,
    children: [{ index: true, element: <StaffHomePage /> }],
  },
  {
    path: "/me",
    element: <RequireSession kind="participant">{() => <PersonShell />}</RequireSession>,
    children: [
      {
        index: true,
        element: (
          <RequireSession kind="participant">{(user) => <ParticipantHomePage user={user} />}</RequireSession>
        ),
      },
    ],
  },
  {
    path: "/family",
    element: <RequireSession kind="family">{() => <PersonShell />}</RequireSession>,
    children: [
      {
        index: true,
        element: <RequireSession kind="family">{(user) => <FamilyHomePage user={user} />}</RequireSession>,
      },
    ],
  },
  { path: "*", element: <NotFoundPage /> },
]);

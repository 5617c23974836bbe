import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { SessionUser, UserKind } from "../../core/identity/identity.schema";
import { useCurrentSession } from "../features/identity/api/get-current-session";
import { homePathFor } from "../features/identity/home-path";

/** A shell guards itself: nobody signed in → sign-in page; the wrong kind of user → their own area. */
export function RequireSession({
  kind,
  children,
}: {
  kind: UserKind;
  children: (user: SessionUser) => ReactNode;
}) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  const user = session.data;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (user.kind !== kind) return <Navigate to={homePathFor(user.kind)} replace />;
  return <>{children(user)}</>;
}

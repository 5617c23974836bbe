import { createContext, type ReactNode, useContext } from "react";
import { Navigate, useLocation } from "react-router";
import type { SessionUser, UserKind } from "../../core/identity/identity.schema";
import { useCurrentSession } from "../features/identity/api/get-current-session";
import { homePathFor } from "../features/identity/home-path";
import { PageLoader, PageUnavailable } from "./page-status";

const SessionUserContext = createContext<SessionUser | null>(null);

/** The signed-in user, inside a shell that `RequireSession` guards. */
export function useSessionUser(): SessionUser {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error("useSessionUser() is only available inside <RequireSession>");
  return user;
}

/** A shell guards itself: nobody signed in → sign-in page; the wrong kind of user → their own area. */
export function RequireSession({ kind, children }: { kind: UserKind; children: ReactNode }) {
  const session = useCurrentSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.data === undefined) return <PageUnavailable onRetry={() => void session.refetch()} />;
  const user = session.data;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (user.kind !== kind) return <Navigate to={homePathFor(user.kind)} replace />;
  return <SessionUserContext value={user}>{children}</SessionUserContext>;
}

/** `/`: each person to their own area, or to sign-in. */
export function RootRedirect() {
  const session = useCurrentSession();
  if (session.isPending) return <PageLoader />;
  if (session.data === undefined) return <PageUnavailable onRetry={() => void session.refetch()} />;
  return <Navigate to={session.data ? homePathFor(session.data.kind) : "/sign-in"} replace />;
}

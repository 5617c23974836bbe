import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { Navigate, useLocation } from "react-router";
import type { SessionUser, UserKind } from "../../core/identity/identity.schema";
import type { CurrentSession } from "../../core/identity/session.schema";
import { useCurrentSession } from "../features/identity/api/get-current-session";
import { homePathFor, pendingStepPath } from "../features/identity/home-path";
import { IdleWarning } from "./idle-warning";
import { PageLoader, PageUnavailable } from "./page-status";

const SessionContext = createContext<CurrentSession | null>(null);

/** The signed-in, active session (user, permissions, idle timeout), inside a shell that `RequireSession` guards. */
export function useSession(): CurrentSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() is only available inside <RequireSession>");
  return session;
}

/** The signed-in user, inside a shell that `RequireSession` guards. */
export function useSessionUser(): SessionUser {
  return useSession().user;
}

/**
 * A shell guards itself: nobody signed in → sign-in page (saying why when the session just ended);
 * an MFA step still owed → that step; the wrong kind of user → their own area. Inside, the idle
 * warning watches the session.
 */
export function RequireSession({ kind, children }: { kind: UserKind; children: ReactNode }) {
  const session = useCurrentSession();
  const location = useLocation();
  const wasSignedIn = useRef(false);
  useEffect(() => {
    if (session.data) wasSignedIn.current = true;
  }, [session.data]);
  if (session.isPending) return <PageLoader />;
  if (session.data === undefined) return <PageUnavailable onRetry={() => void session.refetch()} />;
  const current = session.data;
  const here = location.pathname + location.search;
  if (!current) {
    const reason = wasSignedIn.current ? "reason=expired&" : "";
    return <Navigate to={`/sign-in?${reason}next=${encodeURIComponent(here)}`} replace />;
  }
  const step = pendingStepPath(current, here);
  if (step) return <Navigate to={step} replace />;
  if (current.user.kind !== kind) return <Navigate to={homePathFor(current.user.kind)} replace />;
  return (
    <SessionContext value={current}>
      {children}
      <IdleWarning idleTimeoutMinutes={current.idleTimeoutMinutes} />
    </SessionContext>
  );
}

/** `/`: each person to their own area (or the MFA step they still owe), or to sign-in. */
export function RootRedirect() {
  const session = useCurrentSession();
  if (session.isPending) return <PageLoader />;
  if (session.data === undefined) return <PageUnavailable onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/sign-in" replace />;
  const home = homePathFor(session.data.user.kind);
  return <Navigate to={pendingStepPath(session.data, home) ?? home} replace />;
}

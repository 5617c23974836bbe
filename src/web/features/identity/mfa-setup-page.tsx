import { Anchor, Group } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { PageLoader, PageUnavailable } from "../../app/page-status";
import { PublicLayout } from "../../app/public-layout";
import { currentSessionQuery, useCurrentSession } from "./api/get-current-session";
import { useSignOut } from "./api/sign-out";
import { homePathFor } from "./home-path";
import { MfaEnrolment } from "./mfa-enrolment";
import { safeNextPath } from "./safe-next-path";

/**
 * `/mfa-setup`: staff who must enrol come here before anything else; anyone signed in may come here
 * from their account page to turn two-step verification on.
 */
export function MfaSetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const signOut = useSignOut();
  const next = safeNextPath(params.get("next"));

  if (session.isPending) return <PageLoader />;
  if (session.data === undefined) return <PageUnavailable onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/sign-in" replace />;
  if (session.data.stage === "mfa_required")
    return <Navigate to={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"} replace />;
  const home = next ?? homePathFor(session.data.user.kind);

  const done = async () => {
    // The session is active now: learn that before entering the shell, which checks the stage.
    await queryClient.fetchQuery({ ...currentSessionQuery, staleTime: 0 });
    await navigate(home, { replace: true });
  };

  return (
    <PublicLayout title={t("mfaSetup.title")} intro={t("mfaSetup.intro")} width={560}>
      <MfaEnrolment email={session.data.user.email} onDone={() => void done()} />
      <Group justify="center">
        {session.data.stage === "mfa_enrolment_required" ? (
          <Anchor component="button" type="button" onClick={() => signOut.mutate()}>
            {t("common.signOut")}
          </Anchor>
        ) : (
          <Anchor component={Link} to={home}>
            {t("account.cancel")}
          </Anchor>
        )}
      </Group>
    </PublicLayout>
  );
}

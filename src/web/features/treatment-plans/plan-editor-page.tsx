import { Alert, Anchor, Skeleton, Stack, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { LoadError, NoAccess } from "../admin/page-states";
import { useParticipant } from "../participants/api/get-participant";
import { useParticipantPlan } from "./api/get-plan";
import { PlanEditor } from "./plan-editor";
import { planTabPath } from "./plan-paths";

/** /staff/participants/:id/plan/:versionId/edit — the editor for the plan's open draft. */
export function PlanEditorPage() {
  const { t } = useTranslation("treatmentPlans");
  const { id = "", versionId = "" } = useParams();
  const permissions = useMyPermissions();
  const record = useParticipant(id);
  const plan = useParticipantPlan(id);

  if (permissions.isPending || record.isPending || plan.isPending)
    return (
      <Stack maw={1200} role="status">
        <VisuallyHidden>{t("states.loading")}</VisuallyHidden>
        <Skeleton h={40} w="50%" />
        <Skeleton h={240} />
      </Stack>
    );
  if (!(permissions.data ?? []).includes("clinical.write")) return <NoAccess />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  if (plan.isError)
    return <LoadError error={plan.error} onRetry={() => void plan.refetch()} title={t("states.loadError")} />;

  const versions = plan.data.plan?.versions ?? [];
  const open = plan.data.plan?.open;
  if (!open || open.id !== versionId || open.status !== "draft")
    return (
      <Stack maw={800}>
        <Alert color={versions.some((v) => v.id === versionId) ? "yellow" : "gray"} role="alert">
          {versions.some((v) => v.id === versionId) ? t("editor.notOpen") : t("editor.notFound")}
        </Alert>
        <Anchor component={Link} to={planTabPath(id)}>
          {t("editor.back")}
        </Anchor>
      </Stack>
    );
  return <PlanEditor key={open.id} record={record.data} version={open} />;
}

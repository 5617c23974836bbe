import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconLock, IconPencil, IconSignature } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import type { ParticipantPlan, VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import type { ReviewDue } from "../../../core/treatment-plans/review.schema";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { ConfirmModal } from "../admin/confirm-modal";
import { formatDate, formatDateTime } from "../admin/format";
import { EmptyState, LoadError } from "../admin/page-states";
import { useCurrentSession } from "../identity/api/get-current-session";
import { useCreateRevision } from "./api/create-revision";
import { useParticipantPlan, versionPath } from "./api/get-plan";
import { useReopenVersion } from "./api/reopen-version";
import { PlanContentView } from "./plan-content-view";
import { useRolesText } from "./plan-format";
import { PlanHistory, VERSION_STATUS_COLOR } from "./plan-history";
import { editorPath } from "./plan-paths";
import { PlanProgress } from "./plan-progress";
import { PlanReviewsSection } from "./plan-reviews-section";
import { SignModal, type StaffSignRole, useRequestErrorText } from "./sign-modal";
import { SignatureList } from "./signature-list";
import { StartPlanModal } from "./start-plan-modal";

const REVIEW_COLOR: Record<ReviewDue["state"], string> = {
  none: "gray",
  upcoming: "blue",
  due_soon: "yellow",
  due: "orange",
  overdue: "red",
};

/** Where the plan stands against its review cycle: state, date and why. */
export function ReviewDueBadge({ reviewDue }: { reviewDue: ReviewDue }) {
  const { t, i18n } = useTranslation("treatmentPlans");
  if (reviewDue.state === "none") return null;
  const date = reviewDue.dueOn ? formatDate(reviewDue.dueOn, i18n.language) : "";
  const reason =
    reviewDue.reason && reviewDue.reason !== "scheduled" ? ` ${t(`reviewReasons.${reviewDue.reason}`)}` : "";
  return (
    <Badge size="lg" variant="light" color={REVIEW_COLOR[reviewDue.state]} tt="none">
      {t(`reviewDue.${reviewDue.state}`, { date })}
      {reason}
    </Badge>
  );
}

function VersionHeading({
  version,
  titleId,
  title,
}: {
  version: VersionDetail;
  titleId: string;
  title: string;
}) {
  const { t, i18n } = useTranslation("treatmentPlans");
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
      <div>
        <Title order={3} size="h5" id={titleId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {t("panel.startsOn", { date: formatDate(version.startsOn, i18n.language) })}
          {version.cosigner && ` · ${t("panel.cosigner", { name: version.cosigner.displayName })}`}
        </Text>
      </div>
      <Badge variant="light" color={VERSION_STATUS_COLOR[version.status]}>
        {t(`versionStatus.${version.status}`)}
      </Badge>
    </Group>
  );
}

/** The version being written or signed: continue editing, sign, or return it to draft. */
function OpenVersionCard({
  participantId,
  version,
  canWrite,
  canCosign,
  myId,
}: {
  participantId: string;
  version: VersionDetail;
  canWrite: boolean;
  canCosign: boolean;
  myId: string | undefined;
}) {
  const { t, i18n } = useTranslation("treatmentPlans");
  const rolesText = useRolesText();
  const [signing, setSigning] = useState<StaffSignRole | null>(null);
  const [confirmingReopen, setConfirmingReopen] = useState(false);
  const reopen = useReopenVersion();
  const signed = new Set(version.signatures.map((s) => s.role));
  const missing = version.requiredRoles.filter((r) => !signed.has(r));
  const awaiting = version.status === "awaiting_signatures";
  const canSignAs = (role: StaffSignRole) =>
    awaiting &&
    missing.includes(role) &&
    (role === "clinician" ? canWrite : canCosign && version.cosigner?.id === myId);
  const when = formatDateTime(version.updatedAt, i18n.language);
  const titleId = "plan-open-title";
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <VersionHeading
          version={version}
          titleId={titleId}
          title={t("panel.openTitle", { number: version.number })}
        />
        <Text size="sm">
          {version.updatedBy
            ? t("panel.updatedBy", { when, name: version.updatedBy.displayName })
            : t("panel.updatedAt", { when })}
        </Text>
        {awaiting && missing.length > 0 && (
          <Text size="sm">{t("panel.awaitingRoles", { roles: rolesText(missing) })}</Text>
        )}
        {awaiting && (
          <div>
            <Text size="sm" fw={600} id="plan-open-signatures">
              {t("signatures.title")}
            </Text>
            <SignatureList signatures={version.signatures} labelId="plan-open-signatures" />
          </div>
        )}
        <Group gap="xs" wrap="wrap">
          {version.status === "draft" && canWrite && (
            <Button
              component={Link}
              to={editorPath(participantId, version.id)}
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t("panel.continueEditing")}
            </Button>
          )}
          {(["clinician", "supervisor"] as const).filter(canSignAs).map((role) => (
            <Button
              key={role}
              leftSection={<IconSignature size={16} aria-hidden />}
              onClick={() => setSigning(role)}
            >
              {t("panel.signAs", { role: t(`roles.${role}`) })}
            </Button>
          ))}
          {awaiting && canWrite && (
            <Button variant="default" onClick={() => setConfirmingReopen(true)}>
              {t("panel.returnToDraft")}
            </Button>
          )}
        </Group>
      </Stack>
      {signing && (
        <SignModal
          participantId={participantId}
          version={version}
          role={signing}
          onClose={() => setSigning(null)}
        />
      )}
      <ConfirmModal
        opened={confirmingReopen}
        title={t("panel.returnToDraft")}
        confirmLabel={t("panel.returnToDraft")}
        loading={reopen.isPending}
        error={reopen.error}
        onClose={() => setConfirmingReopen(false)}
        onConfirm={() =>
          reopen.mutate(
            { participantId, planId: version.planId, versionId: version.id, revision: version.revision },
            { onSuccess: () => setConfirmingReopen(false) },
          )
        }
      >
        {t("panel.returnToDraftConfirm")}
      </ConfirmModal>
    </Card>
  );
}

/** The signed version in force, read-only, with its signatures, the PDF and "Revise". */
function CurrentVersionCard({
  participantId,
  plan,
  version,
  canWrite,
}: {
  participantId: string;
  plan: ParticipantPlan;
  version: VersionDetail;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation("treatmentPlans");
  const navigate = useNavigate();
  const revise = useCreateRevision();
  const requestErrorText = useRequestErrorText();
  const titleId = "plan-current-title";
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <VersionHeading
          version={version}
          titleId={titleId}
          title={`${t("panel.currentTitle")} · ${t("panel.version", { number: version.number })}`}
        />
        {version.signedAt && (
          <Text size="sm">
            {t("panel.signedOn", { date: formatDateTime(version.signedAt, i18n.language) })}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Button
            component="a"
            href={`${versionPath(plan.planId, version.id)}/pdf`}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t("panel.downloadPdf")}
          </Button>
          {canWrite && plan.open === null && (
            <Button
              variant="light"
              title={t("panel.reviseHint")}
              loading={revise.isPending}
              onClick={() =>
                revise.mutate(
                  { participantId, planId: plan.planId },
                  { onSuccess: (created) => navigate(editorPath(participantId, created.id)) },
                )
              }
            >
              {t("panel.revise")}
            </Button>
          )}
        </Group>
        {revise.isError && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {requestErrorText(revise.error)}
          </Text>
        )}
        <PlanContentView content={version.content} />
        <div>
          <Title order={4} size="h6" id="plan-current-signatures">
            {t("signatures.title")}
          </Title>
          <SignatureList signatures={version.signatures} labelId="plan-current-signatures" />
        </div>
      </Stack>
    </Card>
  );
}

/**
 * The Plan tab of a participant's chart: the signed plan in force, the version being written or signed,
 * the review state and reviews, every version with its changes, and objective progress. Reading needs
 * clinical.view; writing and signing need clinical.write (the server also checks the care team).
 */
export function PlanPanel({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("treatmentPlans");
  const permissions = useMyPermissions();
  const session = useCurrentSession();
  const granted = permissions.data ?? [];
  const canView = granted.includes("clinical.view");
  const plan = useParticipantPlan(record.id);
  const [starting, setStarting] = useState(false);

  if (permissions.isPending) return <Skeleton h={160} />;
  if (!canView)
    return (
      <Card withBorder padding="md">
        <Group gap="xs">
          <IconLock size={16} aria-hidden />
          <Text>{t("states.notPermitted")}</Text>
        </Group>
      </Card>
    );
  if (plan.isPending)
    return (
      <Stack role="status" aria-label={t("states.loading")}>
        <Skeleton h={40} />
        <Skeleton h={200} />
      </Stack>
    );
  if (plan.isError)
    return <LoadError error={plan.error} onRetry={() => void plan.refetch()} title={t("states.loadError")} />;

  const canWrite = granted.includes("clinical.write");
  const current = plan.data.plan;
  if (current === null)
    return (
      <Card withBorder padding="md" component="section" aria-labelledby="plan-empty-title">
        <Title order={2} size="h4" id="plan-empty-title">
          {t("panel.emptyTitle")}
        </Title>
        <EmptyState>{t("panel.emptyBody")}</EmptyState>
        {canWrite && <Button onClick={() => setStarting(true)}>{t("panel.start")}</Button>}
        {starting && (
          <StartPlanModal
            participantId={record.id}
            preferredLanguage={record.preferredLanguage}
            onClose={() => setStarting(false)}
          />
        )}
      </Card>
    );

  return (
    <Stack>
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2} size="h4">
          {t("panel.title")}
        </Title>
        <ReviewDueBadge reviewDue={current.reviewDue} />
      </Group>
      {current.open && (
        <OpenVersionCard
          participantId={record.id}
          version={current.open}
          canWrite={canWrite}
          canCosign={granted.includes("plans.cosign")}
          myId={session.data?.user.id}
        />
      )}
      {current.current ? (
        <CurrentVersionCard
          participantId={record.id}
          plan={current}
          version={current.current}
          canWrite={canWrite}
        />
      ) : (
        <Card withBorder padding="md">
          <EmptyState>{t("panel.noCurrent")}</EmptyState>
        </Card>
      )}
      <PlanReviewsSection plan={current} />
      <PlanHistory planId={current.planId} versions={current.versions} />
      {current.current && <PlanProgress participantId={record.id} content={current.current.content} />}
    </Stack>
  );
}

import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconClipboardCheck, IconFileTypePdf, IconSignature } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  ParticipantPlan,
  ReviewDetail,
  VersionDetail,
} from "../../../core/treatment-plans/plan-api.schema";
import { REVIEW_REASONS, type ReviewReason } from "../../../core/treatment-plans/review.schema";
import { ApiError } from "../../app/api-client";
import { useHasPermission } from "../admin/api/get-my-permissions";
import { formatDate, formatDateTime } from "../admin/format";
import { EmptyState, ScrollTable } from "../admin/page-states";
import { useCurrentSession } from "../identity/api/get-current-session";
import { reviewPdfPath } from "./api/review-paths";
import { useReopenReview } from "./api/review-reopen";
import { useStartReview } from "./api/review-start";
import { ObjectiveStatusBadge } from "./my-plan-reading";
import { objectivesOf, ReviewEditor } from "./review-editor";
import { ReviewSignModal } from "./review-editor-sign";

const STATUS_COLOR = { draft: "gray", awaiting_signatures: "yellow", signed: "green" } as const;

/** The version a review looks at: the signed one in force, else the one it names in the history. */
function reviewedVersion(plan: ParticipantPlan, review: ReviewDetail): VersionDetail | null {
  if (plan.current?.id === review.versionId) return plan.current;
  return plan.open?.id === review.versionId ? plan.open : plan.current;
}

function StartReviewModal({ plan, onClose }: { plan: ParticipantPlan; onClose: () => void }) {
  const { t } = useTranslation("myPlan");
  const start = useStartReview();
  const [reason, setReason] = useState<ReviewReason>(
    plan.reviewDue.reason && plan.reviewDue.reason !== "scheduled" ? plan.reviewDue.reason : "scheduled",
  );
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(
      { participantId: plan.participantId, planId: plan.planId, reason },
      {
        onSuccess: onClose,
        onError: (e) => setError(e instanceof ApiError && e.message ? e.message : t("staff.failed")),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("staff.startTitle")}>
      <form onSubmit={submit} noValidate aria-label={t("staff.startTitle")}>
        <Stack>
          <Select
            label={t("staff.reason")}
            data={REVIEW_REASONS.map((r) => ({ value: r, label: t(`staff.reasons.${r}`) }))}
            value={reason}
            allowDeselect={false}
            onChange={(value) => value && setReason(value as ReviewReason)}
            data-autofocus
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("staff.cancel")}
            </Button>
            <Button type="submit" loading={start.isPending}>
              {t("staff.start")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A review sent for signatures: what was recorded (read-only), who signed, and the ways to sign or reopen it. */
function AwaitingReview({
  plan,
  review,
  canWrite,
  canCosign,
  myId,
}: {
  plan: ParticipantPlan;
  review: ReviewDetail;
  canWrite: boolean;
  canCosign: boolean;
  myId: string | undefined;
}) {
  const { t, i18n } = useTranslation("myPlan");
  const reopen = useReopenReview();
  const [signing, setSigning] = useState<"clinician" | "supervisor" | null>(null);
  const objectives = objectivesOf(reviewedVersion(plan, review));
  const signed = (role: string) => review.signatures.some((s) => s.role === role);
  const missing = review.requiredRoles.filter((role) => !signed(role));
  const canSignClinician = canWrite && !signed("clinician");
  const canSignSupervisor =
    canCosign &&
    review.requiredRoles.includes("supervisor") &&
    !signed("supervisor") &&
    review.cosigner?.id === myId;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("staff.readOnly")}
      </Text>
      <List size="sm" spacing="xs">
        {review.content.progress.map((entry) => (
          <List.Item key={entry.objectiveId}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {objectives.get(entry.objectiveId)?.objective.statement ?? t("review.unknownObjective")}
              </Text>
              <ObjectiveStatusBadge status={entry.status} />
              {entry.value !== null && <Text size="sm">{t("review.measured", { value: entry.value })}</Text>}
            </Group>
            {entry.note && <Text size="sm">{entry.note}</Text>}
          </List.Item>
        ))}
      </List>
      {review.content.summary && (
        <Text size="sm">
          <strong>{t("staff.summary")}:</strong> {review.content.summary}
        </Text>
      )}
      {review.content.planChangesNeeded && <Badge color="orange">{t("staff.changesNeeded")}</Badge>}
      <Title order={4} size="h6" id="review-signatures-title">
        {t("staff.signatures")}
      </Title>
      <List size="sm" aria-labelledby="review-signatures-title">
        {review.signatures.map((s) => (
          <List.Item key={`${s.role}:${s.signedAt}`}>
            {t("staff.signedBy", {
              name: s.signer.displayName,
              role: t(`staff.roleNames.${s.role}`),
              time: formatDateTime(s.signedAt, i18n.language),
            })}
          </List.Item>
        ))}
      </List>
      {missing.length > 0 && (
        <Text size="sm">
          {t("staff.waitingFor", { roles: missing.map((r) => t(`staff.roleNames.${r}`)).join(", ") })}
        </Text>
      )}
      <Group gap="xs">
        {canSignClinician && (
          <Button
            leftSection={<IconSignature size={18} aria-hidden />}
            onClick={() => setSigning("clinician")}
          >
            {t("staff.sign")}
          </Button>
        )}
        {canSignSupervisor && (
          <Button
            leftSection={<IconSignature size={18} aria-hidden />}
            onClick={() => setSigning("supervisor")}
          >
            {`${t("staff.sign")} — ${t("staff.signRoles.supervisor")}`}
          </Button>
        )}
        {canWrite && (
          <Button
            variant="default"
            loading={reopen.isPending}
            onClick={() =>
              reopen.mutate({
                participantId: plan.participantId,
                planId: plan.planId,
                reviewId: review.id,
                revision: review.revision,
              })
            }
          >
            {t("staff.reopen")}
          </Button>
        )}
      </Group>
      {signing && (
        <ReviewSignModal
          participantId={plan.participantId}
          review={review}
          role={signing}
          onClose={() => setSigning(null)}
        />
      )}
    </Stack>
  );
}

/**
 * The plan's reviews in the chart: when the next is due and why, "Start review" (scheduled or early),
 * the open review (edited as a draft with autosave, then sent for signatures and signed), and the past
 * reviews with their PDFs.
 */
export function PlanReviewsSection({ plan }: { plan: ParticipantPlan }) {
  const { t, i18n } = useTranslation("myPlan");
  const canWrite = useHasPermission("clinical.write");
  const canCosign = useHasPermission("plans.cosign");
  const session = useCurrentSession();
  const [starting, setStarting] = useState(false);
  const due = plan.reviewDue;
  const open = plan.openReview;
  const past = plan.reviews.filter((r) => r.id !== open?.id);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="plan-reviews-title">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4" id="plan-reviews-title">
            {t("staff.title")}
          </Title>
          {canWrite && !open && plan.current && (
            <Button
              leftSection={<IconClipboardCheck size={18} aria-hidden />}
              onClick={() => setStarting(true)}
            >
              {t("staff.start")}
            </Button>
          )}
        </Group>
        <Stack gap={2}>
          <Text fw={due.state === "overdue" || due.state === "due" ? 700 : undefined}>
            {t(`staff.due.${due.state}`, { date: due.dueOn ? formatDate(due.dueOn, i18n.language) : "" })}
          </Text>
          {due.reason && due.state !== "none" && (
            <Text size="sm" c="dimmed">
              {t("staff.dueReason", { reason: t(`staff.reasons.${due.reason}`) })}
            </Text>
          )}
        </Stack>

        {open && (
          <Card withBorder padding="sm" component="section" aria-labelledby="open-review-title">
            <Stack gap="sm">
              <Group gap="xs">
                <Title order={4} size="h5" id="open-review-title">
                  {t("staff.openReview", { number: open.number, status: t(`staff.statuses.${open.status}`) })}
                </Title>
                <Badge color="gray" variant="light" tt="none">
                  {t(`staff.reasons.${open.reason}`)}
                </Badge>
              </Group>
              {open.status === "draft" && canWrite ? (
                <ReviewEditor
                  key={open.id}
                  participantId={plan.participantId}
                  review={open}
                  version={reviewedVersion(plan, open)}
                />
              ) : (
                <AwaitingReview
                  plan={plan}
                  review={open}
                  canWrite={canWrite}
                  canCosign={canCosign}
                  myId={session.data?.user.id}
                />
              )}
            </Stack>
          </Card>
        )}

        <Stack gap="xs">
          <Title order={4} size="h5" id="past-reviews-title">
            {t("staff.past")}
          </Title>
          {past.length === 0 ? (
            <EmptyState>{t("staff.noPast")}</EmptyState>
          ) : (
            <ScrollTable label={t("staff.past")} minWidth={520}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("staff.pastColumns.number")}</Table.Th>
                  <Table.Th>{t("staff.pastColumns.reason")}</Table.Th>
                  <Table.Th>{t("staff.pastColumns.heldOn")}</Table.Th>
                  <Table.Th>{t("staff.pastColumns.status")}</Table.Th>
                  <Table.Th>{t("staff.pastColumns.pdf")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {past.map((review) => (
                  <Table.Tr key={review.id}>
                    <Table.Td>{review.number}</Table.Td>
                    <Table.Td>{t(`staff.reasons.${review.reason}`)}</Table.Td>
                    <Table.Td>{formatDate(review.heldOn, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[review.status]} variant="light" tt="none">
                        {t(`staff.statuses.${review.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {review.status === "signed" ? (
                        <Anchor href={reviewPdfPath(review.planId, review.id)} target="_blank" rel="noopener">
                          <Group gap={4} wrap="nowrap" component="span">
                            <IconFileTypePdf size={16} aria-hidden />
                            {t("staff.pdf", { number: review.number })}
                          </Group>
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Stack>
      </Stack>
      {starting && <StartReviewModal plan={plan} onClose={() => setStarting(false)} />}
    </Card>
  );
}

import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconInfoCircle, IconPrinter, IconWifiOff } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { PersonalPlan, PersonalPlanKind } from "../../../core/personal-plans/personal-plan.schema";
import { ApiError } from "../../app/api-client";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { useOnCallLine } from "./api/get-on-call-line";
import { usePersonalPlan } from "./api/get-personal-plan";
import { useMarkPlanSeen } from "./api/mark-plan-seen";
import { ME } from "./api/plan-scope";
import { useSavePersonalPlan } from "./api/save-personal-plan";
import { PlanEditor } from "./plan-editor";
import { PlanHistory } from "./plan-history";
import { PlanReading } from "./plan-reading";
import { formatWhen } from "./plan-words";
import { keepSavedPlan, readSavedPlan } from "./saved-plans";
import { useOnline } from "./use-online";
import "./personal-plans.css";

const OTHER: Record<PersonalPlanKind, PersonalPlanKind> = { recovery: "safety", safety: "recovery" };

/**
 * "My recovery plan" and "My safety plan" on the participant's phone: the plan to edit, what their
 * counselor changed since they last looked, the history, a clean printed page, and — offline — the
 * copy this device kept when they last read it. Crisis help stays in the footer of every /me page.
 */
export function PersonalPlanPage({ kind }: { kind: PersonalPlanKind }) {
  const { t, i18n } = useTranslation("personalPlans");
  usePageTitle(t(`kinds.${kind}`));
  const user = useSessionUser();
  const online = useOnline();
  const plan = usePersonalPlan(ME, kind);
  const onCall = useOnCallLine();
  const save = useSavePersonalPlan(ME, kind);
  const markSeen = useMarkPlanSeen(ME, kind);
  const location = useLocation();
  const [counselorChanged, setCounselorChanged] = useState<string[]>([]);
  const seenVersion = useRef<number | null>(null);
  const onCallLine = kind === "safety" ? (onCall.data ?? null) : undefined;

  // Keep what was read on this device, for the next time there is no network.
  useEffect(() => {
    if (!plan.data) return;
    keepSavedPlan(localStorage, {
      userId: user.id,
      savedAt: new Date().toISOString(),
      plan: plan.data,
      onCall: onCall.data ?? null,
    });
  }, [plan.data, onCall.data, user.id]);

  // The counselor's changes: say which sections, once, then mark them seen.
  useEffect(() => {
    const data = plan.data;
    if (!data || data.changedSinceSeen.length === 0 || seenVersion.current === data.version) return;
    seenVersion.current = data.version;
    setCounselorChanged(data.changedSinceSeen);
    markSeen.mutate(data.version);
  }, [plan.data, markSeen]);

  // Open at the section the link names (#triggers, #copingResponses…) once the plan is on the page.
  const loaded = plan.data !== undefined;
  useEffect(() => {
    if (!loaded || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [loaded, location.hash]);

  const networkDown = !online || (plan.isError && !(plan.error instanceof ApiError));
  const saved = networkDown ? readSavedPlan(localStorage, user.id, kind) : null;

  return (
    <Stack className="pp-print-root">
      <Stack gap={4}>
        <Title order={1}>{t(`kinds.${kind}`)}</Title>
        <Text className="pp-screen-only">{t(`intro.${kind}`)}</Text>
      </Stack>
      {networkDown ? (
        saved ? (
          <>
            <Alert color="gray" variant="light" icon={<IconWifiOff aria-hidden />} role="status">
              {t("page.offlineCopy", { date: formatWhen(saved.savedAt, i18n.language) })}
            </Alert>
            <PlanReading
              kind={kind}
              content={saved.plan.content}
              onCall={kind === "safety" ? saved.onCall : undefined}
            />
          </>
        ) : (
          <Alert color="gray" variant="light" icon={<IconWifiOff aria-hidden />} role="status">
            {t("page.offlineNone")}
          </Alert>
        )
      ) : plan.isPending ? (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("page.loading")}</VisuallyHidden>
          <Skeleton h={160} />
          <Skeleton h={96} />
        </Stack>
      ) : plan.isError ? (
        <LoadError error={plan.error} onRetry={() => void plan.refetch()} title={t("page.loadError")} />
      ) : (
        <Stack gap="lg">
          {counselorChanged.length > 0 && (
            <Alert
              color="blue"
              variant="light"
              icon={<IconInfoCircle aria-hidden />}
              className="pp-screen-only"
            >
              <Text>
                {t("page.counselorChanged", {
                  sections: counselorChanged.map((s) => t(`sections.${kind}.${s}`)).join(", "),
                })}
              </Text>
              <Group gap="sm" mt={4}>
                {counselorChanged.map((s) => (
                  <Anchor key={s} href={`#${s}`}>
                    {t(`sections.${kind}.${s}`)}
                  </Anchor>
                ))}
              </Group>
            </Alert>
          )}
          <UpdatedLine plan={plan.data} />
          <Group className="pp-screen-only">
            <Button
              variant="default"
              size="md"
              leftSection={<IconPrinter size={18} aria-hidden />}
              onClick={() => window.print()}
            >
              {t("page.print")}
            </Button>
            <Button component={Link} to={`/me/${OTHER[kind]}-plan`} variant="subtle" size="md">
              {t(`page.otherPlan.${kind}`)}
            </Button>
          </Group>
          <div className="pp-screen-only">
            <PlanEditor
              kind={kind}
              plan={plan.data}
              audience="participant"
              onSave={(input) => save.mutateAsync(input)}
              onCall={onCallLine}
            />
          </div>
          <div className="pp-print-only">
            <PlanReading kind={kind} content={plan.data.content} onCall={onCallLine} idPrefix="print-" />
          </div>
          <PlanHistory scope={ME} kind={kind} />
        </Stack>
      )}
    </Stack>
  );
}

function UpdatedLine({ plan }: { plan: PersonalPlan }) {
  const { t, i18n } = useTranslation("personalPlans");
  if (!plan.updatedAt || !plan.updatedBy) return <Text c="dimmed">{t("page.neverSaved")}</Text>;
  const date = formatWhen(plan.updatedAt, i18n.language);
  // The participant is the only participant who edits their plan: their own edits say "you".
  return (
    <Text c="dimmed">
      {plan.updatedBy.kind === "participant"
        ? t("page.updatedByYou", { date })
        : t("page.updated", { date, name: plan.updatedBy.displayName })}
    </Text>
  );
}

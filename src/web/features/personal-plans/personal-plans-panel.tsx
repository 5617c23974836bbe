import { Alert, Badge, Card, Group, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonalPlanKind } from "../../../core/personal-plans/personal-plan.schema";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { LoadError } from "../admin/page-states";
import { usePersonalPlan } from "./api/get-personal-plan";
import { useMarkPlanSeen } from "./api/mark-plan-seen";
import type { PlanScope } from "./api/plan-scope";
import { useSavePersonalPlan } from "./api/save-personal-plan";
import { PlanEditor } from "./plan-editor";
import { PlanHistory } from "./plan-history";
import { PlanReading } from "./plan-reading";
import { formatWhen } from "./plan-words";

/**
 * The chart's "Recovery and safety plans" (Plan tab): the participant's own plans, read with
 * clinical.view and edited with clinical.write, what the participant changed since staff last looked,
 * and the history. The server also checks the care team.
 */
export function PersonalPlansPanel({ participantId }: { participantId: string }) {
  const { t } = useTranslation("personalPlans");
  const permissions = useMyPermissions();
  const granted = permissions.data ?? [];
  if (permissions.isPending) return <Skeleton h={120} />;
  if (!granted.includes("clinical.view")) return null;
  const canWrite = granted.includes("clinical.write");
  const scope: PlanScope = { kind: "chart", participantId };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="personal-plans-title" mt="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id="personal-plans-title">
          {t("staff.title")}
        </Title>
        <Text c="dimmed">{t("staff.intro")}</Text>
        <Tabs defaultValue="safety" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="safety">{t("staff.safety")}</Tabs.Tab>
            <Tabs.Tab value="recovery">{t("staff.recovery")}</Tabs.Tab>
          </Tabs.List>
          {(["safety", "recovery"] as const).map((kind) => (
            <Tabs.Panel key={kind} value={kind} pt="md">
              <StaffPlan scope={scope} kind={kind} canWrite={canWrite} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Card>
  );
}

function StaffPlan({
  scope,
  kind,
  canWrite,
}: {
  scope: PlanScope;
  kind: PersonalPlanKind;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation("personalPlans");
  const plan = usePersonalPlan(scope, kind);
  const save = useSavePersonalPlan(scope, kind);
  const markSeen = useMarkPlanSeen(scope, kind);
  const [changed, setChanged] = useState<string[]>([]);
  const seenVersion = useRef<number | null>(null);

  // What the participant changed: shown while this chart is open, and marked seen for the care team.
  useEffect(() => {
    const data = plan.data;
    if (!data || data.changedSinceSeen.length === 0 || seenVersion.current === data.version) return;
    seenVersion.current = data.version;
    setChanged(data.changedSinceSeen);
    markSeen.mutate(data.version);
  }, [plan.data, markSeen]);

  if (plan.isPending) return <Skeleton h={160} />;
  if (plan.isError)
    return <LoadError error={plan.error} onRetry={() => void plan.refetch()} title={t("staff.loadError")} />;
  const data = plan.data;
  return (
    <Stack gap="md">
      {changed.length > 0 && (
        <Group gap="xs">
          <Badge
            color="orange"
            variant="light"
            size="lg"
            style={{ textTransform: "none", height: "auto", whiteSpace: "normal" }}
          >
            {t("staff.changedByParticipant", {
              sections: changed.map((s) => t(`sections.${kind}.${s}`)).join(", "),
            })}
          </Badge>
        </Group>
      )}
      <Text c="dimmed">
        {data.updatedAt && data.updatedBy
          ? t("staff.updated", {
              date: formatWhen(data.updatedAt, i18n.language),
              name: data.updatedBy.displayName,
            })
          : t("staff.neverSaved")}
      </Text>
      {canWrite ? (
        <PlanEditor
          kind={kind}
          plan={data}
          audience="staff"
          headingLevel={3}
          onSave={(input) => save.mutateAsync(input)}
        />
      ) : (
        <>
          <Alert color="gray" variant="light">
            {t("staff.readOnly")}
          </Alert>
          <PlanReading kind={kind} content={data.content} headingLevel={3} />
        </>
      )}
      <PlanHistory scope={scope} kind={kind} headingLevel={3} />
    </Stack>
  );
}

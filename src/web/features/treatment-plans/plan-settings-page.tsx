import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  DEFAULT_PLAN_SETTINGS,
  GROUP_SCHEDULING_RULES,
  type GroupSchedulingRule,
  type PlanSettings,
  planSettingsSchema,
} from "../../../core/treatment-plans/plan-settings.schema";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { usePlanSettings, useUpdatePlanSettings } from "./api/plan-settings";

/** The settings counted in days, in the order the form shows them, grouped by what they govern. */
const REVIEW_FIELDS = ["reviewCycleDays", "dueSoonDays", "earlyReviewDays"] as const;
const FIRST_PLAN_FIELDS = ["firstPlanDays"] as const;
type DayField = (typeof REVIEW_FIELDS)[number] | (typeof FIRST_PLAN_FIELDS)[number];

/** Each field's range, read from the settings schema (the form shows it; the schema decides). */
function rangeOf(field: DayField): { min: number; max: number } {
  const schema = planSettingsSchema.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 365 };
}

type Draft = Record<DayField, number | string> & { groupSchedulingBeforeSignedPlan: GroupSchedulingRule };
type Errors = Partial<Record<keyof PlanSettings, string>>;

const toDraft = (settings: PlanSettings): Draft => ({ ...settings });

/**
 * The program's treatment-plan settings at Administration → Treatment-plan settings: the review cycle,
 * the due-soon and early-review windows, when the first plan is expected, and whether group placement
 * waits for a signed plan. Administrators change them; clinicians may read them.
 */
export function PlanSettingsPage() {
  const { t } = useTranslation("treatmentPlansAdmin");
  usePageTitle(t("settings.title"));
  const settings = usePlanSettings();
  const permissions = useMyPermissions();
  const canEdit = permissions.data?.includes("settings.manage") ?? false;
  // The form waits for the permissions, so an administrator never sees it read-only first.
  const ready = settings.data && !permissions.isPending ? settings.data : undefined;

  return (
    <Stack maw={860}>
      <PageHeader title={t("settings.title")} />
      <Text>{t("settings.intro")}</Text>
      {(settings.isPending || permissions.isPending) && <TableSkeleton rows={5} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {ready && !canEdit && (
        <Alert color="gray" variant="light">
          {t("settings.readOnly")}
        </Alert>
      )}
      {ready && <SettingsForm settings={ready} canEdit={canEdit} />}
    </Stack>
  );
}

function SettingsForm({ settings, canEdit }: { settings: PlanSettings; canEdit: boolean }) {
  const { t } = useTranslation("treatmentPlansAdmin");
  const save = useUpdatePlanSettings();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const reviewsHeading = useId();
  const firstPlanHeading = useId();
  const groupsHeading = useId();

  useEffect(() => {
    setDraft(toDraft(settings));
  }, [settings]);

  const reset = (to: PlanSettings) => {
    setDraft(toDraft(to));
    setErrors({});
    setFormError(null);
  };

  /** The draft as settings, or the message for each field that does not fit. */
  const check = (): { settings: PlanSettings } | { errors: Errors } => {
    const found: Errors = {};
    for (const field of [...REVIEW_FIELDS, ...FIRST_PLAN_FIELDS]) {
      const value = draft[field];
      const { min, max } = rangeOf(field);
      if (typeof value !== "number" || value < min || value > max) {
        found[field] = t("settings.errors.range", { min, max });
      } else if (!Number.isInteger(value)) found[field] = t("settings.errors.wholeDays");
    }
    if (
      !found.dueSoonDays &&
      !found.reviewCycleDays &&
      Number(draft.dueSoonDays) >= Number(draft.reviewCycleDays)
    ) {
      found.dueSoonDays = t("settings.errors.dueSoonWithinCycle");
    }
    if (Object.keys(found).length > 0) return { errors: found };
    return { settings: planSettingsSchema.parse(draft) };
  };

  const submit = () => {
    setFormError(null);
    const result = check();
    if ("errors" in result) {
      setErrors(result.errors);
      setFormError(t("settings.errors.fixBelow"));
      return;
    }
    setErrors({});
    save.mutate(result.settings, {
      onSuccess: () => notifications.show({ color: "green", message: t("settings.saved") }),
      onError: (error) => {
        const fields = error instanceof ApiError ? error.fields : [];
        if (fields.length > 0) {
          setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
          setFormError(t("settings.errors.fixBelow"));
        } else setFormError(t("settings.errors.failed"));
      },
    });
  };

  const dayInput = (field: DayField) => {
    const { min, max } = rangeOf(field);
    return (
      <NumberInput
        key={field}
        label={t(`settings.fields.${field}`)}
        description={t(`settings.descriptions.${field}`)}
        rightSection={
          <Text size="sm" c="dimmed" pr="xs">
            {t("settings.days")}
          </Text>
        }
        rightSectionWidth={56}
        min={min}
        max={max}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        disabled={!canEdit}
        value={draft[field]}
        onChange={(value) => setDraft((d) => ({ ...d, [field]: value }))}
        error={errors[field]}
      />
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby={reviewsHeading}>
          <Stack>
            <Title order={2} size="h3" id={reviewsHeading}>
              {t("settings.reviewsTitle")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>{REVIEW_FIELDS.map(dayInput)}</SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby={firstPlanHeading}>
          <Stack>
            <Title order={2} size="h3" id={firstPlanHeading}>
              {t("settings.firstPlanTitle")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>{FIRST_PLAN_FIELDS.map(dayInput)}</SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby={groupsHeading}>
          <Radio.Group
            label={
              <Title order={2} size="h3" id={groupsHeading} component="span">
                {t("settings.groupsTitle")}
              </Title>
            }
            value={draft.groupSchedulingBeforeSignedPlan}
            onChange={(value) =>
              setDraft((d) => ({ ...d, groupSchedulingBeforeSignedPlan: value as GroupSchedulingRule }))
            }
            error={errors.groupSchedulingBeforeSignedPlan}
          >
            <Stack gap="xs" mt="sm">
              {GROUP_SCHEDULING_RULES.map((rule) => (
                <Radio key={rule} value={rule} label={t(`settings.rules.${rule}`)} disabled={!canEdit} />
              ))}
            </Stack>
          </Radio.Group>
        </Card>
        {canEdit && (
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => reset(DEFAULT_PLAN_SETTINGS)}>
              {t("settings.useDefaults")}
            </Button>
            <Group>
              <Button variant="default" onClick={() => reset(settings)}>
                {t("settings.discard")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("settings.save")}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}

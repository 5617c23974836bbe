import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AsamEdition,
  checkSuggestionRule,
  DEFAULT_SUGGESTION_RULES,
  LEVELS_OF_CARE,
} from "../../../core/admissions/level-of-care";
import { ApiError } from "../../app/api-client";
import { type LevelRule, useUpdateLevelRule } from "../intake/api/update-level-rule";
import { dimensionName, levelLabel } from "../participants/level-label";
import { requestErrorKey, useFieldErrorText } from "./form-errors";

interface RuleValues {
  /** The suggested level for a highest rating of 0, 1, 2, 3 and 4. */
  byHighestRating: string[];
  /** Dimensions 1–6 that count, as checkbox values. */
  countedDimensions: string[];
}

const RATINGS = [0, 1, 2, 3, 4] as const;
const DIMENSIONS = [1, 2, 3, 4, 5, 6] as const;

const toValues = (rule: {
  byHighestRating: readonly string[];
  countedDimensions: readonly number[];
}): RuleValues => ({
  byHighestRating: [...rule.byHighestRating],
  countedDimensions: rule.countedDimensions.map(String),
});

export const toLevelRule = (edition: AsamEdition, values: RuleValues): LevelRule => ({
  edition,
  byHighestRating: values.byHighestRating as LevelRule["byHighestRating"],
  countedDimensions: values.countedDimensions.map(Number).sort((a, b) => a - b),
});

/** The same check the server makes, each problem as a dictionary key on its field. */
export function validateLevelRule(edition: AsamEdition, values: RuleValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of checkSuggestionRule(toLevelRule(edition, values))) {
    errors[problem.path] ??=
      problem.path === "countedDimensions"
        ? "admissionSettings.errors.dimensionsRequired"
        : "admissionSettings.errors.ruleLevel";
  }
  return errors;
}

/** One edition's suggestion rule: a level for each highest rating, and the dimensions that count. */
export function LevelRuleForm({
  rule,
  isDefault,
  canEdit,
}: {
  rule: LevelRule;
  isDefault: boolean;
  canEdit: boolean;
}) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const headingId = useId();
  const save = useUpdateLevelRule();
  const [formError, setFormError] = useState<string | null>(null);
  const edition = rule.edition;
  const form = useForm<RuleValues>({
    mode: "controlled",
    initialValues: toValues(rule),
    validate: (values) => validateLevelRule(edition, values),
  });
  const editionName = t(`admissionSettings.editions.edition${edition}`);
  const levels = LEVELS_OF_CARE[edition].map((l) => ({
    value: l.code,
    label: levelLabel(l.code, t, edition),
  }));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(toLevelRule(edition, values), {
      onSuccess: (saved) => {
        const mine = saved.rules.find((r) => r.edition === edition);
        if (mine) {
          form.setInitialValues(toValues(mine));
          form.setValues(toValues(mine));
          form.resetDirty(toValues(mine));
        }
        notifications.show({
          color: "green",
          message: t("admissionSettings.rules.saved", { edition: editionName }),
        });
      },
      onError: (error) => {
        const placed =
          error instanceof ApiError
            ? error.fields.filter(
                (f) => f.path.startsWith("byHighestRating.") || f.path === "countedDimensions",
              )
            : [];
        for (const f of placed) form.setFieldError(f.path, f.message);
        if (placed.length === 0) setFormError(requestErrorKey(error));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {editionName}
          </Title>
          {isDefault && (
            <Badge variant="light" color="gray">
              {t("admissionSettings.rules.startingRule")}
            </Badge>
          )}
        </Group>
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {t(formError)}
          </Alert>
        )}
        <Fieldset legend={t("admissionSettings.rules.byRating")} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {RATINGS.map((rating) => (
              <NativeSelect
                key={rating}
                label={t("admissionSettings.rules.rating", { rating })}
                data={levels}
                disabled={!canEdit}
                {...form.getInputProps(`byHighestRating.${rating}`)}
                error={errorText(form.errors[`byHighestRating.${rating}`])}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Checkbox.Group
          label={t("admissionSettings.rules.counted")}
          description={t("admissionSettings.rules.countedHelp")}
          {...form.getInputProps("countedDimensions")}
          error={errorText(form.errors.countedDimensions)}
        >
          <Stack gap="xs" mt="xs">
            {DIMENSIONS.map((n) => (
              <Checkbox
                key={n}
                value={String(n)}
                label={t("admissionSettings.rules.dimension", { n, name: dimensionName(edition, n - 1, t) })}
                disabled={!canEdit}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {canEdit && (
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => form.setValues(toValues(DEFAULT_SUGGESTION_RULES[edition]))}
            >
              {t("admissionSettings.rules.useStartingRule")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("admissionSettings.rules.save", { edition: editionName })}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

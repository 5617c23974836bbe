import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LeadDetail } from "../../../core/admissions/leads.schema";
import {
  type AsamEdition,
  LEVEL_DIFFERENCE_REASONS,
  LEVELS_OF_CARE,
  type LevelSuggestionRule,
  suggestLevelOfCare,
} from "../../../core/admissions/level-of-care";
import {
  checkScreening,
  ELIGIBILITY_ITEMS,
  type ScreeningInput,
  screeningInputSchema,
} from "../../../core/admissions/screening.schema";
import { withFieldsetFocus } from "../admissions/choice-fieldset";
import { focusFirstError, showServerFieldErrors } from "../identity/form-errors";
import { dimensionName, levelLabel, levelName } from "../participants/level-label";
import { useLevelRules } from "./api/get-level-rules";
import { useRecordScreening } from "./api/record-screening";
import { useIntakeErrorText, useRequestErrorText } from "./intake-errors";

const RATINGS = ["0", "1", "2", "3", "4"] as const;
const DIMENSIONS = [0, 1, 2, 3, 4, 5] as const;

export interface ScreeningValues {
  edition: string;
  eligibility: Record<string, string>;
  ratings: string[];
  justifications: string[];
  recommendedLevel: string;
  providedLevel: string;
  differenceReason: string;
  differenceNote: string;
}

/** Every field path in the order shown, for focusing the first problem and placing the server's. */
const SCREENING_FIELDS = [
  "edition",
  ...ELIGIBILITY_ITEMS.map((item) => `eligibility.${item}`),
  ...DIMENSIONS.flatMap((i) => [`ratings.${i}`, `justifications.${i}`]),
  "recommendedLevel",
  "providedLevel",
  "differenceReason",
  "differenceNote",
];

function initialValues(lead: LeadDetail): ScreeningValues {
  const previous = lead.screening;
  return {
    edition: String(previous?.edition ?? 4),
    eligibility: Object.fromEntries(
      ELIGIBILITY_ITEMS.map((item) => {
        const answer = previous?.eligibility[item];
        return [item, answer === undefined ? "" : answer ? "yes" : "no"];
      }),
    ),
    ratings: DIMENSIONS.map((i) => (previous ? String(previous.ratings[i] ?? "") : "")),
    justifications: DIMENSIONS.map((i) => previous?.justifications[i] ?? ""),
    recommendedLevel: previous?.recommendedLevel ?? "",
    providedLevel: previous?.providedLevel ?? "",
    differenceReason: previous?.differenceReason ?? "",
    differenceNote: previous?.differenceNote ?? "",
  };
}

export function toScreeningInput(values: ScreeningValues): ScreeningInput {
  return {
    edition: Number(values.edition) as AsamEdition,
    eligibility: Object.fromEntries(
      ELIGIBILITY_ITEMS.map((item) => [item, values.eligibility[item] === "yes"]),
    ) as ScreeningInput["eligibility"],
    ratings: values.ratings.map(Number),
    justifications: values.justifications.map((j) => j.trim()),
    recommendedLevel: values.recommendedLevel,
    providedLevel: values.providedLevel,
    differenceReason:
      values.recommendedLevel !== values.providedLevel && values.differenceReason
        ? (values.differenceReason as ScreeningInput["differenceReason"])
        : null,
    differenceNote: values.recommendedLevel !== values.providedLevel ? values.differenceNote.trim() : "",
  };
}

/** The server's schema and its cross-field check, as dictionary keys by field path. */
export function validateScreening(values: ScreeningValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of ELIGIBILITY_ITEMS)
    if (values.eligibility[item] === "") errors[`eligibility.${item}`] = "errors.eligibilityRequired";
  values.ratings.forEach((r, i) => {
    if (r === "") errors[`ratings.${i}`] = "errors.ratingRequired";
  });
  values.justifications.forEach((j, i) => {
    if (j.length > 2000) errors[`justifications.${i}`] = "errors.tooLong";
  });
  if (!values.recommendedLevel) errors.recommendedLevel = "errors.levelRequired";
  if (!values.providedLevel) errors.providedLevel = "errors.levelRequired";
  if (Object.keys(errors).length > 0) return errors;
  const input = toScreeningInput(values);
  const parsed = screeningInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= "errors.invalid";
    return errors;
  }
  const KEYS: Record<string, string> = {
    recommendedLevel: "errors.levelRequired",
    providedLevel: "errors.levelRequired",
    differenceReason: "errors.differenceReasonRequired",
    differenceNote: "errors.differenceNoteRequired",
  };
  for (const problem of checkScreening(parsed.data)) {
    errors[problem.path] ??= problem.path.startsWith("justifications.")
      ? "errors.justificationRequired"
      : (KEYS[problem.path] ?? "errors.invalid");
  }
  return errors;
}

/** The program's rule applied to the ratings so far; says plainly that it is not a clinical decision. */
function Suggestion({ edition, ratings }: { edition: AsamEdition; ratings: string[] }) {
  const { t } = useTranslation("intake");
  const rules = useLevelRules();
  const rule = rules.data?.rules.find((r) => r.edition === edition) as LevelSuggestionRule | undefined;
  const complete = ratings.every((r) => r !== "");
  const suggestion = rule && complete ? suggestLevelOfCare(ratings.map(Number), rule) : null;
  const name = suggestion ? (levelName(suggestion.level, t, edition) ?? "") : "";
  return (
    <Alert
      variant="light"
      color="blue"
      icon={<IconInfoCircle aria-hidden />}
      title={t("screening.suggestionTitle")}
      aria-live="polite"
    >
      {rules.isPending ? (
        t("screening.suggestionLoading")
      ) : suggestion ? (
        <Stack gap={4}>
          <Text fw={700} size="sm">
            {t("screening.suggestion", { level: suggestion.level, name })}
          </Text>
          <Text size="sm">
            {t("screening.suggestionDrivenBy", {
              rating: suggestion.highestRating,
              dimensions: suggestion.drivenBy.join(", "),
            })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm">{t("screening.suggestionPending")}</Text>
      )}
      <Text size="sm" mt="xs">
        {t("screening.suggestionNote")}
      </Text>
    </Alert>
  );
}

/** Record a screening: eligibility, six dimension ratings with justifications, recommended and provided level. */
export function ScreeningForm({ lead, onDone }: { lead: LeadDetail; onDone?: () => void }) {
  const { t } = useTranslation("intake");
  const errorText = useIntakeErrorText();
  const requestErrorText = useRequestErrorText();
  const record = useRecordScreening();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<ScreeningValues>({
    mode: "controlled",
    name: `screening-${lead.id}`,
    initialValues: initialValues(lead),
    validate: validateScreening,
  });
  const focusable = withFieldsetFocus(form);
  const edition = Number(form.values.edition) as AsamEdition;
  const levels = LEVELS_OF_CARE[edition];
  const levelOptions = [
    { value: "", label: t("referral.choose") },
    ...levels.map((l) => ({ value: l.code, label: levelLabel(l.code, t, edition) })),
  ];
  const differ =
    form.values.recommendedLevel !== "" &&
    form.values.providedLevel !== "" &&
    form.values.recommendedLevel !== form.values.providedLevel;

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      record.mutate(
        { id: lead.id, ...toScreeningInput(values) },
        {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("screening.recorded") });
            onDone?.();
          },
          onError: (error) => {
            if (!showServerFieldErrors(focusable, error, SCREENING_FIELDS)) setFormError(error);
          },
        },
      );
    },
    (errors) => focusFirstError(focusable, SCREENING_FIELDS, errors),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("screening.title")}>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {requestErrorText(formError)}
          </Alert>
        ) : null}
        <NativeSelect
          label={t("screening.edition")}
          w={{ base: "100%", sm: 260 }}
          data={["4", "3"].map((e) => ({ value: e, label: t("screening.editionOption", { edition: e }) }))}
          {...form.getInputProps("edition")}
          onChange={(event) => {
            const next = event.currentTarget.value;
            form.setFieldValue("edition", next);
            const codes = LEVELS_OF_CARE[Number(next) as AsamEdition].map((l) => l.code);
            if (!codes.includes(form.values.recommendedLevel)) form.setFieldValue("recommendedLevel", "");
            if (!codes.includes(form.values.providedLevel)) form.setFieldValue("providedLevel", "");
          }}
        />
        <Fieldset legend={t("screening.eligibilityTitle")}>
          <Stack gap="sm">
            {ELIGIBILITY_ITEMS.map((item) => (
              <Radio.Group
                key={item}
                label={t(`eligibility.${item}`)}
                required
                {...form.getInputProps(`eligibility.${item}`)}
                error={errorText(form.errors[`eligibility.${item}`])}
              >
                <Group gap="md" mt={4}>
                  <Radio value="yes" label={t("common.yes")} />
                  <Radio value="no" label={t("common.no")} />
                </Group>
              </Radio.Group>
            ))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t("screening.dimensionsTitle")}>
          <Stack gap="lg">
            {DIMENSIONS.map((i) => {
              const high = Number(form.values.ratings[i]) >= 3 && form.values.ratings[i] !== "";
              return (
                <Stack key={i} gap={6}>
                  <Text fw={600} size="sm">
                    {t("screening.dimension", { n: i + 1, name: dimensionName(edition, i, t) })}
                  </Text>
                  <Radio.Group
                    label={t("screening.rating", { n: i + 1 })}
                    required
                    {...form.getInputProps(`ratings.${i}`)}
                    error={errorText(form.errors[`ratings.${i}`])}
                  >
                    <Group gap="md" mt={4}>
                      {RATINGS.map((r) => (
                        <Radio key={r} value={r} label={r} />
                      ))}
                    </Group>
                  </Radio.Group>
                  <Textarea
                    label={t("screening.justification", { n: i + 1 })}
                    description={t("screening.justificationRequiredHint")}
                    required={high}
                    rows={2}
                    {...form.getInputProps(`justifications.${i}`)}
                    error={errorText(form.errors[`justifications.${i}`])}
                  />
                </Stack>
              );
            })}
          </Stack>
        </Fieldset>
        <Suggestion edition={edition} ratings={form.values.ratings} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t("screening.recommendedLevel")}
            required
            data={levelOptions}
            {...form.getInputProps("recommendedLevel")}
            error={errorText(form.errors.recommendedLevel)}
          />
          <NativeSelect
            label={t("screening.providedLevel")}
            required
            data={levelOptions}
            {...form.getInputProps("providedLevel")}
            error={errorText(form.errors.providedLevel)}
          />
        </SimpleGrid>
        {differ && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t("screening.differenceReason")}
              required
              data={[
                { value: "", label: t("referral.choose") },
                ...LEVEL_DIFFERENCE_REASONS.map((r) => ({ value: r, label: t(`differenceReasons.${r}`) })),
              ]}
              {...form.getInputProps("differenceReason")}
              error={errorText(form.errors.differenceReason)}
            />
            {form.values.differenceReason === "other" && (
              <Textarea
                label={t("screening.differenceNote")}
                required
                rows={2}
                {...form.getInputProps("differenceNote")}
                error={errorText(form.errors.differenceNote)}
              />
            )}
          </SimpleGrid>
        )}
        <Group>
          {onDone && lead.screening && (
            <Button variant="default" onClick={onDone}>
              {t("screening.cancelAgain")}
            </Button>
          )}
          <Button type="submit" loading={record.isPending}>
            {t("screening.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

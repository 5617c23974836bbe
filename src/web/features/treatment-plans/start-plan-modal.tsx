import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { PlanLanguage } from "../../../core/treatment-plans/plan.schema";
import { ApiError } from "../../app/api-client";
import { usePlanSuggestions } from "./api/get-suggestions";
import { usePlanTemplates } from "./api/get-templates";
import { useStartPlan } from "./api/start-plan";
import { editorPath } from "./plan-paths";
import { useRequestErrorText } from "./sign-modal";

/** Today as YYYY-MM-DD on this device's calendar. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Start a participant's plan: its start date and language, the templates to start from (each with its
 * summary), and the problems the record suggests, ticked with the reason for each. The new draft opens
 * in the editor.
 */
export function StartPlanModal({
  participantId,
  preferredLanguage,
  onClose,
}: {
  participantId: string;
  preferredLanguage: PlanLanguage;
  onClose: () => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const navigate = useNavigate();
  const requestErrorText = useRequestErrorText();
  const [startsOn, setStartsOn] = useState(localToday());
  const [language, setLanguage] = useState<PlanLanguage>(preferredLanguage);
  const [templateKeys, setTemplateKeys] = useState<string[]>([]);
  const [suggestionKeys, setSuggestionKeys] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const templates = usePlanTemplates(language);
  const suggestions = usePlanSuggestions(participantId);
  const start = useStartPlan();

  // Every suggestion starts ticked: the clinician unticks what does not apply.
  useEffect(() => {
    if (suggestionKeys === null && suggestions.data)
      setSuggestionKeys(suggestions.data.suggestions.map((s) => s.key));
  }, [suggestions.data, suggestionKeys]);

  // A ticked suggestion brings its template's problem (with the record's sources): the same template is
  // not offered a second time.
  const coveredTemplates = new Set(
    (suggestions.data?.suggestions ?? [])
      .filter((s) => suggestionKeys?.includes(s.key))
      .map((s) => s.templateKey),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) return setErrors({ startsOn: t("start.chooseDate") });
    setErrors({});
    start.mutate(
      {
        participantId,
        input: {
          startsOn,
          language,
          templateKeys: templateKeys.filter((key) => !coveredTemplates.has(key)),
          suggestionKeys: suggestionKeys ?? [],
        },
      },
      {
        onSuccess: ({ plan }) => {
          notifications.show({ color: "green", message: t("start.started") });
          onClose();
          if (plan?.open) navigate(editorPath(participantId, plan.open.id));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0)
            setErrors(
              Object.fromEntries(error.fields.map((f) => [f.path.split(".")[0] ?? "form", f.message])),
            );
          else setErrors({ form: requestErrorText(error) });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("start.title")} size="lg">
      <form onSubmit={submit} noValidate aria-label={t("start.title")}>
        <Stack>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t("start.startsOn")}
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={errors.startsOn}
              required
              data-autofocus
            />
            <div>
              <Text size="sm" fw={500} id="start-language-label" mb={4}>
                {t("start.language")}
              </Text>
              <SegmentedControl
                aria-labelledby="start-language-label"
                value={language}
                onChange={(value) => setLanguage(value as PlanLanguage)}
                data={[
                  { value: "en", label: t("start.languages.en") },
                  { value: "es", label: t("start.languages.es") },
                ]}
              />
            </div>
          </Group>

          <Checkbox.Group
            label={t("start.suggestions")}
            description={t("start.suggestionsHint")}
            value={suggestionKeys ?? []}
            onChange={setSuggestionKeys}
          >
            {suggestions.isPending ? (
              <Loader size="sm" aria-label={t("states.loading")} />
            ) : suggestions.isError ? (
              <Alert color="red" role="alert" mt="xs">
                {t("start.suggestionsError")}
              </Alert>
            ) : suggestions.data.suggestions.length === 0 ? (
              <Text size="sm" c="dimmed" mt="xs">
                {t("start.noSuggestions")}
              </Text>
            ) : (
              <Stack gap="xs" mt="xs">
                {suggestions.data.suggestions.map((s) => (
                  <Checkbox
                    key={s.key}
                    value={s.key}
                    label={
                      templates.data?.templates.find((tpl) => tpl.key === s.templateKey)?.name ??
                      s.templateKey
                    }
                    description={s.reason}
                  />
                ))}
              </Stack>
            )}
          </Checkbox.Group>

          <Checkbox.Group
            label={t("start.templates")}
            description={t("start.templatesHint")}
            value={templateKeys}
            onChange={setTemplateKeys}
          >
            {templates.isPending ? (
              <Loader size="sm" aria-label={t("states.loading")} />
            ) : templates.isError ? (
              <Alert color="red" role="alert" mt="xs">
                {t("start.templatesError")}
              </Alert>
            ) : (
              <Stack gap="xs" mt="xs">
                {templates.data.templates.map((tpl) => {
                  const covered = coveredTemplates.has(tpl.key);
                  return (
                    <Checkbox
                      key={tpl.key}
                      value={tpl.key}
                      label={tpl.name}
                      description={covered ? t("start.coveredBySuggestion") : tpl.summary}
                      disabled={covered}
                    />
                  );
                })}
              </Stack>
            )}
          </Checkbox.Group>

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={start.isPending}>
              {t("start.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

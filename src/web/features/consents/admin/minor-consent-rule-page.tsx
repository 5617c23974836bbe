import {
  Alert,
  Button,
  Card,
  Checkbox,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type MinorConsentRule, minorConsentRuleSchema } from "../../../../core/consents/consent.schema";
import type { MinorConsentRuleView } from "../../../../core/consents/consent-api.schema";
import { ApiError } from "../../../app/api-client";
import { usePageTitle } from "../../../app/use-page-title";
import { useSites } from "../../admin/api/get-sites";
import { LoadError, PageHeader } from "../../admin/page-states";
import { useMinorConsentRule, useSaveMinorConsentRule } from "../api/minor-consent-rule";

/**
 * Administration → Minor consent rule: per site, the state rule that decides who signs a minor's
 * consent (42 CFR 2.14 defers to state law; no national default). Counsel fills it in; each save is a
 * new version, in force for consents drafted from then on.
 */
export function MinorConsentRulePage() {
  const { t } = useTranslation("consents");
  usePageTitle(t("rule.title"));
  const sites = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const chosen = siteId ?? sites.data?.sites[0]?.id ?? null;
  const rule = useMinorConsentRule(chosen);
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t("rule.title")} />
      <Alert color="blue">{t("rule.intro")}</Alert>
      {sites.isError ? (
        <LoadError error={sites.error} onRetry={() => void sites.refetch()} />
      ) : sites.data && sites.data.sites.length === 0 ? (
        <Text>{t("rule.noSites")}</Text>
      ) : (
        <Select
          label={t("rule.site")}
          data={(sites.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={chosen}
          allowDeselect={false}
          onChange={setSiteId}
        />
      )}
      {chosen && rule.isError && (
        <LoadError error={rule.error} onRetry={() => void rule.refetch()} title={t("rule.loadError")} />
      )}
      {chosen && rule.data && <RuleForm key={chosen} siteId={chosen} view={rule.data} />}
    </Stack>
  );
}

function RuleForm({ siteId, view }: { siteId: string; view: MinorConsentRuleView }) {
  const { t } = useTranslation("consents");
  const save = useSaveMinorConsentRule(siteId);
  const [draft, setDraft] = useState<{
    stateCode: string;
    ageOfMajority: number | string;
    minorMayConsentFrom: number | string;
    parentalConsentRequired: boolean;
    notes: string;
  }>({
    stateCode: view.rule?.stateCode ?? "",
    ageOfMajority: view.rule?.ageOfMajority ?? "",
    minorMayConsentFrom: view.rule?.minorMayConsentFrom ?? "",
    parentalConsentRequired: view.rule?.parentalConsentRequired ?? false,
    notes: view.rule?.notes ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverError = (path: string) =>
    save.error instanceof ApiError ? save.error.fields.find((f) => f.path === path)?.message : undefined;
  const errorOf = (path: string) => errors[path] ?? serverError(path);

  const submit = () => {
    const candidate = {
      stateCode: draft.stateCode.trim().toUpperCase(),
      ageOfMajority: draft.ageOfMajority === "" ? Number.NaN : Number(draft.ageOfMajority),
      minorMayConsentFrom: draft.minorMayConsentFrom === "" ? null : Number(draft.minorMayConsentFrom),
      parentalConsentRequired: draft.parentalConsentRequired,
      notes: draft.notes,
    };
    const parsed = minorConsentRuleSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [
            String(i.path[0]),
            i.code === "invalid_type" ? t("rule.mustBeWhole") : i.message,
          ]),
        ),
      );
      return;
    }
    setErrors({});
    save.mutate(parsed.data as MinorConsentRule);
  };

  return (
    <Card withBorder padding="md">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Text size="sm" c="dimmed">
          {view.rule
            ? t("rule.current", { date: view.rule.updatedAt.slice(0, 10), name: view.rule.updatedByName })
            : t("rule.none")}
        </Text>
        <TextInput
          label={t("rule.stateCode")}
          value={draft.stateCode}
          maxLength={2}
          w={160}
          error={errorOf("stateCode")}
          onChange={(e) => setDraft((d) => ({ ...d, stateCode: e.currentTarget.value }))}
        />
        <NumberInput
          label={t("rule.ageOfMajority")}
          value={draft.ageOfMajority}
          allowDecimal={false}
          w={200}
          error={errorOf("ageOfMajority")}
          onChange={(value) => setDraft((d) => ({ ...d, ageOfMajority: value }))}
        />
        <NumberInput
          label={t("rule.minorMayConsentFrom")}
          description={t("rule.minorMayConsentFromHelp")}
          value={draft.minorMayConsentFrom}
          allowDecimal={false}
          w={200}
          error={errorOf("minorMayConsentFrom")}
          onChange={(value) => setDraft((d) => ({ ...d, minorMayConsentFrom: value }))}
        />
        <Checkbox
          label={t("rule.parentalConsentRequired")}
          checked={draft.parentalConsentRequired}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setDraft((d) => ({ ...d, parentalConsentRequired: checked }));
          }}
        />
        <Textarea
          label={t("rule.notes")}
          value={draft.notes}
          maxLength={2000}
          autosize
          minRows={2}
          error={errorOf("notes")}
          onChange={(e) => setDraft((d) => ({ ...d, notes: e.currentTarget.value }))}
        />
        {save.isSuccess && <Alert color="teal">{t("rule.saved")}</Alert>}
        {save.isError && (
          <Alert color="red" role="alert">
            {t("rule.failed", { message: save.error.message })}
          </Alert>
        )}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t("rule.save")}
        </Button>
      </Stack>
    </Card>
  );
}

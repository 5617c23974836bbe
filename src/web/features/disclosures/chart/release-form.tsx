import { Alert, Button, Checkbox, List, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentProblem, InformationScope } from "../../../../core/consents/consent.schema";
import { ApiError } from "../../../app/api-client";
import { useReleaseOptions } from "../api/get-release-options";
import { useReleaseRecord } from "../api/release-record";

/**
 * Release the record under a signed consent: the consent, one of its recipients, and categories it
 * covers (only those are offered). The PDF downloads; a refused consent shows its problems in words.
 */
export function ReleaseForm({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation("disclosures");
  const options = useReleaseOptions(participantId, true);
  const release = useReleaseRecord(participantId);
  const [consentId, setConsentId] = useState<string | null>(null);
  const [recipientId, setRecipientId] = useState<string | null>(null);
  const [categories, setCategories] = useState<InformationScope[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const chosen = options.data?.options.find((o) => o.consentId === consentId);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!consentId) missing.consentId = t("release.chooseConsent");
    if (!recipientId) missing.recipientId = t("release.chooseRecipient");
    if (categories.length === 0) missing.information = t("release.chooseCategories");
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    release.mutate(
      { consentId: consentId!, recipientId: recipientId!, information: categories },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0) {
            setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
          }
        },
      },
    );
  };

  const problems =
    release.error instanceof ApiError && release.error.code === "DISCLOSURE_NOT_ALLOWED"
      ? ((release.error.detail.problems as ConsentProblem[] | undefined) ?? [])
      : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="release-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="release-title">
          {t("release.title")}
        </Title>
        <Text size="sm">{t("release.intro")}</Text>
        {options.isPending ? (
          <Skeleton h={60} aria-label={t("release.loading")} />
        ) : options.isError ? (
          <Alert color="red" role="alert">
            {t("release.error")}
          </Alert>
        ) : options.data.options.length === 0 ? (
          <Text c="dimmed">{t("release.none")}</Text>
        ) : (
          <>
            <Select
              label={t("release.consent")}
              required
              value={consentId}
              error={errors.consentId}
              data={options.data.options.map((o) => ({
                value: o.consentId,
                label: t("release.consentOption", {
                  kind: t(`release.kinds.${o.kind}`),
                  date: date.format(new Date(o.signedAt)),
                }),
              }))}
              onChange={(value) => {
                setConsentId(value);
                const next = options.data.options.find((o) => o.consentId === value);
                setRecipientId(next?.recipients.length === 1 ? next.recipients[0]!.id : null);
                setCategories((current) => current.filter((c) => next?.categories.includes(c)));
              }}
            />
            {chosen && (
              <>
                <Select
                  label={t("release.recipient")}
                  required
                  value={recipientId}
                  error={errors.recipientId}
                  data={chosen.recipients.map((r) => ({
                    value: r.id,
                    label: r.relationship ? `${r.name} (${r.relationship})` : r.name,
                  }))}
                  onChange={setRecipientId}
                />
                <Checkbox.Group
                  label={t("release.categories")}
                  description={t("release.categoriesHelp")}
                  required
                  value={categories}
                  error={errors.information}
                  onChange={(value) => setCategories(value as InformationScope[])}
                >
                  <Stack gap={6} mt={6}>
                    {chosen.categories.map((c) => (
                      <Checkbox key={c} value={c} label={t(`scopes.${c}`)} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              </>
            )}
            {problems && (
              <Alert color="red" role="alert" title={t("release.refusedTitle")}>
                <List size="sm">
                  {problems.map((p) => (
                    <List.Item key={p}>{t(`problems.${p}`)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {release.isError && !problems && (
              <Alert color="red" role="alert">
                {release.error instanceof ApiError ? release.error.message : t("release.failed")}
              </Alert>
            )}
            {release.isSuccess && (
              <Alert color="teal" role="status">
                {t("release.done")}
              </Alert>
            )}
            <Button type="submit" loading={release.isPending} w="fit-content">
              {t("release.submit")}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}

import { Alert, Button, Card, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AftercarePlan } from "../../../core/aftercare/aftercare-plan-api.schema";
import { ApiError } from "../../app/api-client";
import { formatDateTime } from "../admin/format";
import { MY_AFTERCARE } from "./api/aftercare-scope";
import { useSignAftercarePlan } from "./api/sign-aftercare-plan";

/**
 * The participant signs by typing their full name as on their record; once signed, a clear
 * confirmation (and whether the counselor has signed too) replaces the form.
 */
export function MyAftercareSign({ plan }: { plan: AftercarePlan }) {
  const { t, i18n } = useTranslation("aftercare");
  const sign = useSignAftercarePlan(MY_AFTERCARE);
  const [typedName, setTypedName] = useState("");
  const [error, setError] = useState<string | null>(null);

  if (plan.participantSignedAt) {
    return (
      <Alert role="status" color="green" icon={<IconCircleCheck aria-hidden />}>
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t("mySign.doneTitle")}
          </Title>
          <Text>{t("mySign.done", { date: formatDateTime(plan.participantSignedAt, i18n.language) })}</Text>
          <Text>{plan.status === "signed" ? t("mySign.allSigned") : t("mySign.waitingStaff")}</Text>
        </Stack>
      </Alert>
    );
  }
  const blocked = plan.gaps.blocking.length > 0 || plan.version === 0;
  const submit = async () => {
    if (typedName.trim() === "") {
      setError(t("mySign.nameRequired"));
      return;
    }
    setError(null);
    try {
      await sign.mutateAsync({ version: plan.version, typedName });
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.path === "typedName") : undefined;
      setError(field?.message ?? (e as Error).message);
    }
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-aftercare-sign">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="my-aftercare-sign">
            {t("mySign.title")}
          </Title>
          {blocked ? (
            <Text>{t("mySign.blocked")}</Text>
          ) : (
            <>
              <Text>{t("mySign.intro")}</Text>
              <TextInput
                size="md"
                label={t("mySign.typedName")}
                autoComplete="name"
                value={typedName}
                maxLength={200}
                error={error}
                onChange={(e) => setTypedName(e.currentTarget.value)}
              />
              <Button type="submit" size="lg" fullWidth loading={sign.isPending}>
                {t("mySign.button")}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}

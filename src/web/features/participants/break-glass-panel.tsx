import { Alert, Button, Card, List, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BREAK_GLASS_MINUTES, breakGlassInputSchema } from "../../../core/participants/participants.schema";
import {
  applyServerFieldErrors,
  requestErrorKey,
  schemaErrors,
  useFieldErrorText,
} from "../admin/form-errors";
import { useBreakGlass } from "./api/break-glass";

export function validateBreakGlass(values: { reason: string }) {
  return schemaErrors(breakGlassInputSchema, values, () =>
    values.reason.trim().length > 500 ? "errors.reasonTooLong" : "errors.reasonTooShort",
  );
}

/**
 * Shown when the record belongs to someone outside the staff member's care team at their site: explains
 * what opening it means, asks for a reason, and opens it (the page then reloads the record).
 */
export function BreakGlassPanel({ participantId }: { participantId: string }) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const breakGlass = useBreakGlass();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ mode: "controlled", initialValues: { reason: "" }, validate: validateBreakGlass });
  const submit = form.onSubmit(({ reason }) => {
    setFormError(null);
    breakGlass.mutate(
      { participantId, reason: reason.trim() },
      {
        onError: (error) => {
          if (!applyServerFieldErrors(error, ["reason"], form.setFieldError))
            setFormError(requestErrorKey(error));
        },
      },
    );
  });
  return (
    <Card withBorder padding="lg" maw={720} component="section" aria-labelledby="break-glass-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2" id="break-glass-title">
            {t("breakGlass.title")}
          </Title>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            <Text size="sm">{t("breakGlass.notOnTeam")}</Text>
            <List size="sm" mt="xs">
              <List.Item>{t("breakGlass.audited")}</List.Item>
              <List.Item>{t("breakGlass.timeLimited", { minutes: BREAK_GLASS_MINUTES })}</List.Item>
              <List.Item>{t("breakGlass.reported")}</List.Item>
            </List>
          </Alert>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {t(formError)}
            </Alert>
          )}
          <Textarea
            label={t("breakGlass.reason")}
            description={t("breakGlass.reasonHelp")}
            required
            rows={4}
            maxLength={500}
            {...form.getInputProps("reason")}
            error={errorText(form.errors.reason)}
          />
          <Button
            type="submit"
            color="orange"
            loading={breakGlass.isPending}
            style={{ alignSelf: "flex-start" }}
          >
            {t("breakGlass.submit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

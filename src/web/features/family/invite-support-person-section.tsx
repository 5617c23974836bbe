import { Alert, Button, Card, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { familyInvitationSchema } from "../../../core/identity/accounts.schema";
import { LOCALES, type Locale } from "../../../core/identity/identity.schema";
import { focusFirstError, showServerFieldErrors, useErrorText } from "../identity/form-errors";
import { useInviteSupportPerson } from "./api/invite-support-person";

type Values = { displayName: string; email: string; relationship: string; locale: Locale };
const FIELDS = ["displayName", "email", "relationship", "locale"] as const;

/** Field checks with the server's schema; messages are dictionary keys. */
export function validateSupportPerson(values: Values): Partial<Record<keyof Values, string>> {
  const shape = familyInvitationSchema.shape;
  const errors: Partial<Record<keyof Values, string>> = {};
  if (!shape.displayName.safeParse(values.displayName).success)
    errors.displayName = "supportPerson.nameRequired";
  if (!shape.email.safeParse(values.email).success) {
    errors.email = values.email.trim() ? "supportPerson.emailInvalid" : "supportPerson.emailRequired";
  }
  if (!shape.relationship.safeParse(values.relationship).success)
    errors.relationship = "supportPerson.relationshipRequired";
  return errors;
}

/**
 * A participant invites a family member or other support person. The account only lets that person
 * sign in: what they may see is decided by the participant's consent (nothing until then).
 */
export function InviteSupportPersonSection({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const invite = useInviteSupportPerson();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const form = useForm<Values>({
    mode: "controlled",
    name: "invite-support-person",
    initialValues: { displayName: "", email: "", relationship: "", locale: "en" },
    validate: validateSupportPerson,
  });
  const submit = form.onSubmit(
    (values) => {
      setSentTo(null);
      setFailed(false);
      invite.mutate(
        { kind: "family", participantId, ...values },
        {
          onSuccess: () => {
            setSentTo(values.email.trim());
            form.reset();
          },
          onError: (error) => {
            const placed = showServerFieldErrors(form, error, FIELDS, {
              known: { IDENTITY_EMAIL_TAKEN: "supportPerson.emailTaken" },
            });
            if (!placed) setFailed(true);
          },
        },
      );
    },
    (errors) => focusFirstError(form, FIELDS, errors),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="support-person-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="support-person-title">
            {t("supportPerson.title")}
          </Title>
          <Text>{t("supportPerson.intro")}</Text>
          <div aria-live="polite">
            {sentTo && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
                {t("supportPerson.sent", { email: sentTo })}
              </Alert>
            )}
            {failed && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {t("common.somethingWrong")}
              </Alert>
            )}
          </div>
          <TextInput
            label={t("supportPerson.name")}
            required
            autoComplete="off"
            {...form.getInputProps("displayName")}
            error={errorText(form.errors.displayName)}
          />
          <TextInput
            label={t("supportPerson.email")}
            type="email"
            required
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps("email")}
            error={errorText(form.errors.email)}
          />
          <TextInput
            label={t("supportPerson.relationship")}
            description={t("supportPerson.relationshipHelp")}
            required
            {...form.getInputProps("relationship")}
            error={errorText(form.errors.relationship)}
          />
          <NativeSelect
            label={t("supportPerson.language")}
            data={LOCALES.map((l) => ({
              value: l,
              label: t(l === "en" ? "common.english" : "common.spanish"),
            }))}
            {...form.getInputProps("locale")}
          />
          <Button type="submit" loading={invite.isPending} style={{ alignSelf: "flex-start" }}>
            {t("supportPerson.submit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

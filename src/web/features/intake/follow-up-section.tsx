import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type LeadDetail, leadUpdateInputSchema } from "../../../core/admissions/leads.schema";
import { schemaErrors } from "../admin/form-errors";
import { focusFirstError, showServerFieldErrors } from "../identity/form-errors";
import { useSiteStaff } from "../participants/api/get-site-staff";
import { useUpdateLead } from "./api/update-lead";
import { useIntakeErrorText, useRequestErrorText } from "./intake-errors";

interface FollowUpValues {
  ownerUserId: string;
  nextAction: string;
  nextActionDueOn: string;
}
const FOLLOW_UP_FIELDS = ["ownerUserId", "nextAction", "nextActionDueOn"] as const;

const toInput = (v: FollowUpValues) => ({
  ownerUserId: v.ownerUserId || null,
  nextAction: v.nextAction.trim() || null,
  nextActionDueOn: v.nextActionDueOn || null,
});

/** Who owns the lead, what happens next and by when. */
export function FollowUpSection({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation("intake");
  const errorText = useIntakeErrorText();
  const requestErrorText = useRequestErrorText();
  const staff = useSiteStaff(lead.site.id);
  const update = useUpdateLead();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<FollowUpValues>({
    mode: "controlled",
    name: `follow-up-${lead.id}`,
    initialValues: {
      ownerUserId: lead.owner?.id ?? "",
      nextAction: lead.nextAction ?? "",
      nextActionDueOn: lead.nextActionDueOn ?? "",
    },
    validate: (values) =>
      schemaErrors(leadUpdateInputSchema, toInput(values), (field) =>
        field === "nextActionDueOn"
          ? "errors.dateInvalid"
          : field === "nextAction"
            ? "errors.tooLong"
            : "errors.invalid",
      ),
  });
  const owners = staff.data?.staff ?? [];
  const ownerOptions =
    lead.owner && !owners.some((s) => s.id === lead.owner?.id) ? [lead.owner, ...owners] : owners;
  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      update.mutate(
        { id: lead.id, ...toInput(values) },
        {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("followUp.saved") });
            form.resetDirty();
          },
          onError: (error) => {
            if (!showServerFieldErrors(form, error, FOLLOW_UP_FIELDS)) setFormError(error);
          },
        },
      );
    },
    (errors) => focusFirstError(form, FOLLOW_UP_FIELDS, errors),
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="follow-up-title">
      <Title order={2} size="h3" id="follow-up-title">
        {t("followUp.title")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError ? (
            <Alert color="red" variant="light" role="alert">
              {requestErrorText(formError)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t("followUp.owner")}
              data={[
                { value: "", label: t("followUp.noOwner") },
                ...ownerOptions.map((s) => ({ value: s.id, label: s.displayName })),
              ]}
              {...form.getInputProps("ownerUserId")}
              error={errorText(form.errors.ownerUserId)}
            />
            <TextInput
              label={t("followUp.nextAction")}
              placeholder={t("followUp.nextActionPlaceholder")}
              {...form.getInputProps("nextAction")}
              error={errorText(form.errors.nextAction)}
            />
            <TextInput
              type="date"
              label={t("followUp.dueOn")}
              {...form.getInputProps("nextActionDueOn")}
              error={errorText(form.errors.nextActionDueOn)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" variant="default" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

import { Alert, Button, Checkbox, Group, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { findRequestProblems } from "../../../../core/privacy/restriction.rules";
import {
  RESTRICTABLE_SCOPES,
  RESTRICTION_KINDS,
  type RestrictionKind,
  type RestrictionRequestInput,
  restrictionRequestInputSchema,
} from "../../../../core/privacy/restriction.schema";
import { ApiError } from "../../../app/api-client";

type Field = "informationScope" | "recipientText" | "description";
type Errors = Partial<Record<Field, string>>;

const EMPTY: RestrictionRequestInput = {
  kind: "category",
  informationScope: [],
  recipientText: "",
  description: "",
};

/** The message for a field, in the reader's language (the rule's field names the problem). */
function messageFor(field: Field, kind: RestrictionKind, t: (key: string) => string): string {
  if (field === "recipientText")
    return t(
      kind === "health_plan_self_paid"
        ? "restrictions.errors.healthPlan"
        : "restrictions.errors.recipientText",
    );
  return t(`restrictions.errors.${field}`);
}

/**
 * "Ask us not to share…": what it is about (categories in plain words), whom it concerns, why. The
 * same rules as the server name what is missing before sending; nothing typed is lost on an error.
 */
export function RestrictionForm({
  onSubmit,
  onCancel,
  pending,
}: {
  onSubmit: (input: RestrictionRequestInput) => Promise<unknown>;
  onCancel: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation("privacy");
  const [values, setValues] = useState<RestrictionRequestInput>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const selfPaid = values.kind === "health_plan_self_paid";

  const set = <K extends keyof RestrictionRequestInput>(key: K, value: RestrictionRequestInput[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = () => {
    setFailed(null);
    const parsed = restrictionRequestInputSchema.safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] = t("restrictions.errors.tooLong");
      }
      setErrors(next);
      return;
    }
    const problems = findRequestProblems(parsed.data);
    if (problems.length > 0) {
      const next: Errors = {};
      for (const p of problems) next[p.field] = messageFor(p.field, parsed.data.kind, t);
      setErrors(next);
      return;
    }
    onSubmit(parsed.data).catch((error: unknown) => {
      if (error instanceof ApiError && error.fields.length > 0) {
        const next: Errors = {};
        for (const f of error.fields) next[f.path as Field] = f.message;
        setErrors(next);
      } else {
        setFailed(t("restrictions.failed"));
      }
    });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Radio.Group
          label={t("restrictions.kind")}
          value={values.kind}
          onChange={(value) => set("kind", value as RestrictionKind)}
        >
          <Stack gap="xs" mt="xs">
            {RESTRICTION_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`kinds.${kind}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {values.kind !== "category" && (
          <TextInput
            label={t(selfPaid ? "restrictions.healthPlan" : "restrictions.recipient")}
            description={selfPaid ? undefined : t("restrictions.recipientHint")}
            required
            maxLength={200}
            value={values.recipientText}
            error={errors.recipientText}
            onChange={(event) => set("recipientText", event.currentTarget.value)}
          />
        )}
        <Checkbox.Group
          label={t(selfPaid ? "restrictions.scopesOptional" : "restrictions.scopes")}
          required={!selfPaid}
          value={values.informationScope}
          error={errors.informationScope}
          onChange={(value) => set("informationScope", value as RestrictionRequestInput["informationScope"])}
        >
          <Stack gap="xs" mt="xs">
            {RESTRICTABLE_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={t(`scopes.${scope}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label={t(selfPaid ? "restrictions.services" : "restrictions.description")}
          required={selfPaid}
          autosize
          minRows={2}
          maxLength={1000}
          value={values.description}
          error={errors.description}
          onChange={(event) => set("description", event.currentTarget.value)}
        />
        {failed && (
          <Alert color="red" role="alert">
            {failed}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={pending}>
            {t("restrictions.send")}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t("restrictions.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Checkbox, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InformationScope } from "../../../../core/consents/consent.schema";
import { EXCEPTION_KINDS, type ExceptionKind } from "../../../../core/disclosures/disclosure.schema";
import { disclosureExceptionInputSchema } from "../../../../core/disclosures/disclosure-api.schema";
import { RELEASE_CATEGORIES } from "../../../../core/disclosures/release.rules";
import { ApiError } from "../../../app/api-client";
import { useFileDisclosureException } from "../api/file-disclosure-exception";

type FieldType = "text" | "textarea" | "datetime" | "date" | "optionalDate" | "check" | "section";

/** The record each kind's section asks for, field by field (the schema validates the same fields). */
const KIND_FIELDS: Record<ExceptionKind, readonly (readonly [string, FieldType])[]> = {
  medical_emergency: [
    ["recipientName", "text"],
    ["recipientFacility", "text"],
    ["disclosedByName", "text"],
    ["disclosedAt", "datetime"],
    ["natureOfEmergency", "textarea"],
    ["askedNotToRedisclose", "check"],
  ],
  audit_evaluation: [
    ["auditorName", "text"],
    ["organisation", "text"],
    ["onBehalfOf", "text"],
    ["writtenAgreementOnFile", "check"],
    ["scope", "textarea"],
    ["copiedOrRemoved", "check"],
    ["returnOrDestroyBy", "optionalDate"],
  ],
  qsoa: [
    ["organisation", "text"],
    ["services", "textarea"],
    ["acknowledgesPart2", "check"],
    ["willResistInCourt", "check"],
    ["agreementSignedOn", "date"],
    ["agreementEndsOn", "optionalDate"],
  ],
  child_abuse_report: [
    ["agency", "text"],
    ["reporterName", "text"],
    ["reportedAt", "datetime"],
    ["whatWasReported", "textarea"],
  ],
  court_order: [
    ["court", "text"],
    ["caseNumber", "text"],
    ["section", "section"],
    ["orderAttached", "check"],
    ["subpoenaAttached", "check"],
    ["receivedOn", "date"],
    ["counselReviewed", "check"],
    ["patientNotified", "check"],
    ["limits", "textarea"],
  ],
};

type Values = Record<string, string | boolean>;

/** The form's values as the API body: trimmed text, instants with their offset, empty optional dates as null. */
function detailsOf(kind: ExceptionKind, values: Values): Record<string, unknown> {
  const details: Record<string, unknown> = { kind };
  for (const [name, type] of KIND_FIELDS[kind]) {
    const value = values[name];
    if (type === "check") details[name] = value === true;
    else if (type === "optionalDate") details[name] = value ? value : null;
    else if (type === "datetime") {
      const at = typeof value === "string" && value ? new Date(value) : null;
      if (at && !Number.isNaN(at.getTime())) details[name] = at.toISOString();
    } else if (typeof value === "string" && value.trim() !== "") details[name] = value;
  }
  return details;
}

/**
 * File a disclosure without consent: choose the kind (its explanation of when the route applies
 * shows), fill in the record its section asks for, and the information released. Every field is
 * labelled; what the schema refuses is named on its field, and nothing typed is lost.
 */
export function ExceptionForm({
  participantId,
  onFiled,
}: {
  participantId: string;
  onFiled: (id: string) => void;
}) {
  const { t } = useTranslation("disclosures");
  const file = useFileDisclosureException(participantId);
  const [kind, setKind] = useState<ExceptionKind>("medical_emergency");
  const [values, setValues] = useState<Values>({});
  const [information, setInformation] = useState<InformationScope[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = { details: detailsOf(kind, values), information };
    const parsed = disclosureExceptionInputSchema.safeParse(body);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        found[path] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    file.mutate(parsed.data, {
      onSuccess: (filed) => {
        setValues({});
        setInformation([]);
        onFiled(filed.id);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length > 0) {
          setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
        }
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="exception-form-title">
      <Stack gap="sm">
        <Text fw={700} id="exception-form-title">
          {t("exceptions.newRequest")}
        </Text>
        <Select
          label={t("exceptions.kind")}
          required
          allowDeselect={false}
          value={kind}
          data={EXCEPTION_KINDS.map((k) => ({ value: k, label: t(`exceptions.kinds.${k}`) }))}
          onChange={(value) => {
            if (value) setKind(value as ExceptionKind);
            setErrors({});
          }}
        />
        <Alert color="blue" variant="light">
          {t(`exceptions.when.${kind}`)}
        </Alert>
        {KIND_FIELDS[kind].map(([name, type]) => {
          const label = t(`exceptions.fields.${name}` as "exceptions.fields.court");
          const error = errors[`details.${name}`];
          const text = typeof values[name] === "string" ? (values[name] as string) : "";
          switch (type) {
            case "check":
              return (
                <Checkbox
                  key={`${kind}-${name}`}
                  label={label}
                  checked={values[name] === true}
                  error={error}
                  onChange={(e) => set(name, e.currentTarget.checked)}
                />
              );
            case "textarea":
              return (
                <Textarea
                  key={`${kind}-${name}`}
                  label={label}
                  required
                  autosize
                  minRows={2}
                  value={text}
                  error={error}
                  onChange={(e) => set(name, e.currentTarget.value)}
                />
              );
            case "section":
              return (
                <Select
                  key={`${kind}-${name}`}
                  label={label}
                  required
                  value={text || null}
                  error={error}
                  data={(["2.64", "2.65", "2.66", "2.67"] as const).map((s) => ({
                    value: s,
                    label: t(`exceptions.sections.${s}`),
                  }))}
                  onChange={(value) => set(name, value ?? "")}
                />
              );
            default:
              return (
                <TextInput
                  key={`${kind}-${name}`}
                  label={label}
                  required={type !== "optionalDate"}
                  type={type === "datetime" ? "datetime-local" : type === "text" ? "text" : "date"}
                  value={text}
                  error={error}
                  onChange={(e) => set(name, e.currentTarget.value)}
                />
              );
          }
        })}
        <Checkbox.Group
          label={t("exceptions.fields.information")}
          required
          value={information}
          error={errors.information}
          onChange={(value) => setInformation(value as InformationScope[])}
        >
          <Stack gap={6} mt={6}>
            {RELEASE_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`scopes.${c}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {file.isError && (
          <Alert color="red" role="alert">
            {file.error instanceof ApiError && file.error.fields.length === 0
              ? file.error.message
              : t("exceptions.failed")}
          </Alert>
        )}
        <Button type="submit" loading={file.isPending} w="fit-content">
          {t("exceptions.submit")}
        </Button>
      </Stack>
    </form>
  );
}

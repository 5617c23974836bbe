import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  NativeSelect,
  Radio,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FAMILY_SCOPES, type FamilyScope } from "../../../core/consents/consent.schema";
import { renderConsentDocument } from "../../../core/consents/consent-document";
import { LOCALES, type Locale } from "../../../core/identity/identity.schema";
import { buildFamilyConsentDraft, DEFAULT_SHARE_SCOPES } from "../../../core/sharing/sharing.rules";
import {
  type SafetyAnswer,
  type ShareResult,
  type ShareUntilKind,
  shareDraftSchema,
} from "../../../core/sharing/sharing.schema";
import { ApiError } from "../../app/api-client";

export interface ShareValues {
  name: string;
  relationship: string;
  email: string;
  locale: Locale;
  scopes: FamilyScope[];
  untilKind: ShareUntilKind;
  untilOn: string;
  safety: SafetyAnswer | "";
}

const STEPS = ["who", "what", "until", "safety", "sign"] as const;
type Step = (typeof STEPS)[number];
const STEP_OF_FIELD: Record<string, Step> = {
  name: "who",
  relationship: "who",
  email: "who",
  scopes: "what",
  untilKind: "until",
  untilOn: "until",
  safety: "safety",
};
const ERROR_WORDS: Record<string, string> = {
  FAMILY_RECIPIENT_BLOCKED: "errors.blocked",
  FAMILY_ALREADY_SHARING: "errors.alreadySharing",
  FAMILY_SAFETY_CONCERN: "errors.safetyConcern",
  IDENTITY_EMAIL_TAKEN: "errors.emailTaken",
};

/**
 * "Share with someone", one step at a time: who, what they may see, until when, the safety question,
 * then the consent in full and the signature. A "yes" or "not sure" safety answer sends at once
 * (nothing is shared; the care team is told). `signer` is the participant's typed name, or staff
 * confirming the paper form is on file.
 */
export function ShareStepper(props: {
  patientName: string;
  programName: string;
  timeZone: string;
  mode: "participant" | "staff";
  pending: boolean;
  onSubmit: (values: ShareValues, signature: string | boolean) => Promise<ShareResult>;
  onDone: (result: ShareResult, values: ShareValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("sharing");
  const [step, setStep] = useState<Step>("who");
  const [values, setValues] = useState<ShareValues>({
    name: "",
    relationship: "",
    email: "",
    locale: "en",
    scopes: [...DEFAULT_SHARE_SCOPES],
    untilKind: "end_of_treatment",
    untilOn: "",
    safety: "",
  });
  const [typedName, setTypedName] = useState("");
  const [onFile, setOnFile] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof ShareValues>(key: K, value: ShareValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const parsed = () =>
    shareDraftSchema.safeParse({
      ...values,
      untilOn: values.untilKind === "date" ? values.untilOn || null : null,
      safety: values.safety || undefined,
    });

  /** The field errors of the steps up to this one (later steps are not judged yet). */
  function check(upTo: Step): boolean {
    const result = parsed();
    const found: Record<string, string> = {};
    for (const issue of result.error?.issues ?? []) {
      const field = String(issue.path[0]);
      const at = STEP_OF_FIELD[field];
      if (at && STEPS.indexOf(at) <= STEPS.indexOf(upTo) && !found[field]) found[field] = issue.message;
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function send(signature: string | boolean) {
    setFailure(null);
    try {
      const result = await props.onSubmit(values, signature);
      props.onDone(result, values);
    } catch (error) {
      if (error instanceof ApiError) {
        const fields: Record<string, string> = {};
        for (const f of error.fields) fields[f.path] = f.message;
        const known = ERROR_WORDS[error.code];
        const first = Object.keys(fields).find((f) => STEP_OF_FIELD[f]);
        if (first) setStep(STEP_OF_FIELD[first]!);
        setErrors(known && first ? { [first]: t(known) } : fields);
        setFailure(
          known ? t(known) : first || fields.typedName || fields.paperSignatureOnFile ? null : error.message,
        );
      } else setFailure(t("errors.failed"));
    }
  }

  function next() {
    if (!check(step)) return;
    if (step === "safety" && values.safety !== "no") {
      void send(props.mode === "participant" ? "" : false);
      return;
    }
    setStep(STEPS[STEPS.indexOf(step) + 1]!);
  }

  const result = parsed();
  const draft =
    step === "sign" && result.success
      ? buildFamilyConsentDraft(result.data, {
          patientName: props.patientName,
          programName: props.programName,
        })
      : null;
  const document = draft
    ? renderConsentDocument({
        consent: {
          ...draft,
          recipients: draft.recipients.map((r) => ({ ...r, id: "", revokedAt: null })),
          signatures: [],
        },
        programName: props.programName,
        timeZone: props.timeZone,
      })
    : "";
  const labels: Record<Step, string> = {
    who: t("stepper.stepWho"),
    what: t("stepper.stepWhat"),
    until: t("stepper.stepUntil"),
    safety: t("stepper.stepSafety"),
    sign: t("stepper.stepSign"),
  };

  return (
    <Stack component="section" aria-labelledby="share-title">
      <Title order={2} size="h3" id="share-title">
        {t("stepper.title")}
      </Title>
      <Text size="sm" c="dimmed" aria-live="polite">
        {STEPS.indexOf(step) + 1} / {STEPS.length} · {labels[step]}
      </Text>
      {failure && (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      )}
      {step === "who" && (
        <Stack>
          <TextInput
            label={t("stepper.name")}
            required
            value={values.name}
            error={errors.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            autoComplete="off"
          />
          <TextInput
            label={t("stepper.relationship")}
            description={t("stepper.relationshipHelp")}
            required
            value={values.relationship}
            error={errors.relationship}
            onChange={(e) => set("relationship", e.currentTarget.value)}
          />
          <TextInput
            label={t("stepper.email")}
            description={t("stepper.emailHelp")}
            type="email"
            required
            spellCheck={false}
            autoComplete="off"
            value={values.email}
            error={errors.email}
            onChange={(e) => set("email", e.currentTarget.value)}
          />
          <NativeSelect
            label={t("stepper.language")}
            value={values.locale}
            data={LOCALES.map((l) => ({ value: l, label: l === "en" ? "English" : "Español" }))}
            onChange={(e) => set("locale", e.currentTarget.value as Locale)}
          />
        </Stack>
      )}
      {step === "what" && (
        <Checkbox.Group
          label={t("stepper.whatTitle")}
          description={t("stepper.whatIntro")}
          value={values.scopes}
          error={errors.scopes}
          onChange={(v) => set("scopes", v as FamilyScope[])}
        >
          <Stack mt="xs">
            {FAMILY_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={t(`scopes.${scope}.label`)}
                description={t(`scopes.${scope}.help`)}
              />
            ))}
            <Alert variant="light" color="gray">
              {t("stepper.neverShared")}
            </Alert>
          </Stack>
        </Checkbox.Group>
      )}
      {step === "until" && (
        <Stack>
          <Radio.Group
            label={t("stepper.untilTitle")}
            value={values.untilKind}
            onChange={(v) => set("untilKind", v as ShareUntilKind)}
          >
            <Stack mt="xs">
              <Radio value="end_of_treatment" label={t("stepper.untilEnd")} />
              <Radio value="date" label={t("stepper.untilDate")} />
            </Stack>
          </Radio.Group>
          {values.untilKind === "date" && (
            <TextInput
              type="date"
              label={t("stepper.untilOn")}
              required
              value={values.untilOn}
              error={errors.untilOn}
              onChange={(e) => set("untilOn", e.currentTarget.value)}
            />
          )}
        </Stack>
      )}
      {step === "safety" && (
        <Radio.Group
          label={t("stepper.safetyQuestion")}
          description={t("stepper.safetyWhy")}
          value={values.safety}
          error={errors.safety}
          onChange={(v) => set("safety", v as SafetyAnswer)}
        >
          <Stack mt="xs">
            <Radio value="no" label={t("stepper.safetyNo")} />
            <Radio value="yes" label={t("stepper.safetyYes")} />
            <Radio value="not_sure" label={t("stepper.safetyNotSure")} />
          </Stack>
        </Radio.Group>
      )}
      {step === "sign" && (
        <Stack>
          <Title order={3} size="h4">
            {t("stepper.signTitle")}
          </Title>
          <Text>{t("stepper.signIntro")}</Text>
          <ScrollArea.Autosize
            mah={360}
            type="auto"
            // The viewport is what scrolls: it takes the focus, so the consent can be read with the keyboard.
            viewportProps={{ tabIndex: 0, role: "region", "aria-label": t("stepper.signTitle") }}
          >
            <Code block style={{ whiteSpace: "pre-wrap" }}>
              {document}
            </Code>
          </ScrollArea.Autosize>
          {props.mode === "participant" ? (
            <TextInput
              label={t("stepper.typedName")}
              description={t("stepper.typedNameHelp", { name: props.patientName })}
              required
              value={typedName}
              error={errors.typedName}
              onChange={(e) => setTypedName(e.currentTarget.value)}
            />
          ) : (
            <Checkbox
              label={t("stepper.staffSignedOnPaper")}
              checked={onFile}
              error={errors.paperSignatureOnFile}
              onChange={(e) => setOnFile(e.currentTarget.checked)}
            />
          )}
        </Stack>
      )}
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" onClick={props.onCancel}>
            {t("stepper.cancel")}
          </Button>
          {step !== "who" && (
            <Button variant="default" onClick={() => setStep(STEPS[STEPS.indexOf(step) - 1]!)}>
              {t("stepper.back")}
            </Button>
          )}
        </Group>
        {step === "sign" ? (
          <Button
            loading={props.pending}
            onClick={() => void send(props.mode === "participant" ? typedName : onFile)}
          >
            {props.mode === "participant" ? t("stepper.sign") : t("stepper.staffSign")}
          </Button>
        ) : (
          <Button loading={props.pending} onClick={next}>
            {step === "safety" && values.safety !== "" && values.safety !== "no"
              ? t("stepper.sendConcern")
              : t("stepper.next")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** What to show after sending: the outcome in words, and crisis resources after a safety concern. */
export function ShareOutcomeNotice({
  result,
  name,
  onClose,
}: {
  result: ShareResult;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("sharing");
  if (result.outcome === "safety_concern")
    return (
      <Alert color="blue" variant="light" role="status" title={t("outcome.concernTitle")}>
        <Stack gap="xs">
          <Text>{t("outcome.concern")}</Text>
          <Text fw={600}>{t("outcome.crisisTitle")}</Text>
          <List>
            <List.Item>{t("outcome.crisis988")}</List.Item>
            <List.Item>{t("outcome.crisisDv")}</List.Item>
            <List.Item>{t("outcome.crisis911")}</List.Item>
          </List>
          <Button variant="light" onClick={onClose} style={{ alignSelf: "flex-start" }}>
            {t("outcome.close")}
          </Button>
        </Stack>
      </Alert>
    );
  return (
    <Alert color="teal" variant="light" role="status">
      <Stack gap="xs">
        <Text>{t(`outcome.${result.outcome}`, { name })}</Text>
        <Button variant="light" onClick={onClose} style={{ alignSelf: "flex-start" }}>
          {t("outcome.close")}
        </Button>
      </Stack>
    </Alert>
  );
}

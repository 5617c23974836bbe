import { Alert, Box, Button, Checkbox, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCircleCheck, IconSignature } from "@tabler/icons-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { formatSignedAt } from "./my-plan-words";

/**
 * Where the participant signs what they have just read (their plan, or a review of it): their full name
 * typed, a box ticked to say they read it, and the Sign button. The server compares the name with the
 * one on file and answers with an error on `typedName` when it does not match; that error shows on the
 * name field. After signing, a confirmation with the time takes the form's place.
 */
export function MyPlanSignForm({
  kind,
  onSign,
  signedAt,
}: {
  kind: "plan" | "review";
  /** Send the typed name; rejects with the server's error. */
  onSign: (typedName: string) => Promise<unknown>;
  /** When the participant signed (set after success), to confirm it. */
  signedAt: Date | null;
}) {
  const { t, i18n } = useTranslation("myPlan");
  const titleId = useId();
  const [name, setName] = useState("");
  const [agreed, setAgreed] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [agreeError, setAgreeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (signedAt) confirmation.current?.focus();
  }, [signedAt]);

  if (signedAt) {
    return (
      <Alert
        ref={confirmation}
        tabIndex={-1}
        role="status"
        color="green"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={t("sign.doneTitle")}
      >
        {t("sign.done", { time: formatSignedAt(signedAt, i18n.language) })}
      </Alert>
    );
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const typed = name.trim();
    const missingName = typed.length < 2 ? t("sign.nameRequired") : null;
    const missingAgreement = agreed ? null : t("sign.agreeRequired");
    setNameError(missingName);
    setAgreeError(missingAgreement);
    setFormError(null);
    if (missingName) {
      nameInput.current?.focus();
      return;
    }
    if (missingAgreement) return;
    setPending(true);
    try {
      await onSign(typed);
    } catch (error) {
      const onName = error instanceof ApiError ? error.fields.find((f) => f.path === "typedName") : undefined;
      if (onName) {
        setNameError(onName.message);
        nameInput.current?.focus();
      } else if (error instanceof ApiError && error.status === 409) setFormError(t("sign.changed"));
      else if (error instanceof ApiError && error.status === 0) setFormError(t("sign.network"));
      else setFormError(error instanceof ApiError && error.message ? error.message : t("sign.failed"));
    } finally {
      setPending(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} id={titleId}>
          {kind === "plan" ? t("sign.title") : t("sign.reviewTitle")}
        </Title>
        <Text>{kind === "plan" ? t("sign.intro") : t("sign.reviewIntro")}</Text>
        <TextInput
          ref={nameInput}
          size="lg"
          label={t("sign.name")}
          description={t("sign.nameHint")}
          autoComplete="name"
          autoCapitalize="words"
          spellCheck={false}
          required
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameError(null);
          }}
          error={nameError}
        />
        <Checkbox
          size="md"
          label={kind === "plan" ? t("sign.agree") : t("sign.agreeReview")}
          checked={agreed}
          onChange={(event) => {
            setAgreed(event.currentTarget.checked);
            setAgreeError(null);
          }}
          error={agreeError}
        />
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <Button
          type="submit"
          size="lg"
          fullWidth
          loading={pending}
          leftSection={<IconSignature size={20} aria-hidden />}
        >
          {t("sign.submit")}
        </Button>
      </Stack>
    </Box>
  );
}

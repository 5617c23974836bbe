import {
  Alert,
  Box,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCheck, IconCopy, IconDownload } from "@tabler/icons-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { totpCodeSchema } from "../../../core/identity/accounts.schema";
import { ApiError } from "../../app/api-client";
import { useConfirmTotpEnrolment } from "./api/confirm-totp-enrolment";
import { type TotpSetup, useStartTotpEnrolment } from "./api/start-totp-enrolment";
import { focusFirstError, showServerFieldErrors, useErrorText } from "./form-errors";

/** The QR code as an image: the SVG travels as a data: URI, never as markup in the page. */
export function qrImageSource(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** "JBSW Y3DP EHPK 3PXP": easier to type by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

const KNOWN_CODES = { MFA_CODE_INVALID: "mfa.codeWrong", MFA_CODE_REUSED: "mfa.codeReused" };

function ConfirmForm({ setup, onConfirmed }: { setup: TotpSetup; onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const confirm = useConfirmTotpEnrolment();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    name: "mfa-setup",
    initialValues: { code: "" },
    validate: ({ code }) => {
      const digits = code.replace(/\s/g, "");
      if (digits === "") return { code: "mfa.codeRequired" };
      return totpCodeSchema.safeParse(digits).success ? {} : { code: "mfa.codeFormat" };
    },
  });
  const submit = form.onSubmit(
    ({ code }) => {
      setFormError(null);
      confirm.mutate(
        { code: code.replace(/\s/g, "") },
        {
          onSuccess: ({ recoveryCodes }) => onConfirmed(recoveryCodes),
          onError: (error) => {
            if (!showServerFieldErrors(form, error, ["code"], { known: KNOWN_CODES }))
              setFormError("common.somethingWrong");
          },
        },
      );
    },
    (errors) => focusFirstError(form, ["code"], errors),
  );
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h4">
          {t("mfaSetup.scan")}
        </Title>
        <Box bg="white" p="sm" w={232} style={{ borderRadius: 8 }}>
          <Image src={qrImageSource(setup.qrSvg)} alt={t("mfaSetup.qrAlt")} w={208} h={208} />
        </Box>
        <Text>{t("mfaSetup.manual")}</Text>
        <Code block fz="md" style={{ wordBreak: "break-all" }}>
          {groupSecret(setup.secret)}
        </Code>
        <Box component="form" onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} size="h4">
              {t("mfaSetup.enterCode")}
            </Title>
            <div aria-live="assertive">
              {formError && (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                  {t(formError)}
                </Alert>
              )}
            </div>
            <TextInput
              label={t("mfa.code")}
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9 ]*"
              maxLength={7}
              spellCheck={false}
              required
              size="md"
              {...form.getInputProps("code")}
              error={errorText(form.errors.code)}
            />
            <Button type="submit" size="md" loading={confirm.isPending}>
              {t("mfaSetup.confirm")}
            </Button>
          </Stack>
        </Box>
      </Stack>
    </Card>
  );
}

/** Recovery codes, shown once: copy, download as text, and "I saved them". */
export function RecoveryCodes({
  codes,
  email,
  onDone,
}: {
  codes: string[];
  email: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const text = `${t("mfaSetup.fileHeading", { email })}\n\n${codes.join("\n")}\n`;
  const focusHeading = useCallback((node: HTMLHeadingElement | null) => node?.focus(), []);
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "bridgeway-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`${listId}-title`}>
      <Stack>
        <Title order={2} size="h3" id={`${listId}-title`} tabIndex={-1} ref={focusHeading}>
          {t("mfaSetup.codesTitle")}
        </Title>
        <Text>{t("mfaSetup.codesIntro")}</Text>
        <VisuallyHidden id={listId}>{t("mfaSetup.codesLabel")}</VisuallyHidden>
        <List aria-labelledby={listId} listStyleType="none" ff="monospace" fz="lg" spacing={4}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group gap="sm">
          <CopyButton value={codes.join("\n")}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                onClick={copy}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
              >
                {copied ? t("mfaSetup.copied") : t("mfaSetup.copy")}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={download} leftSection={<IconDownload size={16} aria-hidden />}>
            {t("mfaSetup.download")}
          </Button>
        </Group>
        <Button size="md" onClick={onDone}>
          {t("mfaSetup.saved")}
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * Enrol an authenticator app: QR code and key, a first code to confirm, then the recovery codes,
 * shown once (they live only in this component's memory) with copy and download.
 */
export function MfaEnrolment({ email, onDone }: { email: string; onDone: () => void }) {
  const { t } = useTranslation();
  const start = useStartTotpEnrolment();
  const [codes, setCodes] = useState<string[] | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start.mutate]);

  if (codes) return <RecoveryCodes codes={codes} email={email} onDone={onDone} />;
  if (start.error instanceof ApiError && start.error.code === "MFA_ALREADY_ENABLED")
    return (
      <Alert color="blue" variant="light" role="status">
        {t("mfaSetup.alreadyOn")}
      </Alert>
    );
  if (start.isError)
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle aria-hidden />}
        role="alert"
        title={t("mfaSetup.startError")}
      >
        <Button mt="sm" variant="default" onClick={() => start.mutate()}>
          {t("common.retry")}
        </Button>
      </Alert>
    );
  if (!start.data)
    return (
      <Group role="status" justify="center" p="lg">
        <Loader aria-hidden />
        <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
      </Group>
    );
  return <ConfirmForm setup={start.data} onConfirmed={setCodes} />;
}

import {
  Alert,
  Button,
  Card,
  Center,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { signInInputSchema } from "../../../core/identity/identity.schema";
import { ApiError } from "../../app/api-client";
import { CrisisFooter } from "../../app/crisis";
import { ColorSchemeToggle, LanguageSwitch } from "../../app/preferences";
import { usePageTitle } from "../../app/use-page-title";
import { useCurrentSession } from "./api/get-current-session";
import { useSignIn } from "./api/sign-in";
import { DemoAccounts } from "./demo-accounts";
import { homePathFor } from "./home-path";
import { safeNextPath } from "./safe-next-path";

type Values = { email: string; password: string };
const FIELDS: readonly string[] = ["email", "password"] satisfies (keyof Values)[];

/** Validate with the server's own schema; each error is a dictionary key, shown in the reader's language. */
export function validateSignIn(values: Values): Partial<Record<keyof Values, string>> {
  const parsed = signInInputSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: Partial<Record<keyof Values, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === "email")
      errors.email = values.email.trim() === "" ? "signIn.emailRequired" : "signIn.emailInvalid";
    if (field === "password") errors.password = "signIn.passwordRequired";
  }
  return errors;
}

/** The form-level message for a failed sign-in, as a dictionary key; null when field errors say it all. */
export function signInErrorKey(error: unknown): string | null {
  if (!(error instanceof ApiError)) return "common.somethingWrong";
  if (error.code === "AUTH_INVALID_CREDENTIALS") return "signIn.invalidCredentials";
  if (error.status === 429 || error.code === "RATE_LIMITED") return "signIn.rateLimited";
  if (error.fields.some((f) => FIELDS.includes(f.path))) return null;
  return "common.somethingWrong";
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("signIn.title"));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { email: "", password: "" },
    validate: validateSignIn,
  });
  const next = safeNextPath(params.get("next"));

  if (session.data) return <Navigate to={next ?? homePathFor(session.data.kind)} replace />;

  /** Our own checks hold dictionary keys; the server's field messages are shown as they come. */
  const fieldError = (field: keyof Values) => {
    const error = form.errors[field];
    if (typeof error !== "string") return undefined;
    return i18n.exists(error) ? t(error) : error;
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    signIn.mutate(values, {
      onSuccess: ({ user }) => navigate(next ?? homePathFor(user.kind), { replace: true }),
      onError: (error) => {
        setFormError(signInErrorKey(error));
        if (!(error instanceof ApiError)) return;
        for (const f of error.fields) if (FIELDS.includes(f.path)) form.setFieldError(f.path, f.message);
      },
    });
  });

  return (
    <Stack mih="100dvh" justify="space-between" gap={0}>
      <Group component="header" justify="space-between" p="sm" gap="xs">
        <Text fw={700} size="lg">
          {t("product.name")}
        </Text>
        <Group gap="xs">
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
      </Group>
      <Center component="main" id="main" px="md" py="lg" style={{ flex: 1 }}>
        <Stack w="100%" maw={440} gap="lg">
          <Stack gap={4}>
            <Title order={1}>{t("signIn.title")}</Title>
            <Text>{t("product.tagline")}</Text>
          </Stack>
          <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
            <Stack>
              {formError && (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
                  {t(formError)}
                </Alert>
              )}
              <TextInput
                label={t("signIn.email")}
                type="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                required
                {...form.getInputProps("email")}
                error={fieldError("email")}
              />
              <PasswordInput
                label={t("signIn.password")}
                autoComplete="current-password"
                required
                visibilityToggleButtonProps={{ "aria-label": t("signIn.showPassword") }}
                {...form.getInputProps("password")}
                error={fieldError("password")}
              />
              <Button type="submit" size="md" loading={signIn.isPending}>
                {t("signIn.submit")}
              </Button>
            </Stack>
          </Card>
          <DemoAccounts
            onUse={(email, password) => {
              form.setValues({ email, password });
              form.clearErrors();
              setFormError(null);
            }}
          />
        </Stack>
      </Center>
      <Stack component="footer" p="sm">
        <CrisisFooter />
      </Stack>
    </Stack>
  );
}

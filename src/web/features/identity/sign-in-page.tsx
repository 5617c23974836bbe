import {
  Alert,
  Button,
  Card,
  Center,
  Code,
  Group,
  List,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { signInInputSchema } from "../../../core/identity/identity.schema";
import { ApiError } from "../../app/api-client";
import { CrisisFooter } from "../../app/crisis";
import { ColorSchemeToggle, LanguageSwitch } from "../../app/preferences";
import { useCurrentSession } from "./api/get-current-session";
import { useMeta } from "./api/get-meta";
import { useSignIn } from "./api/sign-in";
import { homePathFor } from "./home-path";
import { safeNextPath } from "./safe-next-path";

type Values = { email: string; password: string };

/** Validate with the server's own schema; show the message in the reader's language. */
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

function DemoAccounts() {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demoMode) return null;
  return (
    <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />} title={t("signIn.demoTitle")}>
      <Text size="sm">{t("signIn.demoBody", { password: meta.data.demoPassword })}</Text>
      <List size="sm" mt="xs" spacing={2}>
        {meta.data.demoAccounts.map((a) => (
          <List.Item key={a.email}>
            <Code>{a.email}</Code>
            <Text size="xs">{t(`roles.${a.role}`)}</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { email: "", password: "" },
    validate: validateSignIn,
    validateInputOnBlur: false,
  });

  if (session.data)
    return <Navigate to={safeNextPath(params.get("next")) ?? homePathFor(session.data.kind)} replace />;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    signIn.mutate(values, {
      onSuccess: ({ user }) =>
        navigate(safeNextPath(params.get("next")) ?? homePathFor(user.kind), { replace: true }),
      onError: (error) => {
        if (!(error instanceof ApiError)) return setFormError("common.somethingWrong");
        if (error.code === "AUTH_INVALID_CREDENTIALS") return setFormError("signIn.invalidCredentials");
        if (error.code === "RATE_LIMITED") return setFormError("signIn.rateLimited");
        if (error.fields.length > 0) {
          for (const f of error.fields) form.setFieldError(f.path, f.message);
          return;
        }
        setFormError("common.somethingWrong");
      },
    });
  });

  return (
    <Stack mih="100dvh" justify="space-between" gap={0}>
      <Group component="header" justify="flex-end" p="sm" gap="xs">
        <LanguageSwitch />
        <ColorSchemeToggle />
      </Group>
      <Center component="main" id="main" px="md" py="lg" style={{ flex: 1 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={4}>
            <Text fw={700} size="xl">
              {t("product.name")}
            </Text>
            <Text size="sm">{t("product.tagline")}</Text>
          </Stack>
          <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {t("signIn.title")}
              </Title>
              {formError && (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                  {t(formError)}
                </Alert>
              )}
              <TextInput
                label={t("signIn.email")}
                type="email"
                autoComplete="username"
                inputMode="email"
                required
                {...form.getInputProps("email")}
                error={form.errors.email ? t(String(form.errors.email)) : undefined}
              />
              <PasswordInput
                label={t("signIn.password")}
                autoComplete="current-password"
                required
                visibilityToggleButtonProps={{ "aria-label": t("signIn.showPassword") }}
                {...form.getInputProps("password")}
                error={form.errors.password ? t(String(form.errors.password)) : undefined}
              />
              <Button type="submit" size="md" loading={signIn.isPending}>
                {t("signIn.submit")}
              </Button>
            </Stack>
          </Card>
          <DemoAccounts />
        </Stack>
      </Center>
      <Stack component="footer" p="sm">
        <CrisisFooter />
      </Stack>
    </Stack>
  );
}

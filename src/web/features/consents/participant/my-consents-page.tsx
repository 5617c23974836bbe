import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Radio,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentDetail } from "../../../../core/consents/consent-api.schema";
import { ApiError } from "../../../app/api-client";
import { usePageTitle } from "../../../app/use-page-title";
import { useMyConsents, useRevokeMyConsent, useSignMyConsent } from "../api/my-consents";

/**
 * /me/consents (phone first): consents waiting for my signature (read the text, type my name to
 * sign) and my signed consents, each with "Revoke in writing" — a short statement prefilled in plain
 * words, a confirmation, and then it shows revoked.
 */
export function MyConsentsPage() {
  const { t } = useTranslation("consents");
  usePageTitle(t("me.title"));
  const consents = useMyConsents();
  const waiting = consents.data?.consents.filter((c) => c.status === "draft") ?? [];
  const signed = consents.data?.consents.filter((c) => c.status === "signed") ?? [];
  return (
    <Stack gap="md" maw={640} mx="auto" p="sm">
      <Title order={1} size="h2">
        {t("me.title")}
      </Title>
      <Text>{t("me.intro")}</Text>
      {consents.isPending ? (
        <Skeleton h={120} />
      ) : consents.isError ? (
        <Alert color="red" role="alert">
          {t("me.loadError")}
        </Alert>
      ) : (
        <>
          {waiting.length > 0 && (
            <Stack gap="sm" component="section" aria-labelledby="waiting-title">
              <Title order={2} size="h3" id="waiting-title">
                {t("me.waiting")}
              </Title>
              {waiting.map((c) => (
                <WaitingConsent key={c.id} consent={c} />
              ))}
            </Stack>
          )}
          <Stack gap="sm" component="section" aria-labelledby="signed-title">
            <Title order={2} size="h3" id="signed-title">
              {t("me.signed")}
            </Title>
            {signed.length === 0 ? (
              <Text c="dimmed">{t("me.empty")}</Text>
            ) : (
              signed.map((c) => <SignedConsent key={c.id} consent={c} />)
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function ConsentText({ consent }: { consent: ConsentDetail }) {
  const { t } = useTranslation("consents");
  return (
    // A native disclosure: keyboard and screen readers know it, and several on a page stay distinct.
    <Box component="details">
      <Box component="summary" style={{ cursor: "pointer" }}>
        {t("me.read")}
      </Box>
      <Text component="pre" size="sm" mt="xs" style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>
        {consent.documentText}
      </Text>
    </Box>
  );
}

function WaitingConsent({ consent }: { consent: ConsentDetail }) {
  const { t } = useTranslation("consents");
  const sign = useSignMyConsent();
  const [typedName, setTypedName] = useState("");
  const fieldError =
    sign.error instanceof ApiError
      ? sign.error.fields.find((f) => f.path === "typedName")?.message
      : undefined;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={700}>{t(`kinds.${consent.kind}`)}</Text>
        <ConsentText consent={consent} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            sign.mutate(
              { consentId: consent.id, body: { typedName } },
              {
                onSuccess: (signed) =>
                  notifications.show({
                    color: "teal",
                    message: signed.status === "signed" ? t("me.signedOk") : t("me.waitingGuardian"),
                  }),
              },
            );
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={t("me.typeName")}
              description={t("me.typeNameHelp", { name: consent.patientName })}
              value={typedName}
              maxLength={200}
              autoComplete="name"
              error={fieldError}
              onChange={(e) => setTypedName(e.currentTarget.value)}
            />
            {sign.isError && !fieldError && (
              <Alert color="red" role="alert">
                {t("me.failed", { message: sign.error.message })}
              </Alert>
            )}
            <Button type="submit" loading={sign.isPending} disabled={typedName.trim() === ""}>
              {t("me.sign")}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

function SignedConsent({ consent }: { consent: ConsentDetail }) {
  const { t } = useTranslation("consents");
  const revoke = useRevokeMyConsent();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [recipientId, setRecipientId] = useState("");
  const defaultStatement = (id: string) => {
    const name = consent.recipients.find((r) => r.id === id)?.name;
    return t("me.statementDefault", { forWhom: name ? t("me.forWhom", { name }) : "" });
  };
  const [statement, setStatement] = useState(defaultStatement(""));
  const live = !["revoked", "expired", "materially_false"].includes(consent.state);
  const fieldError =
    revoke.error instanceof ApiError
      ? revoke.error.fields.find((f) => f.path === "writtenStatement")?.message
      : undefined;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{t(`kinds.${consent.kind}`)}</Text>
          <Badge variant="light" tt="none" color={live ? "teal" : "gray"}>
            {t(`states.${consent.state}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t("section.recipients", {
            names: consent.recipients
              .map((r) => (r.revokedAt ? t("section.revokedRecipient", { name: r.name }) : r.name))
              .join(", "),
          })}
        </Text>
        <ConsentText consent={consent} />
        {revoke.isSuccess && <Alert color="teal">{t("me.revokedOk")}</Alert>}
        {live && !open && (
          <Button variant="light" color="red" onClick={() => setOpen(true)}>
            {t("me.revoke")}
          </Button>
        )}
        {live && open && (
          <Stack gap="xs">
            <Radio.Group
              label={t("me.revokeWhat")}
              value={recipientId}
              onChange={(value) => {
                setRecipientId(value);
                setStatement(defaultStatement(value));
                setConfirming(false);
              }}
            >
              <Stack gap={6} mt={4}>
                <Radio value="" label={t("me.revokeWhole")} />
                {consent.recipients
                  .filter((r) => r.revokedAt === null)
                  .map((r) => (
                    <Radio key={r.id} value={r.id} label={t("me.revokeOne", { name: r.name })} />
                  ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t("me.statement")}
              value={statement}
              maxLength={2000}
              autosize
              minRows={2}
              error={fieldError}
              onChange={(e) => setStatement(e.currentTarget.value)}
            />
            {confirming && <Alert color="orange">{t("me.revokeConfirm")}</Alert>}
            {revoke.isError && !fieldError && (
              <Alert color="red" role="alert">
                {t("me.failed", { message: revoke.error.message })}
              </Alert>
            )}
            <Group>
              <Button
                color="red"
                loading={revoke.isPending}
                disabled={statement.trim() === ""}
                onClick={() =>
                  confirming
                    ? revoke.mutate(
                        {
                          consentId: consent.id,
                          body: { recipientId: recipientId || null, writtenStatement: statement },
                        },
                        { onSuccess: () => setOpen(false) },
                      )
                    : setConfirming(true)
                }
              >
                {confirming ? t("me.revokeSubmit") : t("me.revoke")}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setOpen(false);
                  setConfirming(false);
                }}
              >
                {t("me.cancel")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BlockedPerson } from "../../../core/sharing/sharing.schema";
import { ApiError } from "../../app/api-client";
import { useAddBlock, useRemoveBlock } from "./api/blocks";

/** The do-not-disclose list (null participant: the signed-in participant's own). */
export function BlocksSection({
  participantId,
  blocks,
}: {
  participantId: string | null;
  blocks: readonly BlockedPerson[];
}) {
  const { t } = useTranslation("sharing");
  const add = useAddBlock(participantId);
  const remove = useRemoveBlock(participantId);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<string | null>(null);
  const submit = () => {
    add.mutate(
      { name, email, note },
      {
        onSuccess: () => {
          setName("");
          setEmail("");
          setNote("");
          setErrors({});
        },
        onError: (error) =>
          setErrors(
            error instanceof ApiError
              ? Object.fromEntries(error.fields.map((f) => [f.path, f.message]))
              : { name: t("errors.failed") },
          ),
      },
    );
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="blocks-title">
      <Stack>
        <Title order={2} size="h3" id="blocks-title">
          {t("blocks.title")}
        </Title>
        <Text>{t("blocks.intro")}</Text>
        {blocks.length === 0 && <Text c="dimmed">{t("blocks.empty")}</Text>}
        {blocks.map((b) => (
          <Group key={b.id} justify="space-between">
            <Text>
              {b.name}
              {b.email ? ` · ${b.email}` : ""}
              {b.note ? ` — ${b.note}` : ""}
            </Text>
            {confirming === b.id ? (
              <Group gap="xs">
                <Text size="sm">{t("blocks.removeConfirm", { name: b.name })}</Text>
                <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(b.id)}>
                  {t("blocks.removeYes")}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                  {t("blocks.removeNo")}
                </Button>
              </Group>
            ) : (
              <Button size="xs" variant="subtle" onClick={() => setConfirming(b.id)}>
                {t("blocks.remove", { name: b.name })}
              </Button>
            )}
          </Group>
        ))}
        <Title order={3} size="h4">
          {t("blocks.add")}
        </Title>
        <TextInput
          label={t("blocks.name")}
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t("blocks.email")}
          type="email"
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          label={t("blocks.note")}
          value={note}
          error={errors.note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button style={{ alignSelf: "flex-start" }} loading={add.isPending} onClick={submit}>
          {t("blocks.save")}
        </Button>
      </Stack>
    </Card>
  );
}

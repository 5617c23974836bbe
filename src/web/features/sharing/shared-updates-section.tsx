import { Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SHARED_UPDATE_MAX, type SharedUpdate } from "../../../core/sharing/sharing.schema";
import { ApiError } from "../../app/api-client";
import { useDeleteSharedUpdate, usePostSharedUpdate, useRestoreSharedUpdate } from "./api/shared-updates";

/** "How I'm doing": short updates for people who may see shared progress; delete with confirmation and undo. */
export function SharedUpdatesSection({ updates }: { updates: readonly SharedUpdate[] }) {
  const { t, i18n } = useTranslation("sharing");
  const post = usePostSharedUpdate();
  const remove = useDeleteSharedUpdate();
  const restore = useRestoreSharedUpdate();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const max = SHARED_UPDATE_MAX.toLocaleString(i18n.language);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="updates-title">
      <Stack>
        <Title order={2} size="h3" id="updates-title">
          {t("updates.title")}
        </Title>
        <Text>{t("updates.intro")}</Text>
        <Textarea
          label={t("updates.body")}
          description={`${t("updates.limit", { max })} ${t("updates.count", { count: body.length, max })}`}
          autosize
          minRows={3}
          value={body}
          error={error}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Button
          style={{ alignSelf: "flex-start" }}
          loading={post.isPending}
          onClick={() =>
            post.mutate(body, {
              onSuccess: () => {
                setBody("");
                setError(null);
              },
              onError: (e) =>
                setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : t("errors.failed")),
            })
          }
        >
          {t("updates.post")}
        </Button>
        <div aria-live="polite">
          {removed && (
            <Group>
              <Text size="sm">{t("updates.deleted")}</Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => restore.mutate(removed, { onSuccess: () => setRemoved(null) })}
              >
                {t("updates.undo")}
              </Button>
            </Group>
          )}
        </div>
        {updates.length === 0 && <Text c="dimmed">{t("updates.empty")}</Text>}
        {updates.map((u) => (
          <Card key={u.id} withBorder padding="sm">
            <Text style={{ whiteSpace: "pre-wrap" }}>{u.body}</Text>
            <Group justify="space-between" mt="xs">
              <Text size="xs" c="dimmed">
                {t("updates.posted", {
                  date: new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(
                    new Date(u.createdAt),
                  ),
                })}
              </Text>
              {confirming === u.id ? (
                <Group gap="xs">
                  <Text size="sm">{t("updates.deleteConfirm")}</Text>
                  <Button
                    size="xs"
                    color="red"
                    onClick={() =>
                      remove.mutate(u.id, {
                        onSuccess: () => {
                          setRemoved(u.id);
                          setConfirming(null);
                        },
                      })
                    }
                  >
                    {t("updates.deleteYes")}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                    {t("updates.deleteNo")}
                  </Button>
                </Group>
              ) : (
                <Button size="xs" variant="subtle" onClick={() => setConfirming(u.id)}>
                  {t("updates.delete")}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

import { Anchor, Button, List, Modal, Stack, Text, Title } from "@mantine/core";
import { IconMessage } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useHasPermission } from "../../admin/api/get-my-permissions";
import { useParticipantThreads } from "../api/list-participant-threads";
import { useStartThread } from "../api/start-thread";
import { NewThreadForm } from "../new-thread-form";

/**
 * "Message" in a participant's chart header, for staff who write clinical content: a new conversation
 * (subject and first message), with their recent conversations to continue one instead; once sent, the
 * conversation opens.
 */
export function MessageParticipantButton({ participantId, name }: { participantId: string; name: string }) {
  const { t } = useTranslation("messages");
  const canWrite = useHasPermission("clinical.write");
  const [open, setOpen] = useState(false);
  const start = useStartThread(participantId);
  const earlier = useParticipantThreads(participantId, open);
  const navigate = useNavigate();
  if (!canWrite) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconMessage size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t("start.button")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("start.title", { name })} size="lg">
        <Stack>
          <Text size="sm">{t("start.emailNote")}</Text>
          {earlier.data && earlier.data.threads.length > 0 && (
            <Stack gap={4} component="section" aria-labelledby="earlier-threads-title">
              <Title order={3} size="h5" id="earlier-threads-title">
                {t("start.earlier")}
              </Title>
              <List size="sm">
                {earlier.data.threads.map((thread) => (
                  <List.Item key={thread.id}>
                    <Anchor component={Link} to={`/staff/messages/${thread.id}`}>
                      {thread.subject}
                    </Anchor>
                    {thread.family && (
                      <Text component="span" size="sm" c="dimmed">
                        {" · "}
                        {t("family.staffLabel", {
                          name: thread.family.name,
                          relationship: thread.family.relationship,
                          participant: thread.participant.name,
                        })}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          <NewThreadForm
            title={t("newThread.title")}
            headingOrder={3}
            start={(input) => start.mutateAsync(input)}
            onStarted={(sent) => navigate(`/staff/messages/${sent.thread.id}`)}
            onCancel={() => setOpen(false)}
          />
        </Stack>
      </Modal>
    </>
  );
}

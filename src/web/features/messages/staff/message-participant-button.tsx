import { Button, Modal, Stack, Text } from "@mantine/core";
import { IconMessage } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useHasPermission } from "../../admin/api/get-my-permissions";
import { useStartThread } from "../api/start-thread";
import { NewThreadForm } from "../new-thread-form";

/**
 * "Message" in a participant's chart header, for staff who write clinical content: a new conversation
 * (subject and first message); once sent, the conversation opens.
 */
export function MessageParticipantButton({ participantId, name }: { participantId: string; name: string }) {
  const { t } = useTranslation("messages");
  const canWrite = useHasPermission("clinical.write");
  const [open, setOpen] = useState(false);
  const start = useStartThread(participantId);
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

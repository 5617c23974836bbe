import { Alert, Button, Stack } from "@mantine/core";
import { IconNotes } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useSession } from "../../app/require-session";
import { useOpenAppointmentNote } from "./api/session-note-open";
import { useNoteRequestErrorText } from "./session-note-sign-modal";

/** Where an individual or family note is written and read. */
export const sessionNotePagePath = (participantId: string, noteId: string) =>
  `/staff/participants/${participantId}/notes/${noteId}`;

/**
 * "Session note" on an appointment (calendar drawer): opens its note, starting a draft when there is
 * none yet. Shown to those who write clinical notes; a refusal (the session has not started) is said
 * beside the button.
 */
export function SessionNoteOpenButton({
  appointmentId,
  participantId,
}: {
  appointmentId: string;
  participantId: string;
}) {
  const { t } = useTranslation("sessionNotes");
  const { permissions } = useSession();
  const navigate = useNavigate();
  const open = useOpenAppointmentNote();
  const errorText = useNoteRequestErrorText();
  if (!permissions.includes("clinical.write")) return null;
  return (
    <Stack gap="xs">
      <Button
        variant="light"
        leftSection={<IconNotes size={16} aria-hidden />}
        loading={open.isPending}
        onClick={() =>
          open.mutate(
            { appointmentId },
            { onSuccess: (noteId) => void navigate(sessionNotePagePath(participantId, noteId)) },
          )
        }
      >
        {t("open.button")}
      </Button>
      {open.isError && (
        <Alert color="orange" variant="light" role="alert">
          {errorText(open.error)}
        </Alert>
      )}
    </Stack>
  );
}

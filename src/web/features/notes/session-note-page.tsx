import { Alert, Anchor, Skeleton, Stack, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { useAppointment } from "../calendar/api/get-appointment";
import { useParticipant } from "../participants/api/get-participant";
import { useSessionNote } from "./api/session-note-get";
import { SessionNoteDocument } from "./session-note-document";
import { SessionNoteEditor } from "./session-note-editor";

/** "This note was not found" — the same words whether it does not exist or may not be read. */
export function NoteNotFound({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const { t } = useTranslation("sessionNotes");
  return (
    <Stack maw={800}>
      <Alert color="gray" role="alert" title={t("states.notFoundTitle")}>
        {t("states.notFound")}
      </Alert>
      <Anchor component={Link} to={backTo}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}

export function PageSkeleton() {
  const { t } = useTranslation("sessionNotes");
  return (
    <Stack maw={900} role="status">
      <VisuallyHidden>{t("states.loading")}</VisuallyHidden>
      <Skeleton h={40} w="50%" />
      <Skeleton h={240} />
    </Stack>
  );
}

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * /staff/participants/:id/notes/:noteId — an individual or family note: the editor while it is the
 * viewer's draft, otherwise the read-only document with its signatures and addenda.
 */
export function SessionNotePage() {
  const { t } = useTranslation("sessionNotes");
  const { id = "", noteId = "" } = useParams();
  const note = useSessionNote(noteId);
  const record = useParticipant(id);
  const appointment = useAppointment(note.data?.appointmentId ?? null);
  usePageTitle(t("editor.pageTitle"));
  const back = { backTo: `/staff/participants/${id}`, backLabel: t("states.backToRecord") };

  if (note.isPending || record.isPending) return <PageSkeleton />;
  if (note.isError)
    return isNotFound(note.error) ? (
      <NoteNotFound {...back} />
    ) : (
      <LoadError error={note.error} onRetry={() => void note.refetch()} title={t("states.loadError")} />
    );
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  // A note is opened under its own participant's record only.
  if (note.data.participantId !== id) return <NoteNotFound {...back} />;

  const r = record.data;
  const participant = {
    id,
    name: [r.preferredName || r.givenName, r.familyName].filter(Boolean).join(" "),
    siteId: r.site.id,
  };
  const a = appointment.data ?? null;
  return note.data.status === "draft" && note.data.canEdit ? (
    <SessionNoteEditor key={note.data.id} note={note.data} participant={participant} appointment={a} />
  ) : (
    <SessionNoteDocument note={note.data} participant={participant} appointment={a} />
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CounselingNoteView } from "../../../core/notes/counseling-note-api.schema";
import { ApiError, type ApiFieldError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { formatDate } from "../schedule/schedule-format";
import { counselingNoteQuery, useCounselingNote } from "./api/counseling-note-get";
import {
  saveCounselingNote,
  useAddCounselingNoteAddendum,
  useSignCounselingNote,
} from "./api/counseling-note-write";
import { CounselingNoteNotice } from "./counseling-note-notice";
import { counselingNotesPagePath } from "./counseling-notes-page";
import { NoteAddendumModal } from "./session-note-addendum-modal";
import { useNoteAutosave } from "./session-note-autosave";
import { SignaturesAndAddenda } from "./session-note-document";
import { NoteNotFound, PageSkeleton } from "./session-note-page";
import { NoteSaveStatusLine } from "./session-note-save-status";
import { NoteSignModal } from "./session-note-sign-modal";

interface Draft {
  sessionDate: string;
  body: string;
}

/** A counseling note being written: the date and the text, saved as typed, then signed. */
function CounselingNoteEditor({ note }: { note: CounselingNoteView }) {
  const { t } = useTranslation("sessionNotes");
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ sessionDate: note.sessionDate, body: note.content.body });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [signing, setSigning] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const sign = useSignCounselingNote(note.id, note.participantId);
  const toErrors = (fields: ApiFieldError[]) =>
    Object.fromEntries(fields.map((f) => [f.path.replace(/^content\./, ""), f.message]));

  const autosave = useNoteAutosave<Draft>({
    revision: note.revision,
    save: async (d, revision) => {
      const saved = await saveCounselingNote(note.id, {
        revision,
        sessionDate: d.sessionDate,
        content: { body: d.body },
      });
      queryClient.setQueryData(counselingNoteQuery(note.id).queryKey, saved);
      return saved;
    },
    onFieldErrors: (fields) => setErrors(toErrors(fields)),
  });
  // After a conflict the text stays editable (to copy from) but is not saved; a locked note is read-only.
  const stopped = autosave.status.kind === "conflict" || autosave.status.kind === "locked";

  const update = (next: Draft) => {
    setDraft(next);
    setFormError(null);
    if (next.body.trim() !== "") setErrors((e) => ({ ...e, body: "" }));
    if (next.sessionDate !== "") autosave.change(next);
  };

  const reloadTheirs = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: counselingNoteQuery(note.id).queryKey });
      const fresh = queryClient.getQueryData(counselingNoteQuery(note.id).queryKey);
      if (fresh) {
        setDraft({ sessionDate: fresh.sessionDate, body: fresh.content.body });
        autosave.resume(fresh.revision);
      }
    } finally {
      setReloading(false);
    }
  };

  const startSigning = async () => {
    setFormError(null);
    if (draft.body.trim() === "") {
      setErrors({ body: t("counseling.bodyRequired") });
      document.getElementById("counseling-note-body")?.focus();
      return;
    }
    const saved = await autosave.flush();
    if (!saved) {
      if (!stopped) setFormError(t("editor.saveFirst"));
      return;
    }
    setSigning(true);
  };

  return (
    <Stack gap="md">
      <NoteSaveStatusLine
        status={autosave.status}
        onReloadTheirs={() => void reloadTheirs()}
        reloading={reloading}
      />
      <fieldset
        disabled={autosave.status.kind === "locked"}
        style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
      >
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t("counseling.sessionDate")}
            value={draft.sessionDate}
            onChange={(e) => update({ ...draft, sessionDate: e.currentTarget.value })}
            error={
              errors.sessionDate || (draft.sessionDate === "" ? t("counseling.dateRequired") : undefined)
            }
            required
            w={190}
          />
          <Textarea
            id="counseling-note-body"
            label={t("counseling.body")}
            description={t("counseling.bodyHint")}
            autosize
            minRows={10}
            maxLength={20000}
            value={draft.body}
            onChange={(e) => update({ ...draft, body: e.currentTarget.value })}
            error={errors.body || undefined}
          />
        </Stack>
      </fieldset>
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void startSigning()} disabled={stopped}>
          {t("editor.sign")}
        </Button>
        <Text size="sm" c="dimmed">
          {t("counseling.signHint")}
        </Text>
      </Group>
      {signing && (
        <NoteSignModal
          title={t("counseling.signTitle")}
          intro={t("counseling.signIntro")}
          cosigner={null}
          pending={sign.isPending}
          sign={async (proof) => {
            await sign.mutateAsync({ revision: autosave.revision(), ...proof });
            notifications.show({ color: "green", message: t("sign.signed") });
          }}
          onRefused={(error) => {
            if (!(error instanceof ApiError) || error.code !== "NOTE_INCOMPLETE" || error.fields.length === 0)
              return false;
            setErrors(toErrors(error.fields));
            setSigning(false);
            return true;
          }}
          onClose={() => setSigning(false)}
        />
      )}
    </Stack>
  );
}

/** A signed counseling note: its text, signature and addenda; its author may add an addendum. */
function CounselingNoteDocument({ note }: { note: CounselingNoteView }) {
  const { t } = useTranslation("sessionNotes");
  const [adding, setAdding] = useState(false);
  const addendum = useAddCounselingNoteAddendum(note.id, note.participantId);
  const signatures =
    note.signedAt === null
      ? []
      : [{ role: "author", signer: { name: note.author.name }, signedAt: note.signedAt }];
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {note.content.body.trim() || t("document.empty")}
        </Text>
      </Card>
      <SignaturesAndAddenda signatures={signatures} addenda={note.addenda} />
      {note.canAddAddendum && (
        <Group>
          <Button onClick={() => setAdding(true)}>{t("addendum.open")}</Button>
        </Group>
      )}
      {adding && (
        <NoteAddendumModal
          pending={addendum.isPending}
          add={(input) => addendum.mutateAsync(input)}
          onClose={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}

/**
 * /staff/participants/:id/counseling-notes/:noteId — one SUD counseling note. Whether it does not
 * exist or may not be read, the page says the same "not found".
 */
export function CounselingNotePage() {
  const { t, i18n } = useTranslation("sessionNotes");
  const { id = "", noteId = "" } = useParams();
  const note = useCounselingNote(noteId);
  usePageTitle(t("counseling.noteTitle"));
  const back = { backTo: counselingNotesPagePath(id), backLabel: t("counseling.back") };

  if (note.isPending) return <PageSkeleton />;
  if (note.isError)
    return note.error instanceof ApiError && (note.error.status === 404 || note.error.status === 403) ? (
      <NoteNotFound {...back} />
    ) : (
      <LoadError error={note.error} onRetry={() => void note.refetch()} title={t("states.loadError")} />
    );
  if (note.data.participantId !== id) return <NoteNotFound {...back} />;
  const n = note.data;
  return (
    <Stack maw={900} gap="md">
      <Anchor component={Link} to={back.backTo} size="sm">
        {back.backLabel}
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1}>{t("counseling.noteTitle")}</Title>
        <Badge variant="light" color={n.status === "signed" ? "green" : "gray"} tt="none">
          {t(`status.${n.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t("counseling.sessionOf", { date: formatDate(n.sessionDate, i18n.language) })} ·{" "}
        {t("document.author", { name: n.author.name })}
      </Text>
      <CounselingNoteNotice />
      {n.canEdit ? <CounselingNoteEditor key={n.id} note={n} /> : <CounselingNoteDocument note={n} />}
    </Stack>
  );
}

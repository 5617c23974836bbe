import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sessionNoteSigningIssues } from "../../../core/notes/note.rules";
import {
  NOTE_FORMATS,
  type NoteFormat,
  type NoteSection,
  type SessionNoteContent,
} from "../../../core/notes/note.schema";
import type { SessionNoteView } from "../../../core/notes/notes-api.schema";
import { ApiError, type ApiFieldError } from "../../app/api-client";
import { useSession } from "../../app/require-session";
import type { Appointment } from "../calendar/api/get-appointment";
import { useSiteStaff } from "../participants/api/get-site-staff";
import { getSessionNote, sessionNoteQuery } from "./api/session-note-get";
import { saveSessionNote } from "./api/session-note-save";
import { useSignSessionNote } from "./api/session-note-sign";
import { useNoteAutosave } from "./session-note-autosave";
import {
  AttendanceFact,
  EditorSection,
  InterventionFields,
  type NoteFieldErrors,
  ObjectiveFields,
  SectionFields,
  SessionDetailsFields,
} from "./session-note-fields";
import { editorPath, fieldId, sectionsDroppedBySwitch, switchFormat } from "./session-note-format";
import { NoteSaveStatusLine } from "./session-note-save-status";
import { NoteSignModal } from "./session-note-sign-modal";
import { formatSessionWhen, useSigningIssueText } from "./session-note-words";

interface Draft {
  format: NoteFormat;
  content: SessionNoteContent;
}

export interface NoteParticipant {
  id: string;
  name: string;
  siteId: string;
}

/** Supervisors at the site who may co-sign notes (not the signer). */
function useCosignerOptions(siteId: string, me: string, current: SessionNoteView["cosigner"]) {
  const staff = useSiteStaff(siteId, true, "notes.cosign");
  const options = (staff.data?.staff ?? [])
    .filter((s) => s.id !== me)
    .map((s) => ({ value: s.id, label: s.displayName }));
  if (current && !options.some((o) => o.value === current.id))
    options.push({ value: current.id, label: current.name });
  return options;
}

/** Focus the input a problem points at (after the page shows it). */
function focusField(path: string) {
  requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());
}

/**
 * The editor of an individual or family note: the session's details and attendance, the format
 * (DAP, BIRP or SOAP) and its sections, the plan objectives addressed, the interventions and the plan
 * for the next session. Each change is saved a moment after typing stops; signing checks what is
 * missing first (here, then on the server), marks each missing part on its field, then asks for the
 * password or a code (and the supervisor, for a supervisee).
 */
export function SessionNoteEditor({
  note,
  participant,
  appointment,
}: {
  note: SessionNoteView;
  participant: NoteParticipant;
  appointment: Appointment | null;
}) {
  const { t, i18n } = useTranslation("sessionNotes");
  const queryClient = useQueryClient();
  const session = useSession();
  const issueText = useSigningIssueText();
  const [draft, setDraft] = useState<Draft>({ format: note.format, content: note.content });
  const [pendingFormat, setPendingFormat] = useState<{ to: NoteFormat; dropped: NoteSection[] } | null>(null);
  const [saveErrors, setSaveErrors] = useState<ApiFieldError[]>([]);
  const [serverIssues, setServerIssues] = useState<{ fields: ApiFieldError[]; draft: Draft | null }>({
    fields: [],
    draft: null,
  });
  const [checked, setChecked] = useState(false);
  const [signing, setSigning] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const sign = useSignSessionNote(note.id);
  const cosignerOptions = useCosignerOptions(participant.siteId, session.user.id, note.cosigner);

  const autosave = useNoteAutosave<Draft>({
    revision: note.revision,
    save: async (d, revision) => {
      const saved = await saveSessionNote(note.id, { revision, format: d.format, content: d.content });
      queryClient.setQueryData(sessionNoteQuery(note.id).queryKey, (old) =>
        old
          ? {
              ...old,
              format: d.format,
              content: d.content,
              revision: saved.revision,
              updatedAt: saved.updatedAt,
            }
          : old,
      );
      return saved;
    },
    onFieldErrors: (errors) => setSaveErrors(errors.map((e) => ({ ...e, path: editorPath(e.path) }))),
  });
  // After a conflict the text stays editable (to copy from) but is not saved; a locked note is read-only.
  const stopped = autosave.status.kind === "conflict" || autosave.status.kind === "locked";

  const update = (next: Draft) => {
    setDraft(next);
    setFormError(null);
    autosave.change(next);
  };
  const setContent = (content: SessionNoteContent) => update({ ...draft, content });

  const currentObjectiveIds = useMemo(
    () => new Set(note.objectives.map((o) => o.objectiveId)),
    [note.objectives],
  );
  const liveIssues = useMemo(
    () =>
      sessionNoteSigningIssues({
        // The server decides when the session has ended; this page only warns.
        ended: Date.parse(note.endsAt) <= Date.now(),
        format: draft.format,
        content: draft.content,
        currentObjectiveIds,
      }),
    [draft, note.endsAt, currentObjectiveIds],
  );

  const errors: NoteFieldErrors = {};
  for (const e of saveErrors) errors[e.path] ??= e.message;
  if (checked) {
    const live = new Set(liveIssues.map((i) => i.field));
    for (const i of liveIssues) errors[i.field] ??= issueText(i);
    // The server's refusal stands until the text changes; then what this page finds takes over.
    for (const e of serverIssues.fields) {
      const clientChecks = /^(sections\.|objectives\.|nextSession$|session$)/.test(e.path);
      if (serverIssues.draft === draft || !clientChecks || live.has(e.path)) errors[e.path] ??= e.message;
    }
  }
  const summary = Object.entries(errors).filter(([path]) => path !== "");

  const chooseFormat = (value: string) => {
    const to = value as NoteFormat;
    if (to === draft.format) return;
    const dropped = sectionsDroppedBySwitch(draft.content.sections, draft.format, to);
    if (dropped.length > 0) setPendingFormat({ to, dropped });
    else update({ format: to, content: switchFormat(draft.content, to) });
  };

  const reloadTheirs = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({
        ...sessionNoteQuery(note.id),
        queryFn: () => getSessionNote(note.id),
        staleTime: 0,
      });
      setDraft({ format: fresh.format, content: fresh.content });
      autosave.resume(fresh.revision);
      setServerIssues({ fields: [], draft: null });
    } catch (error) {
      setFormError(error instanceof ApiError ? error.message : t("errors.generic"));
    } finally {
      setReloading(false);
    }
  };

  const startSigning = async () => {
    setFormError(null);
    const saved = await autosave.flush();
    if (!saved) {
      if (autosave.status.kind !== "conflict" && autosave.status.kind !== "locked")
        setFormError(t("editor.saveFirst"));
      return;
    }
    setChecked(true);
    setServerIssues({ fields: [], draft: null });
    if (liveIssues.length > 0) {
      const first = liveIssues.find((i) => i.field !== "session");
      if (first) focusField(first.field);
      return;
    }
    setSigning(true);
  };

  const incompleteOnServer = (error: unknown) => {
    if (!(error instanceof ApiError) || error.code !== "NOTE_INCOMPLETE") return false;
    const fields = error.fields.map((f) => ({ ...f, path: editorPath(f.path) }));
    setChecked(true);
    setServerIssues({ fields, draft });
    setSigning(false);
    const first = fields.find((f) => f.path !== "session");
    if (first) focusField(first.path);
    return true;
  };

  const booked = appointment?.familyAttendees ?? [];
  const calendarPath = `/staff/calendar?view=participant&site=${participant.siteId}&participant=${participant.id}&date=${note.sessionDate}`;
  const kindTitle = note.kind === "family" ? t("editor.titleFamily") : t("editor.titleIndividual");

  return (
    <Stack maw={900} gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/staff/participants/${participant.id}`} size="sm">
          {t("editor.backToRecord", { name: participant.name })}
        </Anchor>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={1}>{kindTitle}</Title>
          <Badge variant="light" color="gray" tt="none">
            {t("status.draft")}
          </Badge>
        </Group>
        <Text size="sm">
          {participant.name} ·{" "}
          {formatSessionWhen(note.startsAt, note.endsAt, i18n.language, appointment?.timeZone)}
        </Text>
        <NoteSaveStatusLine
          status={autosave.status}
          onReloadTheirs={() => void reloadTheirs()}
          reloading={reloading}
        />
      </Stack>

      {checked && summary.length > 0 && (
        <Alert color="red" role="alert" title={t("editor.incompleteTitle")}>
          <List size="sm" spacing={2}>
            {summary.map(([path, message]) => (
              <List.Item key={path}>
                {path === "session" ? (
                  message
                ) : (
                  <Anchor component="button" type="button" size="sm" onClick={() => focusField(path)}>
                    {message}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <fieldset
        disabled={autosave.status.kind === "locked"}
        style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
      >
        <Stack gap="md">
          <EditorSection title={t("editor.session")}>
            <Stack gap="sm">
              <AttendanceFact note={note} appointment={appointment} calendarPath={calendarPath} />
              <SessionDetailsFields
                content={draft.content}
                onChange={setContent}
                errors={errors}
                booked={booked}
              />
            </Stack>
          </EditorSection>

          <EditorSection title={t("editor.note")}>
            <Stack gap="sm">
              <div>
                <Text size="sm" fw={500} id="note-format-label" mb={4}>
                  {t("editor.format")}
                </Text>
                <SegmentedControl
                  aria-labelledby="note-format-label"
                  value={draft.format}
                  onChange={chooseFormat}
                  data={NOTE_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
                />
                <Text size="xs" c="dimmed" mt={4}>
                  {t(`formatHints.${draft.format}`)}
                </Text>
              </div>
              <SectionFields
                format={draft.format}
                content={draft.content}
                onChange={setContent}
                errors={errors}
              />
            </Stack>
          </EditorSection>

          <EditorSection title={t("editor.objectives")}>
            <ObjectiveFields
              options={note.objectives}
              content={draft.content}
              onChange={setContent}
              errors={errors}
            />
          </EditorSection>

          <EditorSection title={t("editor.interventions")}>
            <InterventionFields content={draft.content} onChange={setContent} errors={errors} />
          </EditorSection>

          <EditorSection title={t("editor.next")}>
            <Textarea
              id={fieldId("nextSession")}
              label={t("editor.nextSession")}
              description={t("editor.nextSessionHint")}
              autosize
              minRows={2}
              maxLength={1500}
              value={draft.content.nextSession}
              onChange={(e) => setContent({ ...draft.content, nextSession: e.currentTarget.value })}
              error={errors.nextSession}
            />
          </EditorSection>
        </Stack>
      </fieldset>

      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void startSigning()} disabled={stopped || !note.canEdit}>
          {t("editor.sign")}
        </Button>
        <Text size="sm" c="dimmed">
          {t("editor.signHint")}
        </Text>
      </Group>

      {pendingFormat && (
        <Modal
          opened
          onClose={() => setPendingFormat(null)}
          title={t("formatSwitch.title", { format: t(`formats.${pendingFormat.to}`) })}
        >
          <Stack>
            <Text size="sm">
              {t("formatSwitch.body", {
                format: t(`formats.${pendingFormat.to}`),
                sections: new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(
                  pendingFormat.dropped.map((s) => t(`sections.${s}`)),
                ),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPendingFormat(null)} data-autofocus>
                {t("formatSwitch.keep")}
              </Button>
              <Button
                color="red"
                onClick={() => {
                  update({
                    format: pendingFormat.to,
                    content: switchFormat(draft.content, pendingFormat.to),
                  });
                  setPendingFormat(null);
                }}
              >
                {t("formatSwitch.confirm")}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}

      {signing && (
        <NoteSignModal
          title={t("sign.title")}
          intro={t("sign.intro")}
          cosigner={{
            required: session.user.requiresCosign,
            options: cosignerOptions,
            initial: note.cosigner?.id ?? null,
          }}
          pending={sign.isPending}
          sign={async (proof, cosignerUserId) => {
            const signed = await sign.mutateAsync({
              revision: autosave.revision(),
              ...(cosignerUserId ? { cosignerUserId } : {}),
              ...proof,
            });
            notifications.show({
              color: "green",
              message: signed.status === "awaiting_cosign" ? t("sign.sentForCosign") : t("sign.signed"),
            });
          }}
          onRefused={incompleteOnServer}
          onClose={() => setSigning(false)}
        />
      )}
    </Stack>
  );
}

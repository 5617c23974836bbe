import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SECTIONS_BY_FORMAT } from "../../../core/notes/note.schema";
import type { SessionNoteView } from "../../../core/notes/notes-api.schema";
import { useSession } from "../../app/require-session";
import type { Appointment } from "../calendar/api/get-appointment";
import { useAddSessionNoteAddendum } from "./api/session-note-addendum";
import { useCosignSessionNote } from "./api/session-note-cosign";
import { NoteAddendumModal } from "./session-note-addendum-modal";
import type { NoteParticipant } from "./session-note-editor";
import { AttendanceFact, EditorSection } from "./session-note-fields";
import { NoteSignModal } from "./session-note-sign-modal";
import { formatInstant, formatSessionWhen } from "./session-note-words";

/** A labelled piece of the read-only note. */
function Part({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </div>
  );
}

/** The badge of a note's state (signed, awaiting a co-signature, draft) and a late entry. */
export function NoteStatusBadges({
  status,
  lateEntry,
}: {
  status: SessionNoteView["status"];
  lateEntry: boolean;
}) {
  const { t } = useTranslation("sessionNotes");
  const color = status === "signed" ? "green" : status === "awaiting_cosign" ? "yellow" : "gray";
  return (
    <Group gap={6}>
      <Badge variant="light" color={color} tt="none">
        {t(`status.${status}`)}
      </Badge>
      {lateEntry && (
        <Badge variant="light" color="orange" tt="none">
          {t("document.lateEntry")}
        </Badge>
      )}
    </Group>
  );
}

/** Signatures and addenda, in the order they were made. */
export function SignaturesAndAddenda({
  signatures,
  addenda,
}: {
  signatures: { role: string; signer: { name: string }; signedAt: string }[];
  addenda: { id: string; reason: string; body: string; author: { name: string }; createdAt: string }[];
}) {
  const { t, i18n } = useTranslation("sessionNotes");
  return (
    <>
      <EditorSection title={t("document.signatures")}>
        {signatures.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("document.noSignatures")}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {signatures.map((s) => (
              <List.Item key={`${s.role} ${s.signedAt}`}>
                {t(`document.signedAs.${s.role === "supervisor" ? "supervisor" : "author"}`, {
                  name: s.signer.name,
                  when: formatInstant(s.signedAt, i18n.language),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </EditorSection>
      <EditorSection title={t("document.addenda")}>
        {addenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("document.noAddenda")}
          </Text>
        ) : (
          <Stack gap="sm">
            {addenda.map((a) => (
              <Card key={a.id} withBorder padding="sm" component="article">
                <Text size="xs" c="dimmed">
                  {t("document.addendumBy", {
                    name: a.author.name,
                    when: formatInstant(a.createdAt, i18n.language),
                  })}
                </Text>
                <Text size="sm" fw={600} mt={4}>
                  {t("document.addendumReason", { reason: a.reason })}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {a.body}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </EditorSection>
    </>
  );
}

/**
 * A note that can no longer be edited (signed, awaiting co-signature, or someone else's draft), as a
 * read-only document: session, sections, objectives, interventions, next session, signatures and
 * addenda. A signed note takes addenda (with a reason, signed on writing); the note never changes.
 */
export function SessionNoteDocument({
  note,
  participant,
  appointment,
}: {
  note: SessionNoteView;
  participant: NoteParticipant;
  appointment: Appointment | null;
}) {
  const { t, i18n } = useTranslation("sessionNotes");
  const { permissions, user } = useSession();
  const [adding, setAdding] = useState(false);
  const [cosigning, setCosigning] = useState(false);
  const addendum = useAddSessionNoteAddendum(note.id);
  const cosign = useCosignSessionNote(note.id);
  const c = note.content;
  const objectiveText = new Map(note.objectives.map((o) => [o.objectiveId, o]));
  const interventions = [
    ...c.interventions.map((i) => t(`interventions.${i}`)),
    c.otherInterventions.trim(),
  ].filter((s) => s !== "");
  const calendarPath = `/staff/calendar?view=participant&site=${participant.siteId}&participant=${participant.id}&date=${note.sessionDate}`;
  const canAddAddendum = note.status === "signed" && permissions.includes("clinical.write");
  const canCosign = note.status === "awaiting_cosign" && note.cosigner?.id === user.id;

  return (
    <Stack maw={900} gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/staff/participants/${participant.id}`} size="sm">
          {t("editor.backToRecord", { name: participant.name })}
        </Anchor>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={1}>
            {note.kind === "family" ? t("editor.titleFamily") : t("editor.titleIndividual")}
          </Title>
          <NoteStatusBadges status={note.status} lateEntry={note.lateEntry} />
        </Group>
        <Text size="sm">
          {participant.name} ·{" "}
          {formatSessionWhen(note.startsAt, note.endsAt, i18n.language, appointment?.timeZone)}
        </Text>
        <Text size="sm" c="dimmed">
          {t("document.author", { name: note.author.name })}
          {note.cosigner && ` · ${t("document.cosigner", { name: note.cosigner.name })}`}
        </Text>
        {note.status === "awaiting_cosign" && (
          <Text size="sm">{t("document.awaitingCosign", { name: note.cosigner?.name ?? "" })}</Text>
        )}
        {note.status === "draft" && <Text size="sm">{t("document.draftReadOnly")}</Text>}
      </Stack>

      <EditorSection title={t("editor.session")}>
        <Stack gap="xs">
          <AttendanceFact note={note} appointment={appointment} calendarPath={calendarPath} />
          <Part label={t("details.setting")}>
            {t(`settings.${c.setting}`)}
            {c.place.trim() !== "" && ` · ${c.place}`}
          </Part>
          {c.attendees.length > 0 && (
            <Part label={t("details.others")}>
              {c.attendees
                .map((a) => t("document.attendee", { name: a.name, relationship: a.relationship }))
                .join(", ")}
            </Part>
          )}
        </Stack>
      </EditorSection>

      <EditorSection title={t("document.noteIn", { format: t(`formats.${note.format}`) })}>
        <Stack gap="sm">
          {SECTIONS_BY_FORMAT[note.format].map((s) => (
            <Part key={s} label={t(`sections.${s}`)}>
              {c.sections[s]?.trim() || t("document.empty")}
            </Part>
          ))}
        </Stack>
      </EditorSection>

      <EditorSection title={t("editor.objectives")}>
        {c.objectives.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("document.noObjectives")}
          </Text>
        ) : (
          <Stack gap="xs">
            {c.objectives.map((o) => (
              <Part
                key={o.objectiveId}
                label={objectiveText.get(o.objectiveId)?.statement ?? t("objectives.notInPlan")}
              >
                {o.progress ? t(`progress.${o.progress}`) : t("document.empty")}
                {o.comment.trim() !== "" && ` — ${o.comment}`}
              </Part>
            ))}
          </Stack>
        )}
      </EditorSection>

      <EditorSection title={t("editor.interventions")}>
        <Text size="sm">{interventions.length > 0 ? interventions.join(", ") : t("document.empty")}</Text>
      </EditorSection>

      <EditorSection title={t("editor.next")}>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {c.nextSession.trim() || t("document.empty")}
        </Text>
      </EditorSection>

      <SignaturesAndAddenda signatures={note.signatures} addenda={note.addenda} />

      {canCosign && (
        <Group>
          <Button onClick={() => setCosigning(true)}>{t("cosign.open")}</Button>
        </Group>
      )}
      {canAddAddendum && (
        <Group>
          <Button onClick={() => setAdding(true)}>{t("addendum.open")}</Button>
        </Group>
      )}
      {cosigning && (
        <NoteSignModal
          title={t("cosign.title")}
          intro={t("cosign.intro", { name: note.author.name })}
          cosigner={null}
          pending={cosign.isPending}
          sign={async (proof) => {
            await cosign.mutateAsync(proof);
            notifications.show({ color: "green", message: t("cosign.done") });
          }}
          onClose={() => setCosigning(false)}
        />
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

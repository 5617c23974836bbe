import {
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconFilePlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { addendumInputSchema } from "../../../core/notes/note.schema";
import type { GroupNoteRosterRow, GroupNoteScreen } from "../../../core/notes/notes-api.schema";
import { formatDateTime } from "../admin/format";
import { StaffSignModal } from "../treatment-plans/sign-modal";
import { useAddGroupNoteAddendum } from "./api/group-note-add-addendum";
import { rosterName } from "./group-note-words";

type SignedNote = NonNullable<GroupNoteScreen["note"]>;

/**
 * A note that is no longer a draft (signed, or awaiting co-signature), read-only: the shared part,
 * each participant's entry, the signatures and the addenda; a signed note takes addenda.
 */
export function GroupNoteReadOnly({
  screen,
  note,
  trackId,
  occurrenceKey,
}: {
  screen: GroupNoteScreen;
  note: SignedNote;
  trackId: string;
  occurrenceKey: string;
}) {
  const { t, i18n } = useTranslation("groupNote");
  const [adding, setAdding] = useState(false);
  const objectiveText = (row: GroupNoteRosterRow, id: string) =>
    row.objectives.find((o) => o.objectiveId === id)?.statement ?? t("objectives.unknown");
  const nameOf = (id: string | null) => {
    if (id === null) return t("signed.sharedPart");
    const row = screen.roster.find((r) => r.participantId === id);
    return row ? rosterName(row) : t("check.someone");
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="group-note-shared-title">
        <Stack gap="xs">
          <Title order={2} size="h3" id="group-note-shared-title">
            {t("shared.title")}
          </Title>
          <Text fw={600}>{note.shared.topic}</Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{note.shared.narrative}</Text>
        </Stack>
      </Paper>

      <section aria-labelledby="group-note-roster-title">
        <Title order={2} size="h3" id="group-note-roster-title" mb="xs">
          {t("roster.title")}
        </Title>
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-label={t("roster.label")}
        >
          {screen.roster.map((row) => {
            const entry = row.entry?.content;
            return (
              <Paper
                component="li"
                withBorder
                p="sm"
                key={row.participantId}
                aria-labelledby={`signed-${row.participantId}`}
              >
                <Group justify="space-between" gap="xs" mb={4}>
                  <Text component="h3" m={0} fw={700} id={`signed-${row.participantId}`}>
                    {rosterName(row)}
                  </Text>
                  {!row.attended && (
                    <Badge color="gray" variant="light" tt="none">
                      {t("signed.absent")}
                    </Badge>
                  )}
                </Group>
                {!entry ? (
                  <Text size="sm" c="dimmed">
                    {t("signed.noEntry")}
                  </Text>
                ) : (
                  <Stack gap={4}>
                    <Fact label={t("entry.participation")}>
                      {entry.participation
                        ? t(`participation.${entry.participation}`)
                        : t("signed.notWritten")}
                    </Fact>
                    {entry.moodAffect && <Fact label={t("entry.moodAffect")}>{entry.moodAffect}</Fact>}
                    <Fact label={t("entry.contribution")}>
                      {entry.contribution || t("signed.notWritten")}
                    </Fact>
                    {entry.objectives.length > 0 && (
                      <Fact label={t("objectives.title")}>
                        <List size="sm">
                          {entry.objectives.map((o) => (
                            <List.Item key={o.objectiveId}>
                              {objectiveText(row, o.objectiveId)}
                              {o.progress && ` — ${t(`progress.${o.progress}`)}`}
                              {o.comment && `: ${o.comment}`}
                            </List.Item>
                          ))}
                        </List>
                      </Fact>
                    )}
                    {entry.riskObservations && (
                      <Fact label={t("entry.riskObservations")}>{entry.riskObservations}</Fact>
                    )}
                    {entry.followUp && (
                      <Text size="sm" fw={600}>
                        {t("signed.followUp", { what: entry.followUpNote })}
                      </Text>
                    )}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </Stack>
      </section>

      <Paper withBorder p="md" component="section" aria-labelledby="group-note-signatures">
        <Title order={2} size="h3" id="group-note-signatures" mb="xs">
          {t("signed.signatures")}
        </Title>
        <List size="sm">
          {note.signatures.map((s) => (
            <List.Item key={`${s.role}:${s.signer.id}:${s.signedAt}`}>
              {t("signed.signature", {
                role: t(`signed.roles.${s.role}`),
                name: s.signer.name,
                when: formatDateTime(s.signedAt, i18n.language),
                method: t(`signed.methods.${s.method}`),
              })}
            </List.Item>
          ))}
        </List>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="group-note-addenda">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="group-note-addenda">
            {t("signed.addenda")}
          </Title>
          {note.status === "signed" && (
            <Button
              leftSection={<IconFilePlus size={18} aria-hidden />}
              variant="default"
              onClick={() => setAdding(true)}
            >
              {t("signed.add")}
            </Button>
          )}
        </Group>
        {note.addenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("signed.noAddenda")}
          </Text>
        ) : (
          <Stack gap="sm">
            {note.addenda.map((a) => (
              <Stack gap={2} key={a.id} className="group-note-addendum">
                <Text size="sm" c="dimmed">
                  {t("signed.addendum", {
                    when: formatDateTime(a.createdAt, i18n.language),
                    name: a.author.name,
                    part: nameOf(a.entryParticipantId),
                  })}
                </Text>
                <Text size="sm">{t("signed.reason", { reason: a.reason })}</Text>
                <Text style={{ whiteSpace: "pre-wrap" }}>{a.body}</Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Paper>
      {adding && (
        <AddendumDialog
          screen={screen}
          noteId={note.id}
          trackId={trackId}
          occurrenceKey={occurrenceKey}
          onClose={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </div>
  );
}

/** Write an addendum (which part, why, what), then sign it with the password or a code. */
function AddendumDialog({
  screen,
  noteId,
  trackId,
  occurrenceKey,
  onClose,
}: {
  screen: GroupNoteScreen;
  noteId: string;
  trackId: string;
  occurrenceKey: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("groupNote");
  const add = useAddGroupNoteAddendum(trackId, occurrenceKey);
  const [part, setPart] = useState<string>("shared");
  const [reason, setReason] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; body?: string }>({});
  const [signing, setSigning] = useState(false);
  const parts = [
    { value: "shared", label: t("addendum.sharedPart") },
    ...screen.roster
      .filter((r) => r.entry !== null)
      .map((r) => ({ value: r.participantId, label: rosterName(r) })),
  ];
  const input = {
    reason,
    body,
    ...(part === "shared" ? {} : { entryParticipantId: part }),
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const parsed = addendumInputSchema.safeParse(input);
    if (!parsed.success) {
      const found: typeof errors = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "reason") found.reason ??= t("addendum.reasonRequired");
        if (issue.path[0] === "body") found.body ??= t("addendum.bodyRequired");
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setSigning(true);
  };

  if (signing)
    return (
      <StaffSignModal
        title={t("addendum.title")}
        intro={null}
        successMessage={t("addendum.added")}
        pending={add.isPending}
        sign={(proof, callbacks) => add.mutate({ noteId, addendum: { ...input, ...proof } }, callbacks)}
        onClose={onClose}
      />
    );

  return (
    <Modal opened onClose={onClose} title={t("addendum.title")}>
      <form onSubmit={next} noValidate>
        <Stack>
          <Text size="sm">{t("addendum.intro")}</Text>
          <Select
            label={t("addendum.part")}
            data={parts}
            value={part}
            onChange={(value) => setPart(value ?? "shared")}
            allowDeselect={false}
          />
          <TextInput
            label={t("addendum.reason")}
            description={t("addendum.reasonHelp")}
            value={reason}
            maxLength={300}
            error={errors.reason}
            required
            data-autofocus
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Textarea
            label={t("addendum.body")}
            value={body}
            autosize
            minRows={4}
            maxLength={6000}
            error={errors.body}
            required
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("addendum.cancel")}
            </Button>
            <Button type="submit">{t("addendum.next")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

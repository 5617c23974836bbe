import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { counselingNoteCreateSchema } from "../../../core/notes/counseling-note-api.schema";
import { addDays } from "../../../core/platform/dates";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { EmptyState, LoadError, NoAccess, ScrollTable } from "../admin/page-states";
import { useCalendar } from "../calendar/api/get-calendar";
import { useParticipant } from "../participants/api/get-participant";
import { formatDate, formatTimeRange } from "../schedule/schedule-format";
import { useCounselingNotes } from "./api/counseling-note-get";
import { useCreateCounselingNote } from "./api/counseling-note-write";
import { CounselingNoteNotice } from "./counseling-note-notice";
import { PageSkeleton } from "./session-note-page";
import { useNoteRequestErrorText } from "./session-note-sign-modal";
import { formatInstant } from "./session-note-words";

/** Today's date on this device ("2026-11-26"). */
const deviceToday = (now: Date) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;

export const counselingNotesPagePath = (participantId: string) =>
  `/staff/participants/${participantId}/counseling-notes`;
export const counselingNotePagePath = (participantId: string, noteId: string) =>
  `${counselingNotesPagePath(participantId)}/${noteId}`;

/** Start a counseling note: the session's date, the appointment it was (optional), and the text. */
function NewCounselingNoteForm({ participantId, onCancel }: { participantId: string; onCancel: () => void }) {
  const { t, i18n } = useTranslation("sessionNotes");
  const navigate = useNavigate();
  const create = useCreateCounselingNote(participantId);
  const errorText = useNoteRequestErrorText();
  const [today] = useState(() => deviceToday(new Date()));
  const [sessionDate, setSessionDate] = useState(today);
  const [appointmentId, setAppointmentId] = useState<string | null>(null);
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const recent = useCalendar(
    { view: "participant", participantId, from: addDays(today, -27), to: today },
    true,
  );
  const appointments = (recent.data?.entries ?? [])
    .filter((e) => e.appointment !== null && e.status !== "cancelled")
    .sort((a, b) => b.date.localeCompare(a.date) || b.start.localeCompare(a.start));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = counselingNoteCreateSchema.safeParse({ sessionDate, appointmentId, content: { body } });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        found[path] ??= path === "sessionDate" ? t("counseling.dateRequired") : issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (note) => void navigate(counselingNotePagePath(participantId, note.id)),
      onError: (error) => {
        const fields = error instanceof ApiError ? error.fields : [];
        const next: Record<string, string> = {};
        for (const f of fields) next[f.path] ??= f.message;
        if (fields.length === 0) next.form = errorText(error);
        setErrors(next);
      },
    });
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="new-counseling-note-title">
      <form noValidate onSubmit={submit} aria-labelledby="new-counseling-note-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-counseling-note-title">
            {t("counseling.new")}
          </Title>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t("counseling.sessionDate")}
              max={today}
              value={sessionDate}
              onChange={(e) => setSessionDate(e.currentTarget.value)}
              error={errors.sessionDate}
              required
              w={190}
            />
            <Select
              label={t("counseling.appointment")}
              description={t("counseling.appointmentHint")}
              placeholder={t("counseling.noAppointment")}
              clearable
              data={appointments.map((e) => ({
                value: e.appointment!.id,
                label: `${formatDate(e.date, i18n.language)}, ${formatTimeRange(e.start, e.end, i18n.language)}`,
              }))}
              value={appointmentId}
              onChange={(value) => {
                setAppointmentId(value);
                const chosen = appointments.find((e) => e.appointment?.id === value);
                if (chosen) setSessionDate(chosen.date);
              }}
              error={errors.appointmentId}
              style={{ flex: "1 1 16rem" }}
            />
          </Group>
          <Textarea
            label={t("counseling.body")}
            description={t("counseling.bodyHint")}
            autosize
            minRows={4}
            maxLength={20000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors["content.body"]}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t("counseling.start")}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t("actions.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/**
 * /staff/participants/:id/counseling-notes — the participant's SUD counseling notes that the viewer
 * may read (their own; others' where the program's policy lets them), apart from the chart's notes.
 */
export function CounselingNotesPage() {
  const { t, i18n } = useTranslation("sessionNotes");
  const { id = "" } = useParams();
  const record = useParticipant(id);
  const list = useCounselingNotes(id);
  const [creating, setCreating] = useState(false);
  usePageTitle(t("counseling.title"));

  if (record.isPending || list.isPending) return <PageSkeleton />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  if (list.isError)
    return list.error instanceof ApiError && list.error.status === 403 ? (
      <NoAccess />
    ) : (
      <LoadError error={list.error} onRetry={() => void list.refetch()} title={t("states.loadError")} />
    );
  const r = record.data;
  const name = [r.preferredName || r.givenName, r.familyName].filter(Boolean).join(" ");
  const items = [...list.data.items].sort((a, b) => b.sessionDate.localeCompare(a.sessionDate));

  return (
    <Stack maw={900} gap="md">
      <Anchor component={Link} to={`/staff/participants/${id}`} size="sm">
        {t("editor.backToRecord", { name })}
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1}>{t("counseling.title")}</Title>
        {!creating && <Button onClick={() => setCreating(true)}>{t("counseling.new")}</Button>}
      </Group>
      <Text size="sm">{name}</Text>
      <CounselingNoteNotice />
      {creating && <NewCounselingNoteForm participantId={id} onCancel={() => setCreating(false)} />}
      {items.length === 0 ? (
        <EmptyState>{t("counseling.empty")}</EmptyState>
      ) : (
        <ScrollTable label={t("counseling.listLabel")} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("counseling.sessionDate")}</Table.Th>
              <Table.Th>{t("counseling.status")}</Table.Th>
              <Table.Th>{t("counseling.author")}</Table.Th>
              <Table.Th>{t("counseling.lastChange")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>
                  <Anchor component={Link} to={counselingNotePagePath(id, n.id)}>
                    {formatDate(n.sessionDate, i18n.language)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge variant="light" color={n.status === "signed" ? "green" : "gray"} tt="none">
                      {t(`status.${n.status}`)}
                    </Badge>
                    {n.addendaCount > 0 && (
                      <Text size="xs" c="dimmed">
                        {t("counseling.addendaCount", { count: n.addendaCount })}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{n.author.name}</Table.Td>
                <Table.Td>{formatInstant(n.updatedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}

import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  NOTE_INTERVENTIONS,
  NOTE_OBJECTIVE_PROGRESS,
  type NoteFormat,
  type NoteIntervention,
  type NoteObjectiveProgress,
  SECTIONS_BY_FORMAT,
  SESSION_SETTINGS,
  type SessionNoteContent,
  type SessionSetting,
} from "../../../core/notes/note.schema";
import type { SessionNoteView } from "../../../core/notes/notes-api.schema";
import type { Appointment } from "../calendar/api/get-appointment";
import { fieldId } from "./session-note-format";

/** The field errors shown, by the editor's path ("sections.data", "objectives.0.progress"). */
export type NoteFieldErrors = Record<string, string>;

interface FieldsProps {
  content: SessionNoteContent;
  onChange: (content: SessionNoteContent) => void;
  errors: NoteFieldErrors;
}

/** Setting, place and the others present (family members in a family session). */
export function SessionDetailsFields({
  content,
  onChange,
  errors,
  booked,
}: FieldsProps & { booked: Appointment["familyAttendees"] }) {
  const { t } = useTranslation("sessionNotes");
  const setAttendee = (index: number, change: Partial<SessionNoteContent["attendees"][number]>) =>
    onChange({
      ...content,
      attendees: content.attendees.map((a, i) => (i === index ? { ...a, ...change } : a)),
    });
  return (
    <Stack gap="sm">
      <Radio.Group
        id={fieldId("setting")}
        label={t("details.setting")}
        value={content.setting}
        onChange={(value) => onChange({ ...content, setting: value as SessionSetting })}
        error={errors.setting}
      >
        <Group gap="md" mt={4}>
          {SESSION_SETTINGS.map((s) => (
            <Radio key={s} value={s} label={t(`settings.${s}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        id={fieldId("place")}
        label={content.setting === "in_person" ? t("details.place") : t("details.service")}
        description={t("details.placeHint")}
        maxLength={200}
        value={content.place}
        onChange={(e) => onChange({ ...content, place: e.currentTarget.value })}
        error={errors.place}
      />
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={500}>
          {t("details.others")}
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          {t("details.othersHint")}
        </Text>
        <Stack gap="xs">
          {content.attendees.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
            <Group key={i} gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                id={fieldId(`attendees.${i}.name`)}
                label={t("details.attendeeName", { number: i + 1 })}
                value={a.name}
                maxLength={120}
                onChange={(e) => setAttendee(i, { name: e.currentTarget.value })}
                error={errors[`attendees.${i}.name`]}
                style={{ flex: "1 1 12rem" }}
              />
              <TextInput
                id={fieldId(`attendees.${i}.relationship`)}
                label={t("details.relationship", { number: i + 1 })}
                value={a.relationship}
                maxLength={60}
                onChange={(e) => setAttendee(i, { relationship: e.currentTarget.value })}
                error={errors[`attendees.${i}.relationship`]}
                style={{ flex: "1 1 9rem" }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t("details.removeAttendee", { number: i + 1 })}
                onClick={() =>
                  onChange({ ...content, attendees: content.attendees.filter((_, j) => j !== i) })
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={content.attendees.length >= 12}
              onClick={() =>
                onChange({ ...content, attendees: [...content.attendees, { name: "", relationship: "" }] })
              }
            >
              {t("details.addAttendee")}
            </Button>
            {booked.length > 0 && content.attendees.length === 0 && (
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  onChange({
                    ...content,
                    attendees: booked.map((b) => ({ name: b.name, relationship: b.relationship })),
                  })
                }
              >
                {t("details.addBooked", { count: booked.length })}
              </Button>
            )}
          </Group>
        </Stack>
      </fieldset>
    </Stack>
  );
}

/**
 * The session's attendance, recorded on the appointment in the calendar (read here only): the note's
 * own copy when the server sends it, else the appointment's.
 */
export function AttendanceFact({
  note,
  appointment,
  calendarPath,
}: {
  note: SessionNoteView;
  appointment: Appointment | null;
  calendarPath: string;
}) {
  const { t } = useTranslation("sessionNotes");
  const attendance = note.attendance ?? appointment?.attendance ?? null;
  return (
    <Text size="sm">
      <Text span fw={500}>
        {t("details.attendance")}:{" "}
      </Text>
      {attendance
        ? t("details.attendanceRecorded", {
            status: t(`schedule:statuses.${attendance.status}`),
            minutes: attendance.minutesAttended,
          })
        : t("details.attendanceMissing")}{" "}
      <Anchor component={Link} to={calendarPath} size="sm">
        {attendance ? t("details.attendanceChange") : t("details.attendanceRecord")}
      </Anchor>
    </Text>
  );
}

/** The format's sections, each a labelled text area with a line on what goes in it. */
export function SectionFields({ format, content, onChange, errors }: FieldsProps & { format: NoteFormat }) {
  const { t } = useTranslation("sessionNotes");
  return (
    <Stack gap="sm">
      {SECTIONS_BY_FORMAT[format].map((section) => (
        <Textarea
          key={section}
          id={fieldId(`sections.${section}`)}
          label={t(`sections.${section}`)}
          description={t(`sectionHints.${section}`)}
          autosize
          minRows={3}
          maxLength={6000}
          value={content.sections[section] ?? ""}
          onChange={(e) =>
            onChange({ ...content, sections: { ...content.sections, [section]: e.currentTarget.value } })
          }
          error={errors[`sections.${section}`]}
        />
      ))}
    </Stack>
  );
}

/** Objectives of the participant's current plan addressed in the session, each with progress and a comment. */
export function ObjectiveFields({
  options,
  content,
  onChange,
  errors,
}: FieldsProps & { options: SessionNoteView["objectives"] }) {
  const { t } = useTranslation("sessionNotes");
  const linked = new Map(content.objectives.map((o, i) => [o.objectiveId, i]));
  const unknown = content.objectives
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => !options.some((option) => option.objectiveId === o.objectiveId));
  const toggle = (objectiveId: string, on: boolean) =>
    onChange({
      ...content,
      objectives: on
        ? [...content.objectives, { objectiveId, progress: null, comment: "" }]
        : content.objectives.filter((o) => o.objectiveId !== objectiveId),
    });
  const set = (index: number, change: { progress?: NoteObjectiveProgress; comment?: string }) =>
    onChange({
      ...content,
      objectives: content.objectives.map((o, i) => (i === index ? { ...o, ...change } : o)),
    });

  return (
    <Stack gap="sm" id={fieldId("objectives")}>
      {errors.objectives && (
        <Text size="sm" c="var(--mantine-color-error)">
          {errors.objectives}
        </Text>
      )}
      {options.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("objectives.none")}
        </Text>
      )}
      {options.map((option) => {
        const index = linked.get(option.objectiveId);
        const chosen = index !== undefined ? content.objectives[index] : undefined;
        return (
          <Card key={option.objectiveId} withBorder padding="sm">
            <Checkbox
              label={option.statement}
              description={option.problemTitle}
              checked={chosen !== undefined}
              disabled={chosen === undefined && content.objectives.length >= 10}
              onChange={(e) => toggle(option.objectiveId, e.currentTarget.checked)}
            />
            {chosen && index !== undefined && (
              <Stack gap="xs" mt="sm" pl={{ base: 0, xs: 32 }}>
                <div id={fieldId(`objectives.${index}.progress`)} tabIndex={-1}>
                  <Text size="sm" fw={500} id={`objective-progress-${index}`} mb={4}>
                    {t("objectives.progress")}
                  </Text>
                  <SegmentedControl
                    aria-labelledby={`objective-progress-${index}`}
                    value={chosen.progress ?? ""}
                    onChange={(value) => set(index, { progress: value as NoteObjectiveProgress })}
                    data={NOTE_OBJECTIVE_PROGRESS.map((p) => ({ value: p, label: t(`progress.${p}`) }))}
                    fullWidth
                  />
                  {errors[`objectives.${index}.progress`] && (
                    <Text size="xs" c="var(--mantine-color-error)" mt={4}>
                      {errors[`objectives.${index}.progress`]}
                    </Text>
                  )}
                </div>
                <Textarea
                  id={fieldId(`objectives.${index}.comment`)}
                  label={t("objectives.comment")}
                  autosize
                  minRows={1}
                  maxLength={1000}
                  value={chosen.comment}
                  onChange={(e) => set(index, { comment: e.currentTarget.value })}
                  error={errors[`objectives.${index}.comment`]}
                />
              </Stack>
            )}
          </Card>
        );
      })}
      {unknown.map(({ o, i }) => (
        <Group key={o.objectiveId} gap="xs" id={fieldId(`objectives.${i}.objectiveId`)} tabIndex={-1}>
          <Text size="sm" c="var(--mantine-color-error)">
            {errors[`objectives.${i}.objectiveId`] ?? t("objectives.notInPlan")}
          </Text>
          <Button size="xs" variant="default" onClick={() => toggle(o.objectiveId, false)}>
            {t("objectives.remove")}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/** Interventions used: chips to tick, and others in words. */
export function InterventionFields({ content, onChange, errors }: FieldsProps) {
  const { t } = useTranslation("sessionNotes");
  return (
    <Stack gap="sm">
      <fieldset id={fieldId("interventions")} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Text component="legend" size="sm" fw={500} mb={6}>
          {t("interventions.label")}
        </Text>
        <Chip.Group
          multiple
          value={content.interventions}
          onChange={(value) =>
            onChange({
              ...content,
              interventions: NOTE_INTERVENTIONS.filter((i) => value.includes(i)) as NoteIntervention[],
            })
          }
        >
          <Group gap={6}>
            {NOTE_INTERVENTIONS.map((i) => (
              <Chip key={i} value={i} size="sm">
                {t(`interventions.${i}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </fieldset>
      <TextInput
        id={fieldId("otherInterventions")}
        label={t("interventions.other")}
        maxLength={300}
        value={content.otherInterventions}
        onChange={(e) => onChange({ ...content, otherInterventions: e.currentTarget.value })}
        error={errors.otherInterventions}
      />
    </Stack>
  );
}

/** A titled part of the editor. */
export function EditorSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

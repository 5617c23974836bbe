import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconAlertTriangle, IconCopy } from "@tabler/icons-react";
import { type KeyboardEvent, memo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ClonedEntryFinding } from "../../../core/notes/entry-similarity.schema";
import {
  type GroupEntryContent,
  PARTICIPATION_LEVELS,
  type ParticipationLevel,
} from "../../../core/notes/note.schema";
import type { GroupNoteRosterRow } from "../../../core/notes/notes-api.schema";
import { formatDate } from "../schedule/schedule-format";
import { useEarlierNoteDates } from "./api/group-note-earlier-entry";
import type { PartStatus } from "./group-note-autosave";
import { GroupNoteObjectives } from "./group-note-objectives";
import { callName, type EntryField, entryFieldId, percentOf, rosterName } from "./group-note-words";

export interface EntryCardProps {
  row: GroupNoteRosterRow;
  content: GroupEntryContent;
  index: number;
  total: number;
  attendancePath: string;
  status: PartStatus;
  findings: readonly ClonedEntryFinding[];
  /** The missing parts the server named for this participant, by field. */
  issues: Partial<Record<EntryField, string>>;
  /** Names of the others on the roster, for the cloned-entry reasons. */
  nameOf: (participantId: string) => string | undefined;
  onChange: (participantId: string, content: GroupEntryContent) => void;
  onMove: (from: HTMLElement, step: 1 | -1) => void;
}

const isAbsent = (row: GroupNoteRosterRow) => row.attendance !== null && !row.attended;

/**
 * One participant's individualized entry: who they are, their attendance (read from the attendance
 * record), then participation, mood and affect, what they contributed, the objectives of their plan
 * addressed, risk observations and a follow-up flag. Someone recorded absent is collapsed ("no entry
 * needed") unless an entry was written. Cloned-entry findings and missing parts show on the card.
 */
export const GroupNoteEntryCard = memo(function GroupNoteEntryCard({
  row,
  content,
  index,
  total,
  attendancePath,
  status,
  findings,
  issues,
  nameOf,
  onChange,
  onMove,
}: EntryCardProps) {
  const { t } = useTranslation("groupNote");
  const pid = row.participantId;
  const hasContent =
    content.participation !== null ||
    content.contribution.trim() !== "" ||
    content.moodAffect.trim() !== "" ||
    content.objectives.length > 0 ||
    content.riskObservations.trim() !== "";
  const [open, setOpen] = useState(!isAbsent(row) || hasContent);
  const nameId = `group-note-${pid}-name`;
  const set = (change: Partial<GroupEntryContent>) => onChange(pid, { ...content, ...change });
  const flagged = findings.length > 0;
  const problems = Object.keys(issues).length > 0;

  const onParticipationKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const level = PARTICIPATION_LEVELS[Number(event.key) - 1];
    if (!/^[1-4]$/.test(event.key) || !level || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    set({ participation: level });
    event.currentTarget.querySelector<HTMLInputElement>(`input[value="${level}"]`)?.focus();
  };

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      className="group-note-card"
      data-entry-card={pid}
      data-open={open || undefined}
      data-cloned={flagged || undefined}
      data-invalid={problems || undefined}
      aria-labelledby={nameId}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap" mb="xs">
        <Stack gap={2}>
          <Text id={nameId} component="h3" fw={700} size="lg" m={0}>
            {rosterName(row)}
          </Text>
          <Text size="xs" c="dimmed">
            {t("roster.position", { index: index + 1, total })}
          </Text>
        </Stack>
        <Group gap="xs" align="center" wrap="wrap">
          <AttendanceFacts row={row} />
          <Anchor component={Link} to={attendancePath} size="sm">
            {t("entry.changeAttendance")}
          </Anchor>
          <CardSaveState status={status} />
        </Group>
      </Group>

      {!open ? (
        <Group gap="sm" align="center">
          <Text size="sm" c="dimmed">
            {t("entry.absentCollapsed")}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)}>
            {t("entry.writeAnyway")}
          </Button>
        </Group>
      ) : (
        <Stack gap="sm">
          {flagged && <CloneReasons row={row} findings={findings} nameOf={nameOf} />}
          <div>
            <Text size="sm" fw={500} id={`${entryFieldId(pid, "participation")}-label`} mb={4}>
              {t("entry.participation")}
            </Text>
            <div
              id={entryFieldId(pid, "participation")}
              role="radiogroup"
              tabIndex={-1}
              aria-label={t("entry.participationFor", { name: callName(row) })}
              aria-invalid={issues.participation ? true : undefined}
              aria-describedby={
                issues.participation ? `${entryFieldId(pid, "participation")}-error` : undefined
              }
              className="group-note-choices"
              data-invalid={issues.participation ? true : undefined}
              data-first-field
              onKeyDown={onParticipationKey}
            >
              {PARTICIPATION_LEVELS.map((level: ParticipationLevel, i) => (
                <label key={level} className="group-note-choice">
                  <input
                    type="radio"
                    name={`group-note-${pid}-participation`}
                    value={level}
                    checked={content.participation === level}
                    onChange={() => set({ participation: level })}
                  />
                  <span aria-hidden className="group-note-choice-key">
                    {i + 1}
                  </span>
                  {t(`participation.${level}`)}
                </label>
              ))}
            </div>
            {issues.participation && (
              <Text
                id={`${entryFieldId(pid, "participation")}-error`}
                c="var(--mantine-color-error)"
                size="sm"
              >
                {issues.participation}
              </Text>
            )}
          </div>
          <TextInput
            id={entryFieldId(pid, "moodAffect")}
            label={t("entry.moodAffect")}
            maxLength={300}
            value={content.moodAffect}
            error={issues.moodAffect}
            onChange={(event) => set({ moodAffect: event.currentTarget.value })}
          />
          <Textarea
            id={entryFieldId(pid, "contribution")}
            label={t("entry.contribution")}
            description={t("entry.contributionHelp")}
            autosize
            minRows={3}
            maxLength={3000}
            value={content.contribution}
            error={issues.contribution}
            onChange={(event) => set({ contribution: event.currentTarget.value })}
          />
          <GroupNoteObjectives
            row={row}
            value={content.objectives}
            fieldId={entryFieldId(pid, "objectives")}
            error={issues.objectives}
            onChange={(objectives) => set({ objectives })}
          />
          <Textarea
            id={entryFieldId(pid, "riskObservations")}
            label={t("entry.riskObservations")}
            description={t("entry.riskHelp")}
            autosize
            minRows={1}
            maxLength={1500}
            value={content.riskObservations}
            error={issues.riskObservations}
            onChange={(event) => set({ riskObservations: event.currentTarget.value })}
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Checkbox
              label={t("entry.followUp")}
              checked={content.followUp}
              onChange={(event) => set({ followUp: event.currentTarget.checked })}
              mb={8}
            />
            {content.followUp && (
              <TextInput
                id={entryFieldId(pid, "followUpNote")}
                style={{ flex: "1 1 16rem" }}
                label={t("entry.followUpNote")}
                maxLength={500}
                value={content.followUpNote}
                error={issues.followUpNote}
                onChange={(event) => set({ followUpNote: event.currentTarget.value })}
              />
            )}
          </Group>
          <Group justify="flex-end" gap="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              disabled={index === 0}
              onClick={(event) => onMove(event.currentTarget, -1)}
              aria-label={`${t("entry.previous")} (Alt + ↑)`}
            >
              {t("entry.previous")}
            </Button>
            <Button
              variant="light"
              size="compact-sm"
              disabled={index === total - 1}
              onClick={(event) => onMove(event.currentTarget, 1)}
              aria-label={`${t("entry.next")} (Alt + ↓)`}
            >
              {t("entry.next")}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
});

/** Attendance as recorded (status and minutes), read-only here. */
function AttendanceFacts({ row }: { row: GroupNoteRosterRow }) {
  const { t } = useTranslation("groupNote");
  const { t: ts } = useTranslation("schedule");
  if (!row.attendance)
    return (
      <Badge color="orange" variant="light" tt="none">
        {t("entry.notRecorded")}
      </Badge>
    );
  const a = row.attendance;
  return (
    <Badge color={row.attended ? "green" : "gray"} variant="light" tt="none" size="lg">
      {ts(`statuses.${a.status}`)}
      {row.attended && ` · ${t("entry.minutes", { attended: a.minutesAttended, total: a.sessionMinutes })}`}
      {a.telehealth && ` · ${t("entry.telehealth")}`}
    </Badge>
  );
}

/** The entry's own save state, small, beside the name. */
function CardSaveState({ status }: { status: PartStatus }) {
  const { t } = useTranslation("groupNote");
  if (status.kind === "saving" || status.kind === "pending")
    return (
      <Text size="xs" c="dimmed">
        {t("entry.saving")}
      </Text>
    );
  if (status.kind === "saved")
    return (
      <Text size="xs" c="dimmed">
        {t("entry.saved")}
      </Text>
    );
  if (status.kind === "error" || status.kind === "conflict" || status.kind === "locked")
    return (
      <Text size="xs" c="var(--mantine-color-error)">
        {t("entry.notSaved")}
      </Text>
    );
  return null;
}

/** Why the entry was flagged by the cloned-entry check, in words. */
function CloneReasons({
  row,
  findings,
  nameOf,
}: {
  row: GroupNoteRosterRow;
  findings: readonly ClonedEntryFinding[];
  nameOf: (participantId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation("groupNote");
  const earlierIds = findings.flatMap((f) => (f.kind === "own_previous" && f.noteId ? [f.noteId] : []));
  const dates = useEarlierNoteDates(row.participantId, earlierIds);
  const reason = (f: ClonedEntryFinding) => {
    const percent = percentOf(f.similarity);
    if (f.kind === "same_note") {
      const name = (f.otherParticipantId && nameOf(f.otherParticipantId)) || t("check.someone");
      return f.identical
        ? t("check.sameNoteIdentical", { name })
        : t("check.sameNoteSimilar", { name, percent });
    }
    const date = f.noteId ? dates.get(f.noteId) : undefined;
    if (!date)
      return f.identical ? t("check.ownIdenticalUndated") : t("check.ownSimilarUndated", { percent });
    const day = formatDate(date, i18n.language);
    return f.identical
      ? t("check.ownIdentical", { date: day })
      : t("check.ownSimilar", { date: day, percent });
  };
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCopy aria-hidden />}
      className="group-note-clone"
      data-testid="clone-reasons"
    >
      <Stack gap={2}>
        {findings.map((f) => (
          <Text key={`${f.kind}:${f.otherParticipantId ?? f.noteId ?? ""}`} size="sm">
            <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> {reason(f)}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

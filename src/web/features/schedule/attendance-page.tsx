import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconArrowLeft, IconChecks, IconPrinter } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type AttendanceStatus, EDIT_REASON_MAX } from "../../../core/attendance/attendance.schema";
import type { Roster } from "../../../core/attendance/roster.schema";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { SessionModulePicker } from "../curriculum/session-module-picker";
import { GroupNoteLink } from "../notes/group-note-link";
import { rosterPath, rosterQuery, useRoster } from "./api/get-roster";
import { useRecordAttendance } from "./api/record-attendance";
import {
  checkDraft,
  countStatuses,
  type DraftErrors,
  type DraftRow,
  draftFromRoster,
  type FieldMessage,
  hasErrors,
  isChanged,
  markRestPresent,
  mergeReloadedRoster,
  noErrors,
  pendingRows,
  placeServerErrors,
  type StatusCounts,
  submissionOf,
  withStatus,
} from "./attendance-draft";
import { AttendanceRow, useMessageText } from "./attendance-row";
import { deviceTimeZone, formatDay, formatTimeRange, zoneAbbreviation } from "./schedule-format";
import "./schedule.css";

/** Taking attendance at one group session: /staff/groups/:trackId/:occurrenceKey/attendance. */
export function AttendancePage() {
  const { trackId = "", occurrenceKey = "" } = useParams();
  const { t } = useTranslation("schedule");
  const roster = useRoster(trackId, occurrenceKey);
  usePageTitle(
    roster.data
      ? t("attendance.pageTitle", { track: roster.data.occurrence.track.name })
      : t("attendance.title"),
  );
  return (
    <Stack maw={960} gap="md">
      <Anchor component={Link} to="/staff/groups" size="sm" style={{ alignSelf: "flex-start" }}>
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden />
          {t("attendance.back")}
        </Group>
      </Anchor>
      {roster.isPending && (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("attendance.title")}</VisuallyHidden>
          <Skeleton h={40} w="60%" />
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={120} />
          ))}
        </Stack>
      )}
      {roster.isError && (
        <LoadError
          error={roster.error}
          title={t("errors.loadRoster")}
          onRetry={() => void roster.refetch()}
        />
      )}
      {roster.data && (
        <AttendanceSheet roster={roster.data} trackId={trackId} occurrenceKey={occurrenceKey} />
      )}
      {roster.data && roster.data.occurrence.status !== "cancelled" && (
        <GroupNoteLink trackId={trackId} occurrenceKey={occurrenceKey} />
      )}
      {roster.data && <SessionModulePicker trackId={trackId} occurrenceKey={occurrenceKey} />}
    </Stack>
  );
}

function SessionHeading({ roster }: { roster: Roster }) {
  const { t, i18n } = useTranslation("schedule");
  const o = roster.occurrence;
  const time = formatTimeRange(o.start, o.end, i18n.language);
  const zone =
    o.track.timeZone !== deviceTimeZone() && o.startsAt
      ? ` ${zoneAbbreviation(o.track.timeZone, new Date(o.startsAt), i18n.language)}`
      : "";
  return (
    <Stack gap={4}>
      <Title order={1}>{o.track.name}</Title>
      <Text size="lg">
        {t("attendance.when", { day: formatDay(o.date, i18n.language), time: `${time}${zone}` })}
        {o.durationMinutes !== null && (
          <Text component="span" c="dimmed">
            {" · "}
            {t("attendance.length", { minutes: o.durationMinutes })}
          </Text>
        )}
      </Text>
    </Stack>
  );
}

/** The roster of a session that takes attendance, or why it does not. */
function AttendanceSheet({
  roster,
  trackId,
  occurrenceKey,
}: {
  roster: Roster;
  trackId: string;
  occurrenceKey: string;
}) {
  const { t } = useTranslation("schedule");
  const o = roster.occurrence;
  return (
    <>
      <SessionHeading roster={roster} />
      {o.status === "cancelled" ? (
        <Alert color="gray" variant="light">
          {o.exception?.reason
            ? t("attendance.cancelled", { reason: o.exception.reason })
            : t("attendance.cancelledNoReason")}
        </Alert>
      ) : o.durationMinutes === null ? (
        <Alert color="orange" variant="light">
          {t("attendance.timeProblem")}
        </Alert>
      ) : (
        <>
          {o.status === "moved" && o.exception && (
            <Text c="dimmed">{t("attendance.moved", { reason: o.exception.reason })}</Text>
          )}
          <AttendanceForm
            roster={roster}
            sessionMinutes={o.durationMinutes}
            trackId={trackId}
            occurrenceKey={occurrenceKey}
          />
        </>
      )}
    </>
  );
}

function AttendanceForm({
  roster,
  sessionMinutes,
  trackId,
  occurrenceKey,
}: {
  roster: Roster;
  sessionMinutes: number;
  trackId: string;
  occurrenceKey: string;
}) {
  const { t } = useTranslation("schedule");
  const text = useMessageText();
  const queryClient = useQueryClient();
  const record = useRecordAttendance();
  const telehealthByDefault = roster.occurrence.track.telehealth;
  const [rows, setRows] = useState<DraftRow[]>(() => draftFromRoster(roster));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<DraftErrors>(noErrors);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const pending = pendingRows(rows);
  const edits = rows.filter(isChanged).length;
  const counts = countStatuses(rows);
  const unsaved = pending.length > 0;

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const touched = useCallback(() => {
    setConfirmation(null);
    setNotice(null);
  }, []);
  const clearRowErrors = useCallback((participantId: string) => {
    setErrors((current) => {
      if (!current.rows[participantId]) return current;
      const { [participantId]: _, ...rest } = current.rows;
      return { ...current, rows: rest };
    });
  }, []);
  const onStatus = useCallback(
    (participantId: string, status: AttendanceStatus) => {
      setRows((current) =>
        current.map((row) =>
          row.participantId === participantId
            ? withStatus(row, status, sessionMinutes, telehealthByDefault)
            : row,
        ),
      );
      clearRowErrors(participantId);
      touched();
    },
    [sessionMinutes, telehealthByDefault, clearRowErrors, touched],
  );
  const onChange = useCallback(
    (participantId: string, change: Partial<DraftRow>) => {
      setRows((current) =>
        current.map((row) => (row.participantId === participantId ? { ...row, ...change } : row)),
      );
      clearRowErrors(participantId);
      touched();
    },
    [clearRowErrors, touched],
  );

  const markAll = () => {
    setRows((current) => markRestPresent(current, sessionMinutes, telehealthByDefault));
    setErrors((current) => ({
      ...current,
      rows: Object.fromEntries(
        Object.entries(current.rows).filter(([id]) => rows.find((r) => r.participantId === id)?.status),
      ),
    }));
    touched();
  };

  /** After a refusal: the reason box, else the first row with a problem, else the message. */
  const focusFirstProblem = (found: DraftErrors) => {
    requestAnimationFrame(() => {
      const firstRow = listRef.current?.querySelector<HTMLElement>(".attendance-row[data-invalid]");
      const target =
        firstRow?.querySelector<HTMLElement>('[aria-invalid="true"] input, input[aria-invalid="true"]') ??
        firstRow?.querySelector<HTMLElement>("input");
      if (target) target.focus();
      else if (found.reason) reasonRef.current?.focus();
      else problemsRef.current?.focus();
    });
  };

  const save = () => {
    setConfirmation(null);
    setNotice(null);
    const found = checkDraft(rows, sessionMinutes, reason);
    if (hasErrors(found)) {
      setErrors(found);
      focusFirstProblem(found);
      return;
    }
    setErrors(noErrors());
    if (pending.length === 0) {
      setNotice(t("attendance.nothingToSave"));
      return;
    }
    const sent = pending;
    record.mutate(
      { trackId, occurrenceKey, submission: submissionOf(sent, reason) },
      {
        onSuccess: (saved) => {
          setRows(draftFromRoster(saved));
          setReason("");
          setConfirmation(savedMessage(countStatuses(draftFromRoster(saved))));
          requestAnimationFrame(() => confirmationRef.current?.focus());
        },
        onError: (error) => {
          const placed = placeServerErrors(error, sent);
          setErrors(placed);
          focusFirstProblem(placed);
        },
      },
    );
  };

  const savedMessage = (c: StatusCounts) =>
    t("attendance.saved", {
      present: c.present,
      partial: c.late + c.left_early,
      absent: c.absent_excused + c.absent_unexcused,
    });

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...rosterQuery(trackId, occurrenceKey), staleTime: 0 });
      setRows((current) => mergeReloadedRoster(current, fresh));
      setErrors(noErrors());
    } catch {
      setErrors({ ...noErrors(), general: [{ key: "errors.network" }] });
    } finally {
      setReloading(false);
    }
  };

  const rowProblems = Object.keys(errors.rows).length;
  const isKey = (message: FieldMessage | undefined, key: string) =>
    message !== undefined && "key" in message && message.key === key;
  /** Someone changed the roster meanwhile: offer to read it again. */
  const stale =
    errors.general.some((m) => isKey(m, "errors.recordedMeanwhile")) ||
    Object.values(errors.rows).some((e) => isKey(e.status, "errors.notOnRoster"));

  if (rows.length === 0) return <Text>{t("attendance.emptyRoster")}</Text>;

  return (
    <>
      <Group gap="sm" wrap="wrap">
        <Button
          size="lg"
          leftSection={<IconChecks size={22} aria-hidden />}
          disabled={counts.unmarked === 0}
          onClick={markAll}
        >
          {counts.unmarked === rows.length ? t("attendance.markAllPresent") : t("attendance.markRestPresent")}
        </Button>
        <Button
          component="a"
          size="lg"
          variant="default"
          href={`${rosterPath(trackId, occurrenceKey)}/sign-in-sheet.pdf`}
          target="_blank"
          rel="noopener"
          leftSection={<IconPrinter size={22} aria-hidden />}
          aria-label={t("attendance.signInSheetLabel")}
        >
          {t("attendance.signInSheet")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" visibleFrom="sm">
        {t("attendance.keyboardHint")}
      </Text>

      {(errors.general.length > 0 || stale) && (
        <Alert color="red" variant="light" role="alert" ref={problemsRef} tabIndex={-1}>
          <Stack gap="xs">
            {errors.general.map((message) => (
              <Text key={text(message)} size="sm">
                {text(message)}
              </Text>
            ))}
            {stale && (
              <Group gap="sm">
                <Button variant="default" loading={reloading} onClick={() => void reload()}>
                  {t("attendance.reload")}
                </Button>
                <Text size="sm">{t("attendance.reloadHint")}</Text>
              </Group>
            )}
          </Stack>
        </Alert>
      )}

      <Stack
        component="ul"
        ref={listRef}
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: "none" }}
        aria-label={t("attendance.rosterLabel")}
      >
        {rows.map((row) => (
          <AttendanceRow
            key={row.participantId}
            row={row}
            sessionMinutes={sessionMinutes}
            telehealthAllowed={telehealthByDefault}
            errors={errors.rows[row.participantId]}
            onStatus={onStatus}
            onChange={onChange}
          />
        ))}
      </Stack>

      <Paper
        className="attendance-save-bar"
        withBorder
        shadow="md"
        p="sm"
        component="section"
        aria-label={t("attendance.counts.label")}
      >
        <Stack gap="sm">
          {confirmation && (
            <Alert color="green" variant="light" role="status" ref={confirmationRef} tabIndex={-1}>
              {confirmation}
            </Alert>
          )}
          {notice && (
            <Text size="sm" role="status">
              {notice}
            </Text>
          )}
          {edits > 0 && (
            <TextInput
              ref={reasonRef}
              size="md"
              label={t("attendance.reason.label")}
              description={t("attendance.reason.description", { count: edits })}
              placeholder={t("attendance.reason.placeholder")}
              required
              maxLength={EDIT_REASON_MAX + 50}
              value={reason}
              error={text(errors.reason)}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setErrors((current) => ({ ...current, reason: undefined }));
              }}
            />
          )}
          <Group justify="space-between" align="center" gap="sm" wrap="wrap">
            <Counts counts={counts} />
            <Button size="lg" className="attendance-save-button" loading={record.isPending} onClick={save}>
              {t("attendance.save")}
            </Button>
          </Group>
          {rowProblems > 0 && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {t("attendance.fixErrors", { count: rowProblems })}
            </Text>
          )}
        </Stack>
      </Paper>
    </>
  );
}

/** The running totals in the save bar: the statuses in use, and who is not marked yet. */
function Counts({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation("schedule");
  const absent = counts.absent_excused + counts.absent_unexcused;
  const parts = [
    t("attendance.counts.present", { count: counts.present }),
    counts.late > 0 && t("attendance.counts.late", { count: counts.late }),
    counts.left_early > 0 && t("attendance.counts.left_early", { count: counts.left_early }),
    absent > 0 && t("attendance.counts.absent", { count: absent }),
    counts.cancelled_by_program > 0 &&
      t("attendance.counts.cancelled_by_program", { count: counts.cancelled_by_program }),
    counts.unmarked > 0 && t("attendance.counts.unmarked", { count: counts.unmarked }),
  ].filter((part): part is string => typeof part === "string");
  return (
    <Text fw={600} fz={{ base: "sm", xs: "md" }}>
      {parts.join(" · ")}
    </Text>
  );
}

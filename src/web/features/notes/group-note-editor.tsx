import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClonedEntryFinding } from "../../../core/notes/entry-similarity.schema";
import {
  EMPTY_GROUP_ENTRY,
  type GroupEntryContent,
  type GroupSharedContent,
} from "../../../core/notes/note.schema";
import type { GroupNoteScreen } from "../../../core/notes/notes-api.schema";
import type { ApiFieldError } from "../../app/api-client";
import { useModules } from "../curriculum/api/get-modules";
import { moduleLanguageOf } from "../curriculum/curriculum-words";
import { attendancePath } from "../schedule/groups-page";
import { formatTime } from "../treatment-plans/plan-format";
import { groupNoteQuery } from "./api/group-note-get";
import { type PartStatus, SHARED_PART, useGroupNoteAutosave } from "./group-note-autosave";
import { GroupNoteEntryCard } from "./group-note-entry-card";
import { GroupNoteSignPanel } from "./group-note-sign";
import {
  callName,
  type EntryField,
  fieldElementId,
  findingsByParticipant,
  type IssueTarget,
  issueTarget,
  rosterName,
} from "./group-note-words";

/** The shared part a new note starts with: the planned module (its title as the topic), no narrative. */
export function initialShared(screen: GroupNoteScreen): GroupSharedContent {
  if (screen.note) return screen.note.shared;
  const planned = screen.plannedModule;
  return {
    moduleKey: planned?.key ?? null,
    moduleVersion: planned?.version ?? null,
    topic: planned?.title ?? "",
    narrative: "",
  };
}

const entriesOf = (screen: GroupNoteScreen) =>
  Object.fromEntries(screen.roster.map((r) => [r.participantId, r.entry?.content ?? EMPTY_GROUP_ENTRY]));

interface Issues {
  shared: Partial<Record<"topic" | "narrative", string>>;
  entries: Record<string, Partial<Record<EntryField, string>>>;
  /** Every missing part in the server's order, with where it is. */
  list: { target: IssueTarget; message: string; path: string }[];
}
const NO_ISSUES: Issues = { shared: {}, entries: {}, list: [] };

/** Place NOTE_INCOMPLETE's fields on the shared part and on each participant's card. */
export function placeIssues(fields: readonly ApiFieldError[]): Issues {
  const issues: Issues = { shared: {}, entries: {}, list: [] };
  for (const field of fields) {
    const target = issueTarget(field.path);
    issues.list.push({ target, message: field.message, path: field.path });
    if (target.part === "shared") issues.shared[target.field] ??= field.message;
    if (target.part === "entry") {
      const card = issues.entries[target.participantId] ?? {};
      card[target.field] ??= field.message;
      issues.entries[target.participantId] = card;
    }
  }
  return issues;
}

/** Move focus to the first field of a participant's card (the participation choice). */
function focusCard(card: Element) {
  const group = card.querySelector<HTMLElement>("[data-first-field]");
  const target =
    group?.querySelector<HTMLInputElement>("input:checked") ??
    group?.querySelector<HTMLInputElement>("input");
  (target ?? card.querySelector<HTMLElement>("button"))?.focus();
}

/**
 * The draft of a group note: the shared part written once, then one card per participant, with
 * Alt + ↓ / Alt + ↑ to go from one participant to the next while typing. Everything autosaves; the
 * check-and-sign panel closes the screen.
 */
export function GroupNoteEditor({
  screen,
  trackId,
  occurrenceKey,
  autosaveDelayMs,
  onDraftStarted,
}: {
  screen: GroupNoteScreen;
  trackId: string;
  occurrenceKey: string;
  autosaveDelayMs?: number;
  /** The first save created the note. */
  onDraftStarted?: () => void;
}) {
  const { t } = useTranslation("groupNote");
  const queryClient = useQueryClient();
  const autosave = useGroupNoteAutosave({ trackId, occurrenceKey, screen, delayMs: autosaveDelayMs });
  const [shared, setShared] = useState<GroupSharedContent>(() => initialShared(screen));
  const [entries, setEntries] = useState<Record<string, GroupEntryContent>>(() => entriesOf(screen));
  const [issues, setIssues] = useState<Issues>(NO_ISSUES);
  const [findings, setFindings] = useState<ClonedEntryFinding[]>([]);
  const [signConflict, setSignConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const issuesRef = useRef<HTMLDivElement>(null);
  autosave.setInitialShared(shared);
  const created = screen.note === null && autosave.noteId !== null;
  useEffect(() => {
    if (created) onDraftStarted?.();
  }, [created, onDraftStarted]);

  const names = useMemo(
    () => new Map(screen.roster.map((r) => [r.participantId, callName(r)])),
    [screen.roster],
  );
  const nameOf = useCallback((participantId: string) => names.get(participantId), [names]);
  const flagged = useMemo(() => findingsByParticipant(findings), [findings]);
  const attendedCount = screen.roster.filter((r) => r.attended).length;

  const changeShared = (change: Partial<GroupSharedContent>) => {
    const next = { ...shared, ...change };
    setShared(next);
    autosave.change(SHARED_PART, next);
    setIssues((current) => ({ ...current, shared: {} }));
  };
  const changeEntry = useCallback(
    (participantId: string, content: GroupEntryContent) => {
      setEntries((current) => ({ ...current, [participantId]: content }));
      autosave.change(participantId, content);
      setIssues((current) => {
        if (!current.entries[participantId]) return current;
        const { [participantId]: _, ...rest } = current.entries;
        return { ...current, entries: rest };
      });
    },
    [autosave.change],
  );

  const move = useCallback((from: HTMLElement, step: 1 | -1) => {
    const root = rootRef.current;
    if (!root) return;
    const cards = [...root.querySelectorAll("[data-entry-card][data-open]")];
    const current = from.closest("[data-entry-card]");
    const index = current ? cards.indexOf(current) : -1;
    const next = index === -1 ? (step === 1 ? cards[0] : undefined) : cards[index + step];
    if (next) focusCard(next);
    else if (index === 0 && step === -1)
      document.getElementById(fieldElementId({ part: "shared", field: "narrative" }))?.focus();
  }, []);

  /** Alt + ↓ / Alt + ↑ anywhere on the screen, even inside a text box or a choice. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    event.stopPropagation();
    move(event.target as HTMLElement, event.key === "ArrowDown" ? 1 : -1);
  };

  const showIncomplete = (fields: ApiFieldError[]) => {
    setIssues(placeIssues(fields));
    requestAnimationFrame(() => issuesRef.current?.focus());
  };

  const goTo = (target: IssueTarget) => {
    if (target.part === "session") return;
    const element = document.getElementById(fieldElementId(target));
    if (!element) return;
    if (element.getAttribute("role") === "radiogroup") {
      (element.querySelector<HTMLInputElement>("input:checked") ?? element.querySelector("input"))?.focus();
    } else element.focus();
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...groupNoteQuery(trackId, occurrenceKey), staleTime: 0 });
      autosave.adopt(fresh);
      setShared(initialShared(fresh));
      setEntries(entriesOf(fresh));
      setSignConflict(null);
      setIssues(NO_ISSUES);
    } finally {
      setReloading(false);
    }
  };

  return (
    <div ref={rootRef} onKeyDownCapture={onKeyDown} className="group-note-editor">
      <Stack gap="md">
        <SaveStatusLine
          status={autosave.overall}
          conflict={signConflict}
          onRetry={autosave.retry}
          onReload={() => void reload()}
          reloading={reloading}
        />
        {issues.list.length > 0 && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            ref={issuesRef}
            tabIndex={-1}
            title={t("sign.incompleteTitle")}
            icon={<IconAlertTriangle aria-hidden />}
          >
            <Text size="sm">{t("sign.incompleteIntro")}</Text>
            <List size="sm" mt={4}>
              {issues.list.map((issue) => (
                <List.Item key={`${issue.path}:${issue.message}`}>
                  {issue.target.part === "session" ? (
                    issue.message
                  ) : (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => goTo(issue.target)}
                      aria-label={`${issue.message} — ${t("sign.goTo", {
                        place:
                          issue.target.part === "shared"
                            ? t("sign.sharedPart")
                            : (nameOf(issue.target.participantId) ?? t("check.someone")),
                      })}`}
                    >
                      {issue.message}
                    </Anchor>
                  )}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <SharedPart shared={shared} screen={screen} errors={issues.shared} onChange={changeShared} />
        <section aria-labelledby="group-note-roster-title">
          <Group justify="space-between" align="baseline" wrap="wrap" mb="xs">
            <Title order={2} size="h3" id="group-note-roster-title">
              {t("roster.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("roster.count", { count: attendedCount })}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" mb="sm" className="group-note-hint">
            {t("roster.hint")}
          </Text>
          {screen.roster.length === 0 ? (
            <Text>{t("roster.empty")}</Text>
          ) : (
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-label={t("roster.label")}
            >
              {screen.roster.map((row, index) => (
                <GroupNoteEntryCard
                  key={row.participantId}
                  row={row}
                  content={entries[row.participantId] ?? EMPTY_GROUP_ENTRY}
                  index={index}
                  total={screen.roster.length}
                  attendancePath={attendancePath(trackId, occurrenceKey)}
                  status={autosave.statusOf(row.participantId)}
                  findings={flagged.get(row.participantId) ?? NO_FINDINGS}
                  issues={issues.entries[row.participantId] ?? NO_FIELD_ISSUES}
                  nameOf={nameOf}
                  onChange={changeEntry}
                  onMove={move}
                />
              ))}
            </Stack>
          )}
        </section>
        <GroupNoteSignPanel
          screen={screen}
          trackId={trackId}
          occurrenceKey={occurrenceKey}
          flush={autosave.flush}
          noteId={autosave.noteId}
          noteRevision={autosave.noteRevision}
          currentNoteId={autosave.currentNoteId}
          nameOf={(pid) => {
            const row = screen.roster.find((r) => r.participantId === pid);
            return row ? rosterName(row) : undefined;
          }}
          onFindings={setFindings}
          onIncomplete={showIncomplete}
          onConflict={setSignConflict}
        />
      </Stack>
    </div>
  );
}

const NO_FINDINGS: ClonedEntryFinding[] = [];
const NO_FIELD_ISSUES: Partial<Record<EntryField, string>> = {};

/** The module (from the library, the planned one by default) or the topic, and the shared narrative. */
function SharedPart({
  shared,
  screen,
  errors,
  onChange,
}: {
  shared: GroupSharedContent;
  screen: GroupNoteScreen;
  errors: Issues["shared"];
  onChange: (change: Partial<GroupSharedContent>) => void;
}) {
  const { t, i18n } = useTranslation("groupNote");
  const language = moduleLanguageOf(i18n.language);
  const library = useModules({ language, category: null, audience: null, includeArchived: false });
  const modules = library.data?.modules ?? [];
  const options = modules.map((m) => ({ value: m.key, label: m.title }));
  if (shared.moduleKey && !options.some((o) => o.value === shared.moduleKey)) {
    const planned = screen.plannedModule;
    options.unshift({
      value: shared.moduleKey,
      label: planned?.key === shared.moduleKey ? planned.title : shared.topic || shared.moduleKey,
    });
  }
  const titleOf = (key: string | null) => options.find((o) => o.value === key)?.label ?? "";

  const chooseModule = (key: string | null) => {
    const chosen = modules.find((m) => m.key === key);
    const previousTitle = titleOf(shared.moduleKey);
    const topicFollowsModule = shared.topic.trim() === "" || shared.topic === previousTitle;
    onChange({
      moduleKey: key,
      moduleVersion:
        key === null
          ? null
          : (chosen?.version ?? (key === screen.plannedModule?.key ? screen.plannedModule.version : null)),
      ...(topicFollowsModule ? { topic: key === null ? "" : titleOf(key) } : {}),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="group-note-shared-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="group-note-shared-title">
          {t("shared.title")}
        </Title>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            id="group-note-shared-module"
            style={{ flex: "1 1 18rem" }}
            label={t("shared.module")}
            description={t("shared.moduleHelp")}
            placeholder={t("shared.modulePlaceholder")}
            data={options}
            value={shared.moduleKey}
            onChange={chooseModule}
            searchable
            clearable
          />
          <TextInput
            id={fieldElementId({ part: "shared", field: "topic" })}
            style={{ flex: "1 1 18rem" }}
            label={t("shared.topic")}
            description={t("shared.topicHelp")}
            maxLength={200}
            value={shared.topic}
            error={errors.topic}
            onChange={(event) => onChange({ topic: event.currentTarget.value })}
          />
        </Group>
        <Textarea
          id={fieldElementId({ part: "shared", field: "narrative" })}
          label={t("shared.narrative")}
          description={t("shared.narrativeHelp")}
          autosize
          minRows={4}
          maxLength={6000}
          value={shared.narrative}
          error={errors.narrative}
          onChange={(event) => onChange({ narrative: event.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}

/** "Saved at 2:05 PM" / "Saving…" / "Not saved — retry", or the conflict with a reload. */
function SaveStatusLine({
  status,
  conflict,
  onRetry,
  onReload,
  reloading,
}: {
  status: PartStatus;
  conflict: string | null;
  onRetry: () => void;
  onReload: () => void;
  reloading: boolean;
}) {
  const { t, i18n } = useTranslation("groupNote");
  const conflictMessage = conflict ?? (status.kind === "conflict" ? status.message : null);
  if (conflictMessage !== null)
    return (
      <Alert
        color="orange"
        role="alert"
        title={t("autosave.conflictTitle")}
        icon={<IconAlertTriangle aria-hidden />}
      >
        <Text size="sm">{t("autosave.conflictBody", { message: conflictMessage })}</Text>
        <Button mt="sm" size="xs" onClick={onReload} loading={reloading}>
          {t("autosave.reload")}
        </Button>
      </Alert>
    );
  if (status.kind === "locked")
    return (
      <Alert color="red" role="alert">
        {t("autosave.locked", { message: status.message })}
      </Alert>
    );
  if (status.kind === "error")
    return (
      <Group gap="sm" role="alert">
        <Text size="sm" c="var(--mantine-color-error)">
          {t("autosave.error", { message: status.message })}
        </Text>
        <Button size="compact-sm" variant="default" onClick={onRetry}>
          {t("autosave.retry")}
        </Button>
      </Group>
    );
  const text =
    status.kind === "saving"
      ? t("autosave.saving")
      : status.kind === "pending"
        ? t("autosave.pending")
        : status.kind === "saved"
          ? t("autosave.saved", { time: formatTime(status.at, i18n.language) })
          : t("autosave.idle");
  return (
    <Text size="sm" c="dimmed" role="status" aria-live="polite" className="group-note-save-status">
      {text}
    </Text>
  );
}

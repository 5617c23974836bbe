import { Alert, Anchor, Badge, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconArrowLeft, IconClockExclamation } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GroupNoteScreen } from "../../../core/notes/notes-api.schema";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { PracticeReflectionsSection } from "../practice/staff/practice-reflections-section";
import { attendancePath } from "../schedule/groups-page";
import { formatDay } from "../schedule/schedule-format";
import { useGroupNote } from "./api/group-note-get";
import { GroupNoteEditor } from "./group-note-editor";
import { GroupNoteReadOnly } from "./group-note-signed";
import "./group-note.css";

/** Instant → "2:00 PM" in the reader's language (the session's instants, shown on this device). */
const timeOf = (iso: string, language: string, withZone = false) =>
  new Intl.DateTimeFormat(language, {
    hour: "numeric",
    minute: "2-digit",
    ...(withZone ? { timeZoneName: "short" as const } : {}),
  }).format(new Date(iso));

/** The group note of one session: /staff/groups/:trackId/:occurrenceKey/note. */
export function GroupNotePage({ autosaveDelayMs }: { autosaveDelayMs?: number } = {}) {
  const { trackId = "", occurrenceKey = "" } = useParams();
  const { t } = useTranslation("groupNote");
  const screen = useGroupNote(trackId, occurrenceKey);
  /** The first save of this visit created the draft (the screen was read before it existed). */
  const [draftStarted, setDraftStarted] = useState(false);
  usePageTitle(screen.data ? t("page.pageTitle", { track: screen.data.track.name }) : t("page.title"));
  return (
    <Stack maw={960} gap="md">
      <Anchor
        component={Link}
        to={attendancePath(trackId, occurrenceKey)}
        size="sm"
        style={{ alignSelf: "flex-start" }}
      >
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden />
          {t("page.back")}
        </Group>
      </Anchor>
      {screen.isPending && (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("page.title")}</VisuallyHidden>
          <Skeleton h={40} w="60%" />
          <Skeleton h={160} />
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={220} />
          ))}
        </Stack>
      )}
      {screen.isError && (
        <LoadError error={screen.error} title={t("page.loadError")} onRetry={() => void screen.refetch()} />
      )}
      {screen.data && (
        <>
          <GroupNoteHeader screen={screen.data} draftStarted={draftStarted} />
          {screen.data.note && screen.data.note.status !== "draft" ? (
            <GroupNoteReadOnly
              screen={screen.data}
              note={screen.data.note}
              trackId={trackId}
              occurrenceKey={occurrenceKey}
            />
          ) : screen.data.canEdit ? (
            <GroupNoteEditor
              key={screen.data.note?.id ?? "new"}
              screen={screen.data}
              trackId={trackId}
              occurrenceKey={occurrenceKey}
              autosaveDelayMs={autosaveDelayMs}
              onDraftStarted={() => setDraftStarted(true)}
            />
          ) : screen.data.note ? (
            <>
              <Alert color="gray" variant="light">
                {t("page.readOnly")}
              </Alert>
              <GroupNoteReadOnly
                screen={screen.data}
                note={screen.data.note}
                trackId={trackId}
                occurrenceKey={occurrenceKey}
              />
            </>
          ) : (
            <Alert color="gray" variant="light">
              {t("page.notStarted")}
            </Alert>
          )}
          <PracticeReflectionsSection trackId={trackId} occurrenceKey={occurrenceKey} />
        </>
      )}
    </Stack>
  );
}

/** Track, date and time, the planned module, the note's status (late entry labelled) and its author. */
function GroupNoteHeader({ screen, draftStarted }: { screen: GroupNoteScreen; draftStarted: boolean }) {
  const { t, i18n } = useTranslation("groupNote");
  const note = screen.note;
  const status = note?.status ?? (draftStarted ? "draft" : null);
  return (
    <Stack gap={4} component="header">
      <Text size="sm" c="dimmed" fw={600}>
        {t("page.title")}
      </Text>
      <Title order={1}>{screen.track.name}</Title>
      <Text size="lg">
        {t("page.when", {
          day: formatDay(screen.sessionDate, i18n.language),
          time: `${timeOf(screen.startsAt, i18n.language)} – ${timeOf(screen.endsAt, i18n.language, true)}`,
        })}
      </Text>
      <Text size="sm">
        {screen.plannedModule
          ? t("page.plannedModule", { title: screen.plannedModule.title })
          : t("page.noPlannedModule")}
      </Text>
      <Group gap="xs" mt={4}>
        <Badge
          color={status === "signed" ? "green" : status === "awaiting_cosign" ? "orange" : "gray"}
          variant="light"
          size="lg"
          tt="none"
        >
          {status ? t(`status.${status}`) : t("page.notStarted")}
        </Badge>
        {note?.lateEntry && (
          <Badge
            color="orange"
            variant="light"
            size="lg"
            tt="none"
            leftSection={<IconClockExclamation size={14} aria-hidden />}
          >
            {t("status.lateEntry")}
          </Badge>
        )}
        {note && (
          <Text size="sm" c="dimmed">
            {t("page.author", { name: note.author.name })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

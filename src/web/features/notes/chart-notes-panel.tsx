import { Anchor, Button, Card, Group, Skeleton, Stack, Text, VisuallyHidden } from "@mantine/core";
import {
  IconArrowLeft,
  IconLock,
  IconNotes,
  IconPencil,
  IconPrinter,
  IconSignature,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { NOTE_KINDS } from "../../../core/notes/note.schema";
import type { ChartNote } from "../../../core/notes/notes-api.schema";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { ApiError } from "../../app/api-client";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { LoadError } from "../admin/page-states";
import { PAGE_SIZES } from "../admin/pager";
import { useCurrentSession } from "../identity/api/get-current-session";
import type { ChartNotesQuery } from "./api/chart-notes-list";
import { useChartNote } from "./api/chart-notes-note";
import { ChartNoteAddendumModal } from "./chart-notes-addendum-modal";
import { ChartNoteCosignModal } from "./chart-notes-cosign";
import { ChartNoteDocument } from "./chart-notes-document";
import { ChartNotesList } from "./chart-notes-list";
import "./chart-notes.css";

/** The URL parameters of the Notes tab (beside `tab=notes`): the open note, the kind shown, the page. */
const PARAM = { note: "note", kind: "notesKind", page: "notesPage", pageSize: "notesPageSize" } as const;
const DEFAULT_PAGE_SIZE = 25;

export function chartQueryFrom(params: URLSearchParams): ChartNotesQuery {
  const kind = NOTE_KINDS.find((k) => k === params.get(PARAM.kind)) ?? null;
  const page = Number(params.get(PARAM.page));
  const size = Number(params.get(PARAM.pageSize));
  return {
    kind,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** Print only the note: the print stylesheet shows the document alone while the body carries the class. */
function printNote() {
  document.body.classList.add("chart-notes-printing");
  const done = () => {
    document.body.classList.remove("chart-notes-printing");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

/** What the viewer may do with an open note. */
function useNoteActions(note: ChartNote | undefined) {
  const session = useCurrentSession();
  const me = session.data;
  if (!note || !me) return { canCosign: false, canAddAddendum: false };
  return {
    canCosign:
      note.status === "awaiting_cosign" &&
      note.cosigner?.id === me.user.id &&
      me.permissions.includes("notes.cosign"),
    canAddAddendum: note.status !== "draft" && me.permissions.includes("clinical.write"),
  };
}

/** One note open in the tab, with back, print, editor, co-sign and addendum. */
function OpenNote({
  participantId,
  participantName,
  noteId,
  backTo,
}: {
  participantId: string;
  participantName: string;
  noteId: string;
  backTo: string;
}) {
  const { t } = useTranslation("chartNotes");
  const note = useChartNote(participantId, noteId);
  const { canCosign, canAddAddendum } = useNoteActions(note.data);
  const [dialog, setDialog] = useState<"cosign" | "addendum" | null>(null);

  const back = (
    <Anchor component={Link} to={backTo}>
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {t("document.back")}
      </Group>
    </Anchor>
  );
  if (note.isPending)
    return (
      <Stack role="status">
        <VisuallyHidden>{t("document.loading")}</VisuallyHidden>
        <Skeleton h={28} w="40%" />
        <Skeleton h={240} />
      </Stack>
    );
  if (note.isError)
    return (
      <Stack align="flex-start">
        {back}
        {note.error instanceof ApiError && note.error.status === 404 ? (
          <Text>{t("document.notFound")}</Text>
        ) : (
          <LoadError error={note.error} onRetry={() => void note.refetch()} title={t("document.loadError")} />
        )}
      </Stack>
    );

  const data = note.data;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" gap="xs">
        {back}
        <Group gap="xs" wrap="wrap">
          {canCosign && (
            <Button leftSection={<IconSignature size={16} aria-hidden />} onClick={() => setDialog("cosign")}>
              {t("cosign.action")}
            </Button>
          )}
          {canAddAddendum && (
            <Button
              variant="default"
              leftSection={<IconNotes size={16} aria-hidden />}
              onClick={() => setDialog("addendum")}
            >
              {t("addendum.action")}
            </Button>
          )}
          {data.kind !== "group" && (
            <Button
              component={Link}
              variant="default"
              to={`/staff/participants/${participantId}/notes/${data.id}`}
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t("document.openInEditor")}
            </Button>
          )}
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={printNote}>
            {t("document.print")}
          </Button>
        </Group>
      </Group>
      <ChartNoteDocument note={data} participantName={participantName} />
      {dialog === "cosign" && (
        <ChartNoteCosignModal
          participantId={participantId}
          noteId={data.id}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "addendum" && (
        <ChartNoteAddendumModal
          participantId={participantId}
          noteId={data.id}
          groupNote={data.kind === "group"}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

/**
 * The Notes tab of a participant's record: their signed notes (and those awaiting co-signature) as
 * a list, or one of them as a document. The open note, kind filter and page live in the URL.
 */
export function ChartNotesPanel({ record }: { record: ParticipantRecord }) {
  const permissions = useMyPermissions();
  const { t } = useTranslation("chartNotes");
  if (permissions.isPending) return <Skeleton h={160} />;
  if (!permissions.data?.includes("clinical.view"))
    return (
      <Card withBorder padding="md">
        <Group gap="xs">
          <IconLock size={16} aria-hidden />
          <Text>{t("list.notPermitted")}</Text>
        </Group>
      </Card>
    );
  return <ChartNotes record={record} />;
}

function ChartNotes({ record }: { record: ParticipantRecord }) {
  const [params, setParams] = useSearchParams();
  const noteId = params.get(PARAM.note);
  const name = `${record.preferredName || record.givenName} ${record.familyName}`;
  const withParams = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    return `?${next}`;
  };

  if (noteId)
    return (
      <OpenNote
        participantId={record.id}
        participantName={name}
        noteId={noteId}
        backTo={withParams((next) => next.delete(PARAM.note))}
      />
    );
  return (
    <Stack>
      <CounselingNotesLink participantId={record.id} />
      <ChartNotesList
        participantId={record.id}
        query={chartQueryFrom(params)}
        onQuery={(query) =>
          setParams((previous) => {
            const next = new URLSearchParams(previous);
            const set = (key: string, value: string | null) =>
              value === null ? next.delete(key) : next.set(key, value);
            set(PARAM.kind, query.kind);
            set(PARAM.page, query.page === 1 ? null : String(query.page));
            set(PARAM.pageSize, query.pageSize === DEFAULT_PAGE_SIZE ? null : String(query.pageSize));
            return next;
          })
        }
        noteLink={(id) => withParams((next) => next.set(PARAM.note, id))}
      />
    </Stack>
  );
}

/**
 * The way to the participant's SUD counseling notes, which are not in this list (42 CFR Part 2: kept
 * apart): for clinicians, who may write their own, and for those the program lets read others'.
 */
function CounselingNotesLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation("chartNotes");
  const permissions = useMyPermissions();
  const granted = permissions.data ?? [];
  if (!granted.includes("clinical.write") && !granted.includes("counseling_notes.view")) return null;
  return (
    <Anchor component={Link} to={`/staff/participants/${participantId}/counseling-notes`} size="sm">
      <Group gap={4} component="span">
        <IconLock size={14} aria-hidden />
        {t("list.counselingNotes")}
      </Group>
    </Anchor>
  );
}

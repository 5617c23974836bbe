import { Anchor, Box, Card, List, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type AddendumView,
  type GroupEntryContent,
  type GroupSharedContent,
  SECTIONS_BY_FORMAT,
  type SessionNoteContent,
} from "../../../core/notes/note.schema";
import type { ChartNote } from "../../../core/notes/notes-api.schema";
import { formatDateTime } from "../admin/format";
import { ChartNoteBadges } from "./chart-notes-status";
import { formatTime, useNoteTitle, useSessionDate } from "./chart-notes-words";

/** A labelled part of the document: its heading and what follows. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id} className="chart-note-part">
      <Title order={3} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Box>
  );
}

/** A term and its value in a definition list; blank text reads "Not recorded". */
function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation("chartNotes");
  const empty =
    children === null || children === undefined || (typeof children === "string" && !children.trim());
  return (
    <>
      <Text component="dt" size="sm" fw={600} mt="xs">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: "pre-wrap" }} c={empty ? "dimmed" : undefined}>
        {empty ? t("document.notRecorded") : children}
      </Text>
    </>
  );
}

/** The plan objectives a note or an entry addressed, with the progress seen and the comment. */
function Objectives({
  addressed,
  options,
}: {
  addressed: GroupEntryContent["objectives"];
  options: ChartNote["objectives"];
}) {
  const { t } = useTranslation("chartNotes");
  if (addressed.length === 0) return <Text c="dimmed">{t("document.noObjectives")}</Text>;
  const byId = new Map(options.map((o) => [o.objectiveId, o]));
  return (
    <List spacing="xs">
      {addressed.map((o) => {
        const option = byId.get(o.objectiveId);
        return (
          <List.Item key={o.objectiveId}>
            <Text span fw={600}>
              {option ? option.statement : t("document.notRecorded")}
            </Text>
            {option && (
              <Text span c="dimmed" size="sm">
                {` (${option.problemTitle})`}
              </Text>
            )}
            {o.progress && (
              <Text size="sm">{t("document.progressLabel", { progress: t(`progress.${o.progress}`) })}</Text>
            )}
            {o.comment.trim() && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {o.comment}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}

/** The shared part of a group note: the module or topic and the narrative written once for the group. */
function SharedPart({ shared }: { shared: GroupSharedContent }) {
  const { t } = useTranslation("chartNotes");
  return (
    <Part id="chart-note-shared" title={t("document.groupPart")}>
      <dl>
        {shared.moduleKey ? (
          <Field label={t("document.module")}>
            <Anchor
              component={Link}
              to={`/staff/curriculum/${encodeURIComponent(shared.moduleKey)}${
                shared.moduleVersion === null ? "" : `?version=${shared.moduleVersion}`
              }`}
            >
              {shared.topic || shared.moduleKey}
            </Anchor>
          </Field>
        ) : (
          <Field label={t("document.topic")}>{shared.topic}</Field>
        )}
        <Field label={t("document.narrative")}>{shared.narrative}</Field>
      </dl>
    </Part>
  );
}

/** This participant's own entry in a group note (the chart never carries anyone else's). */
function EntryPart({
  entry,
  objectives,
}: {
  entry: GroupEntryContent | null;
  objectives: ChartNote["objectives"];
}) {
  const { t } = useTranslation("chartNotes");
  return (
    <Part id="chart-note-entry" title={t("document.entryPart")}>
      {entry === null ? (
        <Text c="dimmed">{t("document.noEntry")}</Text>
      ) : (
        <>
          <dl>
            <Field label={t("document.participation")}>
              {entry.participation ? t(`participation.${entry.participation}`) : null}
            </Field>
            <Field label={t("document.moodAffect")}>{entry.moodAffect}</Field>
            <Field label={t("document.contribution")}>{entry.contribution}</Field>
          </dl>
          <Text size="sm" fw={600} mt="sm" mb={4}>
            {t("document.objectives")}
          </Text>
          <Objectives addressed={entry.objectives} options={objectives} />
          <dl>
            <Field label={t("document.riskObservations")}>{entry.riskObservations}</Field>
            <Field label={t("document.followUp")}>
              {entry.followUp
                ? t("document.followUpYes", { note: entry.followUpNote })
                : t("document.followUpNo")}
            </Field>
          </dl>
        </>
      )}
    </Part>
  );
}

/** An individual or family note: the session's details, the format's sections, objectives, interventions, next session. */
function SessionParts({
  content,
  format,
  objectives,
}: {
  content: SessionNoteContent;
  format: ChartNote["format"];
  objectives: ChartNote["objectives"];
}) {
  const { t } = useTranslation("chartNotes");
  const sections = format ? SECTIONS_BY_FORMAT[format] : [];
  return (
    <>
      <Part id="chart-note-details" title={t("document.sessionDetails")}>
        <dl>
          <Field label={t("document.setting")}>{t(`settings.${content.setting}`)}</Field>
          <Field label={t("document.place")}>{content.place}</Field>
          <Field label={t("document.attendees")}>
            {content.attendees.length === 0
              ? t("document.nobodyElse")
              : content.attendees.map((a) => t("document.attendee", a)).join(", ")}
          </Field>
        </dl>
      </Part>
      <Part id="chart-note-sections" title={t("document.sections")}>
        <dl>
          {sections.map((section) => (
            <Field key={section} label={t(`sections.${section}`)}>
              {content.sections[section] ?? ""}
            </Field>
          ))}
        </dl>
      </Part>
      <Part id="chart-note-objectives" title={t("document.objectives")}>
        <Objectives addressed={content.objectives} options={objectives} />
      </Part>
      <Part id="chart-note-interventions" title={t("document.interventions")}>
        {content.interventions.length === 0 && !content.otherInterventions.trim() ? (
          <Text c="dimmed">{t("document.noInterventions")}</Text>
        ) : (
          <List>
            {content.interventions.map((i) => (
              <List.Item key={i}>{t(`interventions.${i}`)}</List.Item>
            ))}
            {content.otherInterventions.trim() && (
              <List.Item>{t("document.otherInterventions", { text: content.otherInterventions })}</List.Item>
            )}
          </List>
        )}
      </Part>
      <Part id="chart-note-next" title={t("document.nextSession")}>
        <Text style={{ whiteSpace: "pre-wrap" }} c={content.nextSession.trim() ? undefined : "dimmed"}>
          {content.nextSession.trim() ? content.nextSession : t("document.notRecorded")}
        </Text>
      </Part>
    </>
  );
}

/** Who signed and co-signed, how and when; who is still to co-sign. */
function Signatures({ note }: { note: ChartNote }) {
  const { t, i18n } = useTranslation("chartNotes");
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const method = (m: "password" | "totp") => t("signatures.method", { method: t(`signatures.methods.${m}`) });
  const rows =
    note.signatures ??
    [
      note.signedAt
        ? { role: "author" as const, signer: note.author, method: null, signedAt: note.signedAt }
        : null,
      note.cosigner && note.cosignedAt
        ? { role: "supervisor" as const, signer: note.cosigner, method: null, signedAt: note.cosignedAt }
        : null,
    ].filter((row) => row !== null);
  return (
    <Part id="chart-note-signatures" title={t("signatures.title")}>
      <List spacing={4}>
        {rows.map((s) => (
          <List.Item key={`${s.role}:${s.signer.id}`}>
            {t(`signatures.${s.role}`, { name: s.signer.name, when: when(s.signedAt) })}
            {s.method && ` · ${method(s.method)}`}
          </List.Item>
        ))}
      </List>
      {note.status === "awaiting_cosign" && note.cosigner && (
        <Text mt="xs" fw={600}>
          {t("signatures.pending", { name: note.cosigner.name })}
        </Text>
      )}
    </Part>
  );
}

function Addenda({ addenda, group }: { addenda: readonly AddendumView[]; group: boolean }) {
  const { t, i18n } = useTranslation("chartNotes");
  return (
    <Part id="chart-note-addenda" title={t("addenda.title")}>
      {addenda.length === 0 ? (
        <Text c="dimmed">{t("addenda.none")}</Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {addenda.map((a) => (
            <Card key={a.id} component="li" withBorder padding="sm" className="chart-note-addendum">
              <Text size="sm" fw={600}>
                {t("addenda.byline", {
                  name: a.author.name,
                  when: formatDateTime(a.createdAt, i18n.language),
                })}
              </Text>
              {group && (
                <Text size="sm" c="dimmed">
                  {a.entryParticipantId ? t("addenda.aboutEntry") : t("addenda.aboutShared")}
                </Text>
              )}
              <Text size="sm">{t("addenda.reason", { reason: a.reason })}</Text>
              <Text mt={4} style={{ whiteSpace: "pre-wrap" }}>
                {a.body}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Part>
  );
}

/**
 * A note as a read-only document: what the session was, this participant's part in it (a group
 * note shows the shared part and their own entry, never another participant), signatures and
 * addenda. `participantName` heads the printed page.
 */
export function ChartNoteDocument({ note, participantName }: { note: ChartNote; participantName: string }) {
  const { t, i18n } = useTranslation("chartNotes");
  const title = useNoteTitle()(note);
  const date = useSessionDate()(note);
  return (
    <Card
      withBorder
      padding="lg"
      component="article"
      aria-labelledby="chart-note-title"
      className="chart-note-document"
    >
      <Stack gap="md">
        <Text className="chart-note-print-header" fw={700}>
          {t("document.printHeader", { name: participantName, date })}
        </Text>
        <div>
          <Title order={2} size="h3" id="chart-note-title">
            {t("document.heading", { title, date })}
          </Title>
          <Text c="dimmed">
            {t("document.when", {
              date,
              from: formatTime(note.startsAt, i18n.language),
              to: formatTime(note.endsAt, i18n.language),
            })}
            {" · "}
            {t(`document.kindNote.${note.kind}`)}
            {note.format && ` · ${t("document.format", { format: note.format })}`}
          </Text>
          <Box mt="xs">
            <ChartNoteBadges note={note} />
          </Box>
        </div>
        {note.kind === "group" ? (
          <>
            {note.shared && <SharedPart shared={note.shared} />}
            <EntryPart entry={note.entry} objectives={note.objectives} />
          </>
        ) : (
          note.content && (
            <SessionParts content={note.content} format={note.format} objectives={note.objectives} />
          )
        )}
        <Signatures note={note} />
        <Addenda addenda={note.addenda} group={note.kind === "group"} />
      </Stack>
    </Card>
  );
}

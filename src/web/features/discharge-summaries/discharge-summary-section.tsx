import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type DischargeSummary,
  SUMMARY_SECTIONS,
  type SummarySections,
} from "../../../core/discharge-summaries/discharge-summary.schema";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { ApiError } from "../../app/api-client";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { formatDateTime } from "../admin/format";
import { useGenerateDischargeSummary } from "./api/generate-discharge-summary";
import { useDischargeSummary } from "./api/get-discharge-summary";
import { useSaveDischargeSummary } from "./api/save-discharge-summary";
import { useSignDischargeSummary } from "./api/sign-discharge-summary";
import { summaryPath } from "./api/summary-path";

/**
 * The discharge summary in the chart's Discharge tab: generate a draft from the record, edit each
 * section and save (with what is unsaved shown), regenerate (confirmed: edits are replaced), sign once
 * the discharge is recorded (confirmed: signed is final), and the PDF.
 */
export function DischargeSummarySection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("dischargeSummaries");
  const query = useDischargeSummary(record.id);
  const permissions = useMyPermissions();
  const canWrite = (permissions.data ?? []).includes("clinical.write");
  const generate = useGenerateDischargeSummary(record.id);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="discharge-summary-title">
      <Stack gap="sm">
        <Title order={3} id="discharge-summary-title">
          {t("title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("intro")}
        </Text>
        {query.isPending ? (
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">{t("loading")}</Text>
          </Group>
        ) : query.isError ? (
          <Alert color="red" title={t("loadError")}>
            <Button variant="light" size="xs" onClick={() => void query.refetch()}>
              {t("retry")}
            </Button>
          </Alert>
        ) : !query.data.episode ? (
          <Text>{t("noEpisode")}</Text>
        ) : !query.data.summary ? (
          <Stack gap="xs" align="flex-start">
            <Text>{t("empty")}</Text>
            {canWrite ? (
              <Button loading={generate.isPending} onClick={() => generate.mutate({ replaceEdits: false })}>
                {t("generate")}
              </Button>
            ) : null}
            <MutationError error={generate.error} />
          </Stack>
        ) : (
          <SummaryEditor
            participantId={record.id}
            summary={query.data.summary}
            discharged={query.data.episode.discharged}
            canWrite={canWrite}
          />
        )}
      </Stack>
    </Paper>
  );
}

function MutationError({ error }: { error: Error | null }) {
  const { t } = useTranslation("dischargeSummaries");
  if (!error) return null;
  const conflict = error instanceof ApiError && error.code === "DISCHARGE_SUMMARY_EDIT_CONFLICT";
  return (
    <Alert color="red" role="alert">
      {conflict ? t("errors.conflict") : t("errors.generic", { message: error.message })}
      {error instanceof ApiError && error.fields.length > 0 ? (
        <ul>
          {error.fields.map((f) => (
            <li key={f.path}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function SummaryEditor(props: {
  participantId: string;
  summary: DischargeSummary;
  discharged: boolean;
  canWrite: boolean;
}) {
  const { participantId, summary, discharged } = props;
  const { t, i18n } = useTranslation("dischargeSummaries");
  const [text, setText] = useState<SummarySections>(summary.sections);
  const [confirm, setConfirm] = useState<"regenerate" | "sign" | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const save = useSaveDischargeSummary(participantId);
  const regenerate = useGenerateDischargeSummary(participantId);
  const sign = useSignDischargeSummary(participantId);

  // A newer version from the server (saved, regenerated, signed) becomes the text being edited.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the version changes
  useEffect(() => setText(summary.sections), [summary.version]);

  const signed = summary.status === "signed";
  const editable = props.canWrite && !signed;
  const dirty = SUMMARY_SECTIONS.some((key) => text[key] !== summary.sections[key]);
  const error = save.error ?? regenerate.error ?? sign.error;
  const signBlocked = !discharged ? t("signNeedsDischarge") : dirty ? t("signSaveFirst") : null;

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color={signed ? "green" : "gray"} variant={signed ? "filled" : "light"}>
          {t(`status.${summary.status}`)}
        </Badge>
        {summary.edited && !signed ? <Badge variant="outline">{t("edited")}</Badge> : null}
        {dirty ? (
          <Badge color="yellow" variant="light">
            {t("unsaved")}
          </Badge>
        ) : null}
        <Anchor href={`${summaryPath(participantId)}.pdf`} target="_blank" rel="noopener" size="sm">
          {t("pdf")}
        </Anchor>
      </Group>
      {signed && summary.signedAt ? (
        <Text size="sm">
          {t("signedBy", {
            name: summary.signedBy ?? "—",
            at: formatDateTime(summary.signedAt, i18n.language),
          })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t("generatedAt", { at: formatDateTime(summary.generatedAt, i18n.language) })}
        </Text>
      )}
      {!props.canWrite && !signed ? <Text size="sm">{t("readOnly")}</Text> : null}
      {SUMMARY_SECTIONS.map((key) => (
        <Textarea
          key={key}
          label={t(`sections.${key}`)}
          value={text[key]}
          readOnly={!editable}
          rows={4}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setJustSaved(false);
            setText((current) => ({ ...current, [key]: value }));
          }}
        />
      ))}
      <MutationError error={error} />
      {justSaved && !dirty ? (
        <Text size="sm" role="status">
          {t("saved")}
        </Text>
      ) : null}
      {editable ? (
        <Stack gap="xs">
          <Group gap="sm">
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { version: summary.version, sections: text },
                  { onSuccess: () => setJustSaved(true) },
                )
              }
            >
              {t("save")}
            </Button>
            <Button variant="default" onClick={() => setConfirm("regenerate")}>
              {t("regenerate")}
            </Button>
            <Button
              color="green"
              disabled={signBlocked !== null}
              aria-describedby={signBlocked ? "discharge-summary-sign-help" : undefined}
              onClick={() => setConfirm("sign")}
            >
              {t("sign")}
            </Button>
          </Group>
          {signBlocked ? (
            <Text size="sm" c="dimmed" id="discharge-summary-sign-help">
              {signBlocked}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <Modal opened={confirm === "regenerate"} onClose={() => setConfirm(null)} title={t("regenerateTitle")}>
        <Stack>
          <Text>{t("regenerateBody")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t("cancel")}
            </Button>
            <Button
              color="red"
              loading={regenerate.isPending}
              onClick={() => regenerate.mutate({ replaceEdits: true }, { onSettled: () => setConfirm(null) })}
            >
              {t("regenerateConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirm === "sign"} onClose={() => setConfirm(null)} title={t("signTitle")}>
        <Stack>
          <Text>{t("signBody")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t("cancel")}
            </Button>
            <Button
              color="green"
              loading={sign.isPending}
              onClick={() => sign.mutate({ version: summary.version }, { onSettled: () => setConfirm(null) })}
            >
              {t("signConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

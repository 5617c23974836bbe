import { Alert, Anchor, Button, Group, List, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconCopy, IconShieldCheck } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClonedEntryFinding } from "../../../core/notes/entry-similarity.schema";
import type { GroupNoteScreen } from "../../../core/notes/notes-api.schema";
import { ApiError, type ApiFieldError } from "../../app/api-client";
import { useSessionUser } from "../../app/require-session";
import { useSiteStaff } from "../participants/api/get-site-staff";
import { StaffSignModal } from "../treatment-plans/sign-modal";
import { getClonedEntries } from "./api/group-note-cloned-entries";
import { useSignGroupNote } from "./api/group-note-sign";
import { findingsByParticipant } from "./group-note-words";

type Check =
  | { kind: "none" }
  | { kind: "running" }
  | { kind: "unsaved" }
  | { kind: "failed"; message: string }
  | { kind: "done"; findings: ClonedEntryFinding[] };

/**
 * Checking and signing: everything typed is saved first, the cloned-entry check runs on the note as
 * saved (its findings show on the cards and here, as links), then the note is signed with the
 * password or a code, naming a supervisor when the account needs co-signature. A refusal for missing
 * parts goes back to the editor, which shows each one on its card.
 */
export function GroupNoteSignPanel({
  screen,
  trackId,
  occurrenceKey,
  flush,
  noteId,
  noteRevision,
  currentNoteId,
  nameOf,
  onFindings,
  onIncomplete,
  onConflict,
}: {
  screen: GroupNoteScreen;
  trackId: string;
  occurrenceKey: string;
  flush: () => Promise<boolean>;
  noteId: string | null;
  noteRevision: () => number | null;
  /** The note's id as of now (the save just made may have created it). */
  currentNoteId: () => string | null;
  nameOf: (participantId: string) => string | undefined;
  onFindings: (findings: ClonedEntryFinding[]) => void;
  onIncomplete: (fields: ApiFieldError[]) => void;
  onConflict: (message: string) => void;
}) {
  const { t } = useTranslation("groupNote");
  const user = useSessionUser();
  const [check, setCheck] = useState<Check>({ kind: "none" });
  const [signing, setSigning] = useState(false);
  const [needsCosigner, setNeedsCosigner] = useState(user.requiresCosign);
  const [cosigner, setCosigner] = useState<string | null>(null);
  const [cosignerError, setCosignerError] = useState<string | null>(null);
  const sign = useSignGroupNote(trackId, occurrenceKey);
  const resultRef = useRef<HTMLDivElement>(null);
  const staff = useSiteStaff(screen.track.siteId, needsCosigner, "notes.cosign");
  const supervisors = (staff.data?.staff ?? [])
    .filter((s) => s.id !== user.id)
    .map((s) => ({ value: s.id, label: s.displayName }));

  const runCheck = async () => {
    setCheck({ kind: "running" });
    const saved = await flush();
    const id = currentNoteId();
    if (!saved || id === null) {
      setCheck({ kind: "unsaved" });
      return;
    }
    try {
      const found = await getClonedEntries(id);
      onFindings(found.findings);
      setCheck({ kind: "done", findings: found.findings });
    } catch (error) {
      setCheck({ kind: "failed", message: error instanceof ApiError ? error.message : t("errors.generic") });
    }
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  const startSigning = () => {
    if (needsCosigner && cosigner === null) {
      setCosignerError(t("check.cosignerRequired"));
      return;
    }
    setSigning(true);
  };

  const flagged = check.kind === "done" ? findingsByParticipant(check.findings) : new Map();

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="group-note-sign-title"
      className="group-note-sign"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="group-note-sign-title">
          {t("check.title")}
        </Title>
        {!screen.ended && <Text size="sm">{t("page.notEnded")}</Text>}
        <div ref={resultRef} tabIndex={-1} aria-live="polite">
          {check.kind === "running" && <Text size="sm">{t("check.running")}</Text>}
          {check.kind === "unsaved" && (
            <Alert color="orange" role="alert">
              {t("check.saveFirst")}
            </Alert>
          )}
          {check.kind === "failed" && (
            <Alert color="red" role="alert">
              {t("check.failed", { message: check.message })}
            </Alert>
          )}
          {check.kind === "done" && check.findings.length === 0 && (
            <Alert color="green" variant="light" icon={<IconShieldCheck aria-hidden />}>
              {t("check.clean")}
            </Alert>
          )}
          {check.kind === "done" && check.findings.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconCopy aria-hidden />}>
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t("check.flagged", { count: flagged.size })}
                </Text>
                <List size="sm">
                  {[...flagged.keys()].map((pid: string) => (
                    <List.Item key={pid}>
                      <Anchor href={`#group-note-${pid}-participation`} size="sm">
                        {nameOf(pid) ?? t("check.someone")}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
                <Text size="sm">{t("check.mayStillSign")}</Text>
              </Stack>
            </Alert>
          )}
        </div>
        {needsCosigner && (
          <Select
            label={t("check.cosigner")}
            description={
              supervisors.length === 0 && staff.isSuccess ? t("check.noCosigners") : t("check.cosignerHelp")
            }
            data={supervisors}
            value={cosigner}
            onChange={(value) => {
              setCosigner(value);
              setCosignerError(null);
            }}
            error={cosignerError}
            searchable
            maw={420}
          />
        )}
        <Group gap="sm">
          <Button
            variant={check.kind === "done" ? "default" : "filled"}
            onClick={() => void runCheck()}
            loading={check.kind === "running"}
            disabled={!screen.ended}
          >
            {t("check.run")}
          </Button>
          {check.kind === "done" && (
            <Button onClick={startSigning} disabled={!screen.ended || noteId === null}>
              {t("check.sign")}
            </Button>
          )}
        </Group>
      </Stack>
      {signing && noteId && (
        <StaffSignModal
          title={t("sign.title")}
          intro={t("sign.intro")}
          successMessage={needsCosigner ? t("sign.sentForCosign") : t("sign.signed")}
          pending={sign.isPending}
          sign={(proof, callbacks) => {
            const revision = noteRevision();
            if (revision === null) return;
            sign.mutate(
              {
                noteId,
                signature: { revision, ...(needsCosigner ? { cosignerUserId: cosigner } : {}), ...proof },
              },
              {
                onSuccess: callbacks.onSuccess,
                onError: (error) => {
                  if (error instanceof ApiError && error.code === "NOTE_INCOMPLETE") {
                    setSigning(false);
                    onIncomplete(error.fields);
                  } else if (error instanceof ApiError && error.code === "NOTE_COSIGNER_REQUIRED") {
                    setSigning(false);
                    setNeedsCosigner(true);
                    setCosignerError(error.fields[0]?.message ?? error.message);
                  } else if (error instanceof ApiError && error.code === "NOTE_EDIT_CONFLICT") {
                    setSigning(false);
                    onConflict(error.message);
                  } else callbacks.onError(error);
                },
              },
            );
          }}
          onClose={() => setSigning(false)}
        />
      )}
    </Paper>
  );
}

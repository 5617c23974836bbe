import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Consent } from "../../../../core/consents/consent-api.schema";
import { ApiError } from "../../../app/api-client";
import { type ConsentAction, useActOnConsent } from "../api/act-on-consent";
import { useConsent } from "../api/get-participant-consents";

export type DialogKind = "sign" | "revoke" | "hold" | "materially_false" | "document" | "discard";

const fieldError = (error: unknown, path: string) =>
  error instanceof ApiError ? error.fields.find((f) => f.path === path)?.message : undefined;

/** One dialog for one action on one consent; destructive actions ask to confirm first. */
export function ConsentDialog({
  consent,
  kind,
  participantId,
  onClose,
}: {
  consent: Consent;
  kind: DialogKind;
  participantId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("consents");
  const act = useActOnConsent(participantId);
  const [role, setRole] = useState<"patient" | "parent_guardian">(
    consent.missingSigners.includes("patient") ? "patient" : "parent_guardian",
  );
  const [signerName, setSignerName] = useState(
    consent.missingSigners.includes("patient") ? consent.patientName : "",
  );
  const [recipientId, setRecipientId] = useState<string>("");
  const [statement, setStatement] = useState("");
  const [heardBy, setHeardBy] = useState("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);

  const run = (action: ConsentAction) =>
    act.mutate({ consentId: consent.id, action }, { onSuccess: () => onClose() });
  const failure = act.error instanceof Error && (
    <Alert color="red" role="alert">
      {t("section.failed", { message: act.error.message })}
    </Alert>
  );

  if (kind === "document") return <DocumentDialog consentId={consent.id} onClose={onClose} />;

  const titles: Record<Exclude<DialogKind, "document">, string> = {
    sign: t("signDialog.title"),
    revoke: t("revokeDialog.title"),
    hold: t("holdDialog.title"),
    materially_false: t("falseDialog.title"),
    discard: t("section.discard"),
  };

  return (
    <Modal opened onClose={onClose} title={titles[kind]} size="lg">
      <Stack gap="sm">
        {kind === "discard" && (
          <>
            <Text>{t("section.discardConfirm")}</Text>
            {failure}
            <Group>
              <Button color="red" loading={act.isPending} onClick={() => run({ kind: "void" })}>
                {t("section.discard")}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t("section.cancel")}
              </Button>
            </Group>
          </>
        )}
        {kind === "sign" && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              run({ kind: "sign", body: { role, signerName } });
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t("signDialog.intro")}</Text>
              {consent.requiredSigners.includes("parent_guardian") && (
                <Alert color="blue">{t("signDialog.guardianNeeded")}</Alert>
              )}
              <Select
                label={t("signDialog.role")}
                data={consent.missingSigners
                  .filter((r) => r !== "representative")
                  .map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                value={role}
                allowDeselect={false}
                error={fieldError(act.error, "role")}
                onChange={(value) => value && setRole(value as typeof role)}
              />
              <TextInput
                label={t("signDialog.signerName")}
                value={signerName}
                maxLength={200}
                required
                error={fieldError(act.error, "signerName")}
                onChange={(e) => setSignerName(e.currentTarget.value)}
              />
              {failure}
              <Group>
                <Button type="submit" loading={act.isPending} disabled={signerName.trim() === ""}>
                  {t("signDialog.submit")}
                </Button>
                <Button variant="default" onClick={onClose}>
                  {t("section.cancel")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {kind === "revoke" && (
          <Stack gap="sm">
            <Radio.Group label={t("revokeDialog.what")} value={recipientId} onChange={setRecipientId}>
              <Stack gap={4} mt={4}>
                <Radio value="" label={t("revokeDialog.whole")} />
                {consent.recipients
                  .filter((r) => r.revokedAt === null)
                  .map((r) => (
                    <Radio key={r.id} value={r.id} label={t("revokeDialog.recipient", { name: r.name })} />
                  ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t("revokeDialog.statement")}
              value={statement}
              maxLength={2000}
              autosize
              minRows={3}
              required
              error={fieldError(act.error, "writtenStatement")}
              onChange={(e) => setStatement(e.currentTarget.value)}
            />
            {confirming && <Alert color="orange">{t("revokeDialog.confirm")}</Alert>}
            {failure}
            <Group>
              <Button
                color="red"
                loading={act.isPending}
                disabled={statement.trim() === ""}
                onClick={() =>
                  confirming
                    ? run({
                        kind: "revoke",
                        body: { recipientId: recipientId || null, writtenStatement: statement },
                      })
                    : setConfirming(true)
                }
              >
                {confirming ? t("section.confirm") : t("revokeDialog.submit")}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t("section.cancel")}
              </Button>
            </Group>
          </Stack>
        )}
        {kind === "hold" && (
          <Stack gap="sm">
            <Text size="sm">{t("holdDialog.intro")}</Text>
            <TextInput
              label={t("holdDialog.heardBy")}
              value={heardBy}
              maxLength={200}
              required
              error={fieldError(act.error, "heardBy")}
              onChange={(e) => setHeardBy(e.currentTarget.value)}
            />
            <Textarea
              label={t("holdDialog.note")}
              value={note}
              maxLength={2000}
              autosize
              minRows={2}
              required
              error={fieldError(act.error, "note")}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            {failure}
            <Group>
              <Button
                loading={act.isPending}
                disabled={heardBy.trim() === "" || note.trim() === ""}
                onClick={() => run({ kind: "hold", body: { heardBy, note } })}
              >
                {t("holdDialog.submit")}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t("section.cancel")}
              </Button>
            </Group>
          </Stack>
        )}
        {kind === "materially_false" && (
          <Stack gap="sm">
            <Alert color="orange">{t("falseDialog.intro")}</Alert>
            <Textarea
              label={t("falseDialog.note")}
              value={note}
              maxLength={2000}
              autosize
              minRows={2}
              required
              error={fieldError(act.error, "note")}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            {failure}
            <Group>
              <Button
                color="red"
                loading={act.isPending}
                disabled={note.trim() === ""}
                onClick={() =>
                  confirming ? run({ kind: "materially_false", body: { note } }) : setConfirming(true)
                }
              >
                {confirming ? t("section.confirm") : t("falseDialog.submit")}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t("section.cancel")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

/** The consent's text as signed (or as a draft would read), printable, with its written revocations. */
function DocumentDialog({ consentId, onClose }: { consentId: string; onClose: () => void }) {
  const { t } = useTranslation("consents");
  const consent = useConsent(consentId);
  return (
    <Modal opened onClose={onClose} title={t("document.title")} size="xl">
      {consent.isPending ? (
        <Text>…</Text>
      ) : consent.isError ? (
        <Alert color="red">{t("section.loadError")}</Alert>
      ) : (
        <Stack gap="sm">
          <Text
            component="pre"
            style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}
            className="consent-document"
          >
            {consent.data.documentText}
          </Text>
          {consent.data.revocations.length > 0 && (
            <Stack gap={4}>
              <Text fw={700}>{t("document.revocations")}</Text>
              {consent.data.revocations.map((r) => (
                <Text key={r.id} size="sm">
                  {t("document.revocationLine", {
                    date: r.revokedAt.slice(0, 10),
                    what:
                      r.recipientId === null
                        ? t("revokeDialog.whole")
                        : (consent.data.recipients.find((x) => x.id === r.recipientId)?.name ?? ""),
                    statement: r.writtenStatement,
                  })}
                </Text>
              ))}
            </Stack>
          )}
          <Group>
            <Button onClick={() => window.print()}>{t("document.print")}</Button>
            <Button variant="default" onClick={onClose}>
              {t("document.close")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ConsentDraftInput } from "../../../../core/consents/consent.schema";
import type { Consent, ConsentState } from "../../../../core/consents/consent-api.schema";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { useHasPermission } from "../../admin/api/get-my-permissions";
import { useActOnConsent } from "../api/act-on-consent";
import { useParticipantConsents } from "../api/get-participant-consents";
import { useSaveConsentDraft } from "../api/save-consent-draft";
import { ConsentDialog, type DialogKind } from "./consent-dialogs";
import { ConsentForm, emptyDraft, MissingElements } from "./consent-form";

const STATE_COLORS: Record<ConsentState, string> = {
  draft: "gray",
  in_force: "teal",
  expired: "gray",
  revoked: "red",
  partly_revoked: "orange",
  on_hold: "yellow",
  void: "gray",
  materially_false: "red",
};

const draftOf = (c: Consent): ConsentDraftInput => ({
  kind: c.kind,
  patientName: c.patientName,
  disclosers: c.disclosers,
  informationScope: c.informationScope,
  informationDetail: c.informationDetail,
  recipients: c.recipients.map(({ id: _id, revokedAt: _r, ...r }) => r),
  purposes: c.purposes,
  purposeDetail: c.purposeDetail,
  expiresOn: c.expiresOn,
  expiryEvent: c.expiryEvent,
  refusalConsequences: c.refusalConsequences,
  revocableAfter: c.revocableAfter,
});

/**
 * The chart's consents (42 CFR Part 2): each with its state now; drafts with what they still lack;
 * "New consent" opens the form; sign, revoke in writing, hold, mark materially false, view and print.
 * `?consent=<id>` scrolls to and highlights one (alerts link there).
 */
export function ConsentsSection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("consents");
  const consents = useParticipantConsents(record.id);
  const canManage = useHasPermission("consents.manage");
  const save = useSaveConsentDraft(record.id);
  const [params] = useSearchParams();
  const highlight = params.get("consent");
  const [editing, setEditing] = useState<Consent | "new" | null>(null);

  useEffect(() => {
    if (!highlight || !consents.data) return;
    document.getElementById(`consent-${highlight}`)?.scrollIntoView({ block: "center" });
  }, [highlight, consents.data]);

  const patientName = `${record.givenName} ${record.familyName}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="consents-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="consents-title">
            {t("section.title")}
          </Title>
          {canManage && editing === null && (
            <Button
              onClick={() => {
                save.reset();
                setEditing("new");
              }}
            >
              {t("section.new")}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t("section.intro")}
        </Text>
        {editing !== null && (
          <ConsentForm
            key={editing === "new" ? "new" : editing.id}
            editing={editing !== "new"}
            initial={editing === "new" ? emptyDraft(patientName, record.site.name) : draftOf(editing)}
            saving={save.isPending}
            error={save.error}
            onCancel={() => setEditing(null)}
            onSave={(draft) =>
              save.mutate(
                {
                  participantId: record.id,
                  consentId: editing === "new" ? null : editing.id,
                  version: editing === "new" ? null : editing.version,
                  draft,
                },
                { onSuccess: () => setEditing(null) },
              )
            }
          />
        )}
        {consents.isPending ? (
          <Skeleton h={60} />
        ) : consents.isError ? (
          <Text role="alert">{t("section.loadError")}</Text>
        ) : consents.data.consents.filter((c) => c.state !== "void").length === 0 ? (
          <Text c="dimmed">{t("section.empty")}</Text>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
            {consents.data.consents
              .filter((c) => c.state !== "void")
              .map((c) => (
                <ConsentRow
                  key={c.id}
                  consent={c}
                  participantId={record.id}
                  canManage={canManage}
                  highlighted={c.id === highlight}
                  onEdit={() => {
                    save.reset();
                    setEditing(c);
                  }}
                />
              ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function ConsentRow({
  consent,
  participantId,
  canManage,
  highlighted,
  onEdit,
}: {
  consent: Consent;
  participantId: string;
  canManage: boolean;
  highlighted: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation("consents");
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const draft = consent.status === "draft";
  const signed = consent.status === "signed";
  const live = signed && !["revoked", "materially_false"].includes(consent.state);
  const expiry = consent.expiresOn ?? (consent.expiryEvent ? t(`expiryEvents.${consent.expiryEvent}`) : "—");
  const signable = consent.missingElements.length === 0;
  return (
    <Stack
      component="li"
      id={`consent-${consent.id}`}
      gap={6}
      p="sm"
      data-highlighted={highlighted || undefined}
      style={{
        borderRadius: "var(--mantine-radius-md)",
        border: highlighted
          ? "2px solid var(--mantine-primary-color-filled)"
          : "1px solid var(--mantine-color-default-border)",
      }}
    >
      <Group justify="space-between" gap="xs">
        <Text fw={700}>{t(`kinds.${consent.kind}`)}</Text>
        <Badge color={STATE_COLORS[consent.state]} variant="light" tt="none">
          {t(`states.${consent.state}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t("section.recipients", {
          names: consent.recipients
            .map((r) => (r.revokedAt ? t("section.revokedRecipient", { name: r.name }) : r.name))
            .join(", "),
        })}
      </Text>
      <Text size="sm">
        {consent.informationScope.map((s) => t(`scopes.${s}`)).join("; ")} ·{" "}
        {t("section.expires", { when: expiry })}
      </Text>
      {consent.signedAt && (
        <Text size="sm" c="dimmed">
          {t("section.signedOn", { date: consent.signedAt.slice(0, 10) })} —{" "}
          {consent.signatures
            .map((s) => `${t(`roles.${s.role}`)}: ${s.signerName} (${t(`methods.${s.method}`)})`)
            .join("; ")}
        </Text>
      )}
      {draft && consent.missingSigners.length > 0 && consent.signatures.length > 0 && (
        <Text size="sm">
          {t("section.waitingFor", { roles: consent.missingSigners.map((r) => t(`roles.${r}`)).join(", ") })}
        </Text>
      )}
      {consent.holdAt && <Text size="sm">{t("section.holdNote", { note: consent.holdNote })}</Text>}
      {consent.materiallyFalseAt && (
        <Text size="sm">{t("section.falseNote", { note: consent.materiallyFalseNote })}</Text>
      )}
      {draft && <MissingElements defects={consent.missingElements} />}
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => setDialog("document")}>
          {t("section.view")}
        </Button>
        {canManage && draft && (
          <>
            <Button size="xs" variant="default" onClick={onEdit}>
              {t("section.edit")}
            </Button>
            <Tooltip label={t("section.signDisabled")} disabled={signable}>
              <Button size="xs" disabled={!signable} onClick={() => setDialog("sign")}>
                {t("section.sign")}
              </Button>
            </Tooltip>
            <Button size="xs" variant="default" color="red" onClick={() => setDialog("discard")}>
              {t("section.discard")}
            </Button>
          </>
        )}
        {canManage && live && (
          <>
            <Button size="xs" color="red" variant="light" onClick={() => setDialog("revoke")}>
              {t("section.revoke")}
            </Button>
            {consent.holdAt ? (
              <ReleaseHold consent={consent} participantId={participantId} />
            ) : (
              <Button size="xs" variant="default" onClick={() => setDialog("hold")}>
                {t("section.hold")}
              </Button>
            )}
            <Button size="xs" variant="default" color="red" onClick={() => setDialog("materially_false")}>
              {t("section.markFalse")}
            </Button>
          </>
        )}
      </Group>
      {dialog && (
        <ConsentDialog
          consent={consent}
          kind={dialog}
          participantId={participantId}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

function ReleaseHold({ consent, participantId }: { consent: Consent; participantId: string }) {
  const { t } = useTranslation("consents");
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <ConfirmRelease
      consentId={consent.id}
      participantId={participantId}
      onDone={() => setConfirming(false)}
    />
  ) : (
    <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
      {t("section.release")}
    </Button>
  );
}

function ConfirmRelease({
  consentId,
  participantId,
  onDone,
}: {
  consentId: string;
  participantId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation("consents");
  const act = useActOnConsent(participantId);
  return (
    <Group gap={4}>
      <Button
        size="xs"
        loading={act.isPending}
        onClick={() => act.mutate({ consentId, action: { kind: "release" } }, { onSettled: onDone })}
      >
        {t("section.confirm")}
      </Button>
      <Button size="xs" variant="default" onClick={onDone}>
        {t("section.cancel")}
      </Button>
    </Group>
  );
}

import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { findMissingElements } from "../../../../core/consents/consent.rules";
import {
  CONSENT_KINDS,
  CONSENT_PURPOSES,
  type ConsentDefect,
  type ConsentDraftInput,
  DISCLOSER_TYPES,
  EXPIRY_EVENTS,
  INFORMATION_SCOPES,
  RECIPIENT_KINDS,
  type RecipientInput,
} from "../../../../core/consents/consent.schema";
import { ApiError } from "../../../app/api-client";

const emptyRecipient = (): RecipientInput => ({
  kind: "person",
  name: "",
  relationship: "",
  email: "",
  coveredEntity: false,
  intermediaryParticipants: "",
  generalDesignationTreatingOnly: false,
});

export const emptyDraft = (patientName: string, programName: string): ConsentDraftInput => ({
  kind: "named_recipient",
  patientName,
  disclosers: [{ type: "program", name: programName }],
  informationScope: [],
  informationDetail: "",
  recipients: [emptyRecipient()],
  purposes: [],
  purposeDetail: "",
  expiresOn: null,
  expiryEvent: null,
  refusalConsequences: "",
  revocableAfter: null,
});

/** Today on this computer's calendar (the server checks again on the site's calendar). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The live "What is still missing" list: each element by name and paragraph, the same rule the server runs. */
export function MissingElements({ defects }: { defects: readonly ConsentDefect[] }) {
  const { t } = useTranslation("consents");
  return (
    <Stack gap={4} aria-live="polite">
      <Title order={3} size="h5">
        {t("section.missingTitle")}
      </Title>
      {defects.length === 0 ? (
        <Text size="sm" c="teal.8">
          {t("form.nothingMissing")}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {defects.map((d) => (
            <List.Item key={`${d.field}-${d.message}`}>
              <Text span fw={600} size="sm">
                {t(`elements.${d.element}`)} ({d.paragraph})
              </Text>
              : {d.message}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/**
 * The consent draft form: every §2.31(a) element a field, kind-aware (TPO asks for the consequences
 * of refusing, criminal justice for the revocable-after date, an intermediary for its members), with
 * the live list of what is still missing. The server's field errors come back onto their fields.
 */
export function ConsentForm({
  initial,
  saving,
  error,
  onSave,
  onCancel,
  editing,
}: {
  initial: ConsentDraftInput;
  saving: boolean;
  error: unknown;
  onSave: (draft: ConsentDraftInput) => void;
  onCancel: () => void;
  editing: boolean;
}) {
  const { t } = useTranslation("consents");
  const [draft, setDraft] = useState<ConsentDraftInput>(initial);
  const set = <K extends keyof ConsentDraftInput>(key: K, value: ConsentDraftInput[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setRecipient = (i: number, patch: Partial<RecipientInput>) =>
    set(
      "recipients",
      draft.recipients.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  const missing = findMissingElements(draft, localToday());
  const serverFields = error instanceof ApiError ? error.fields : [];
  const errorOf = (path: string) => {
    const messages = [
      ...missing.filter((d) => d.field === path).map((d) => d.message),
      ...serverFields.filter((f) => f.path === path).map((f) => f.message),
    ];
    return messages.length > 0 ? [...new Set(messages)].join(" ") : undefined;
  };
  const options = <T extends string>(values: readonly T[], group: string) =>
    values.map((value) => ({ value, label: t(`${group}.${value}`) }));

  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <Title order={3} size="h5">
        {editing ? t("form.titleEdit") : t("form.titleNew")}
      </Title>
      <Select
        label={t("form.kind")}
        data={options(CONSENT_KINDS, "kinds")}
        value={draft.kind}
        allowDeselect={false}
        onChange={(value) => value && set("kind", value as ConsentDraftInput["kind"])}
      />
      <TextInput
        label={t("form.patientName")}
        value={draft.patientName}
        maxLength={200}
        error={errorOf("patientName")}
        onChange={(e) => set("patientName", e.currentTarget.value)}
      />
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t("form.disclosers")}
        </Text>
        {draft.disclosers.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <Group key={i} align="flex-end" wrap="nowrap">
            <Select
              label={t("form.discloserType")}
              data={options(DISCLOSER_TYPES, "discloserTypes")}
              value={d.type}
              allowDeselect={false}
              onChange={(value) =>
                value &&
                set(
                  "disclosers",
                  draft.disclosers.map((x, j) => (j === i ? { ...x, type: value as typeof d.type } : x)),
                )
              }
            />
            <TextInput
              label={t("form.discloserName")}
              value={d.name}
              maxLength={200}
              style={{ flex: 1 }}
              onChange={(e) => {
                const name = e.currentTarget.value;
                set(
                  "disclosers",
                  draft.disclosers.map((x, j) => (j === i ? { ...x, name } : x)),
                );
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("form.remove")}
              onClick={() =>
                set(
                  "disclosers",
                  draft.disclosers.filter((_, j) => j !== i),
                )
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {errorOf("disclosers") && (
          <Text c="red" size="sm">
            {errorOf("disclosers")}
          </Text>
        )}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          onClick={() => set("disclosers", [...draft.disclosers, { type: "named", name: "" }])}
        >
          {t("form.addDiscloser")}
        </Button>
      </Stack>
      <Checkbox.Group
        label={t("form.information")}
        value={[...draft.informationScope]}
        error={errorOf("informationScope")}
        onChange={(value) => set("informationScope", value as ConsentDraftInput["informationScope"])}
      >
        <Group gap="xs" mt={4}>
          {INFORMATION_SCOPES.map((s) => (
            <Checkbox key={s} value={s} label={t(`scopes.${s}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        label={t("form.informationDetail")}
        value={draft.informationDetail}
        maxLength={1000}
        autosize
        minRows={1}
        onChange={(e) => set("informationDetail", e.currentTarget.value)}
      />
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t("form.recipients")}
        </Text>
        {draft.recipients.map((r, i) => (
          <Stack
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            key={i}
            gap={4}
            p="xs"
            style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 8 }}
          >
            <Group align="flex-end" wrap="wrap">
              <Select
                label={t("form.recipientKind")}
                data={options(RECIPIENT_KINDS, "recipientKinds")}
                value={r.kind}
                allowDeselect={false}
                error={errorOf(`recipients.${i}.kind`)}
                onChange={(value) => value && setRecipient(i, { kind: value as RecipientInput["kind"] })}
              />
              <TextInput
                label={t("form.recipientName")}
                value={r.name}
                maxLength={200}
                style={{ flex: 1, minWidth: 200 }}
                error={errorOf(`recipients.${i}.name`)}
                onChange={(e) => setRecipient(i, { name: e.currentTarget.value })}
              />
              {r.kind === "person" && (
                <TextInput
                  label={t("form.relationship")}
                  value={r.relationship}
                  maxLength={100}
                  onChange={(e) => setRecipient(i, { relationship: e.currentTarget.value })}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("form.remove")}
                onClick={() =>
                  set(
                    "recipients",
                    draft.recipients.filter((_, j) => j !== i),
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {r.kind !== "person" && (
              <Checkbox
                label={t("form.coveredEntity")}
                checked={r.coveredEntity}
                onChange={(e) => setRecipient(i, { coveredEntity: e.currentTarget.checked })}
              />
            )}
            {r.kind === "intermediary" && (
              <>
                <Textarea
                  label={t("form.intermediaryParticipants")}
                  value={r.intermediaryParticipants}
                  maxLength={1000}
                  autosize
                  minRows={1}
                  error={errorOf(`recipients.${i}.intermediaryParticipants`)}
                  onChange={(e) => setRecipient(i, { intermediaryParticipants: e.currentTarget.value })}
                />
                <Checkbox
                  label={t("form.generalDesignation")}
                  checked={r.generalDesignationTreatingOnly}
                  onChange={(e) =>
                    setRecipient(i, { generalDesignationTreatingOnly: e.currentTarget.checked })
                  }
                />
              </>
            )}
          </Stack>
        ))}
        {errorOf("recipients") && (
          <Text c="red" size="sm">
            {errorOf("recipients")}
          </Text>
        )}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          onClick={() => set("recipients", [...draft.recipients, emptyRecipient()])}
        >
          {t("form.addRecipient")}
        </Button>
      </Stack>
      <Checkbox.Group
        label={t("form.purposes")}
        value={[...draft.purposes]}
        error={errorOf("purposes")}
        onChange={(value) => set("purposes", value as ConsentDraftInput["purposes"])}
      >
        <Group gap="xs" mt={4}>
          {CONSENT_PURPOSES.map((p) => (
            <Checkbox key={p} value={p} label={t(`purposes.${p}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        label={t("form.purposeDetail")}
        value={draft.purposeDetail}
        maxLength={1000}
        autosize
        minRows={1}
        onChange={(e) => set("purposeDetail", e.currentTarget.value)}
      />
      <Group align="flex-start" grow>
        <TextInput
          type="date"
          label={t("form.expiresOn")}
          value={draft.expiresOn ?? ""}
          error={errorOf("expiresOn")}
          onChange={(e) => set("expiresOn", e.currentTarget.value || null)}
        />
        <Select
          label={t("form.expiryEvent")}
          data={[{ value: "", label: t("form.noEvent") }, ...options(EXPIRY_EVENTS, "expiryEvents")]}
          value={draft.expiryEvent ?? ""}
          error={errorOf("expiryEvent")}
          onChange={(value) => set("expiryEvent", (value || null) as ConsentDraftInput["expiryEvent"])}
        />
      </Group>
      {draft.kind === "tpo" && (
        <Textarea
          label={t("form.refusalConsequences")}
          value={draft.refusalConsequences}
          maxLength={1000}
          autosize
          minRows={2}
          error={errorOf("refusalConsequences")}
          onChange={(e) => set("refusalConsequences", e.currentTarget.value)}
        />
      )}
      {(draft.kind === "criminal_justice" || draft.revocableAfter !== null) && (
        <TextInput
          type="date"
          label={t("form.revocableAfter")}
          value={draft.revocableAfter ?? ""}
          error={errorOf("revocableAfter")}
          onChange={(e) => set("revocableAfter", e.currentTarget.value || null)}
        />
      )}
      <MissingElements defects={missing} />
      {error instanceof ApiError && error.code === "CONSENT_VERSION_CONFLICT" && (
        <Alert color="orange" role="alert">
          {t("form.conflict")}
        </Alert>
      )}
      {error instanceof Error &&
        !(error instanceof ApiError && error.code === "CONSENT_VERSION_CONFLICT") && (
          <Alert color="red" role="alert">
            {t("section.failed", { message: error.message })}
          </Alert>
        )}
      <Group>
        <Button type="submit" loading={saving}>
          {t("form.save")}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t("section.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}

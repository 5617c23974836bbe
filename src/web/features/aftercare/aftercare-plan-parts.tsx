import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { aftercarePlanContentSchema } from "../../../core/aftercare/aftercare-plan.schema";
import type { AftercarePlan } from "../../../core/aftercare/aftercare-plan-api.schema";
import { ApiError } from "../../app/api-client";
import type { AftercareScope } from "./api/aftercare-scope";
import { conflictingAftercarePlan, useSaveAftercarePlan } from "./api/save-aftercare-plan";
import {
  AFTERCARE_PARTS,
  type AftercarePart,
  initialDraft,
  PART_FIELD,
  type PartDraft,
  PartEditor,
  type PartErrors,
} from "./part-editors";
import { PartReading } from "./part-reading";

/** Errors of one part, from full content paths (`stepDown.appointmentOn` → `appointmentOn`). */
function errorsOfPart(part: AftercarePart, issues: { path: string; message: string }[]): PartErrors {
  const field = PART_FIELD[part];
  const out: PartErrors = {};
  for (const issue of issues) {
    const path = issue.path.replace(/^content\./, "");
    if (path === field) out[""] = issue.message;
    else if (path.startsWith(`${field}.`)) out[path.slice(field.length + 1)] ??= issue.message;
  }
  return out;
}

/**
 * Every part of the aftercare plan, each read in plain words with its own Edit. A save sends the whole
 * plan from the version on screen, validated first by the same schema as the server; saving a signed
 * plan asks first, because the change removes the signatures.
 */
export function AftercarePlanParts({
  scope,
  plan,
  headingOrder,
  safetyPlanHref,
  canEdit = true,
}: {
  scope: AftercareScope;
  /** False for a reader without the right to write (the chart with clinical.view only). */
  canEdit?: boolean;
  plan: AftercarePlan;
  headingOrder: 2 | 3 | 4;
  safetyPlanHref?: string;
}) {
  const { t } = useTranslation("aftercare");
  const save = useSaveAftercarePlan(scope);
  const [editing, setEditing] = useState<AftercarePart | null>(null);
  const [draft, setDraft] = useState<PartDraft>(null);
  const [errors, setErrors] = useState<PartErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<{ tone: "ok" | "warn" | "error"; text: string } | null>(null);
  const signed = plan.participantSignedAt !== null || plan.staffSignedAt !== null;

  const start = (part: AftercarePart) => {
    setEditing(part);
    setDraft(initialDraft(part, plan.content));
    setErrors({});
    setNotice(null);
  };

  const submit = async (confirmed: boolean) => {
    if (!editing) return;
    const parsed = aftercarePlanContentSchema.safeParse({ ...plan.content, [PART_FIELD[editing]]: draft });
    if (!parsed.success) {
      setErrors(
        errorsOfPart(
          editing,
          parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        ),
      );
      return;
    }
    if (signed && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    try {
      const saved = await save.mutateAsync({ version: plan.version, content: parsed.data });
      setNotice(
        saved.signaturesCleared
          ? { tone: "warn", text: t("editing.signaturesCleared") }
          : { tone: "ok", text: t("editing.saved") },
      );
      setEditing(null);
    } catch (error) {
      if (conflictingAftercarePlan(error)) {
        setNotice({ tone: "error", text: t("editing.conflict", { message: (error as Error).message }) });
        setEditing(null);
      } else if (error instanceof ApiError && error.fields.length > 0) {
        setErrors(errorsOfPart(editing, error.fields));
      } else {
        setNotice({ tone: "error", text: (error as Error).message });
      }
    }
  };

  return (
    <Stack gap="md">
      {notice && (
        <Alert
          role={notice.tone === "error" ? "alert" : "status"}
          color={notice.tone === "ok" ? "green" : notice.tone === "warn" ? "yellow" : "red"}
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel={t("actions.cancel")}
        >
          {notice.text}
        </Alert>
      )}
      {AFTERCARE_PARTS.map((part) => (
        <Card
          key={part}
          withBorder
          padding="md"
          component="section"
          aria-labelledby={`aftercare-part-${part}`}
        >
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={headingOrder} size="h4" id={`aftercare-part-${part}`}>
                {t(`parts.${part}`)}
              </Title>
              {canEdit && editing !== part && (
                <Button
                  variant="light"
                  size="sm"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  aria-label={t("actions.editPart", { part: t(`parts.${part}`) })}
                  onClick={() => start(part)}
                >
                  {t("actions.edit")}
                </Button>
              )}
            </Group>
            {editing === part ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void submit(false);
                }}
              >
                <Stack gap="sm">
                  <PartEditor part={part} draft={draft} errors={errors} onChange={setDraft} />
                  <Group>
                    <Button type="submit" loading={save.isPending}>
                      {t("actions.save")}
                    </Button>
                    <Button variant="default" onClick={() => setEditing(null)}>
                      {t("actions.cancel")}
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : (
              <PartReading part={part} plan={plan} safetyPlanHref={safetyPlanHref} />
            )}
          </Stack>
        </Card>
      ))}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("editing.clearConfirmTitle")}>
        <Stack>
          <Text>{t("editing.clearConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("actions.cancel")}
            </Button>
            <Button color="orange" loading={save.isPending} onClick={() => void submit(true)}>
              {t("editing.clearConfirmButton")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

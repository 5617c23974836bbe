import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  computeChangedSections,
  type PlanContent,
  sectionShape,
  sectionsOf,
  tidyPlanContent,
} from "../../../core/personal-plans/personal-plan.rules";
import type {
  PersonalPlan,
  PersonalPlanKind,
  PlanContact,
  SavePersonalPlanInput,
} from "../../../core/personal-plans/personal-plan.schema";
import { ApiError } from "../../app/api-client";
import type { OnCallLine } from "./api/get-on-call-line";
import { conflictingPlan } from "./api/save-personal-plan";
import { CrisisLines } from "./crisis-lines";
import { PlanReading } from "./plan-reading";
import { ContactsEditor, LinesEditor, type Situation, SituationsEditor } from "./section-editors";

type Draft = Record<string, unknown[]>;
type Status =
  | { kind: "idle" }
  | { kind: "saved" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: PersonalPlan };

interface Removal {
  section: string;
  index: number;
  value: unknown;
}

/**
 * The plan editor, shared by the participant's page and the chart: every section a short list to
 * edit, add to and remove from (the last removal can be undone), one Save for the whole plan. A save
 * over someone else's newer version keeps the typed text and shows theirs, to keep one or the other.
 */
export function PlanEditor({
  kind,
  plan,
  audience,
  onSave,
  onCall,
  headingLevel = 2,
}: {
  kind: PersonalPlanKind;
  plan: PersonalPlan;
  audience: "participant" | "staff";
  onSave: (input: SavePersonalPlanInput) => Promise<PersonalPlan>;
  /** The safety plan always shows the crisis lines; undefined for the recovery plan and the chart. */
  onCall?: OnCallLine | null;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("personalPlans");
  const [draft, setDraft] = useState<Draft>(() => plan.content as unknown as Draft);
  // The version the draft is edited from, and its content as saved (what "unsaved changes" compares with).
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const [baseContent, setBaseContent] = useState<PlanContent>(() => plan.content);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [saving, setSaving] = useState(false);
  const lastPlanVersion = useRef(plan.version);
  const dirty =
    computeChangedSections(kind, baseContent, tidyPlanContent(kind, draft as unknown as PlanContent)).length >
    0;

  // A newer plan from the server (another tab, a refetch) replaces an untouched draft.
  useEffect(() => {
    if (plan.version === lastPlanVersion.current) return;
    lastPlanVersion.current = plan.version;
    if (!dirty && plan.version > baseVersion) {
      setDraft(plan.content as unknown as Draft);
      setBaseContent(plan.content);
      setBaseVersion(plan.version);
    }
  }, [plan, dirty, baseVersion]);

  const setSection = (section: string, value: unknown[]) => {
    setDraft((d) => ({ ...d, [section]: value }));
    if (status.kind === "saved") setStatus({ kind: "idle" });
  };
  const remove = (section: string, index: number) => {
    const list = draft[section] ?? [];
    setRemoval({ section, index, value: list[index] });
    setSection(
      section,
      list.filter((_, i) => i !== index),
    );
  };
  const undo = () => {
    if (!removal) return;
    const list = [...(draft[removal.section] ?? [])];
    list.splice(Math.min(removal.index, list.length), 0, removal.value);
    setSection(removal.section, list);
    setRemoval(null);
  };

  async function save() {
    setSaving(true);
    setRemoval(null);
    const content = tidyPlanContent(kind, draft as unknown as PlanContent);
    try {
      const saved = await onSave({ kind, baseVersion, content } as SavePersonalPlanInput);
      lastPlanVersion.current = saved.version;
      setDraft(saved.content as unknown as Draft);
      setBaseContent(saved.content);
      setBaseVersion(saved.version);
      setStatus({ kind: "saved" });
    } catch (error) {
      const theirs = conflictingPlan(error);
      if (theirs) setStatus({ kind: "conflict", theirs });
      else {
        const fields = error instanceof ApiError ? error.fields.map((f) => f.message) : [];
        setStatus({ kind: "error", message: [t("editor.saveError"), ...fields].join(" ") });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="lg">
      {sectionsOf(kind).map((section) => {
        const label = t(`sections.${kind}.${section}`);
        const shape = sectionShape(section);
        return (
          <Stack gap="xs" key={section} component="section" aria-labelledby={section}>
            <Title order={headingLevel} size="h4" id={section} style={{ scrollMarginTop: 16 }}>
              {label}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`hints.${kind}.${section}`)}
            </Text>
            {shape === "lines" ? (
              <LinesEditor
                label={label}
                lines={(draft[section] ?? []) as string[]}
                onChange={(v) => setSection(section, v)}
                onRemove={(i) => remove(section, i)}
              />
            ) : shape === "contacts" ? (
              <ContactsEditor
                label={label}
                contacts={(draft[section] ?? []) as PlanContact[]}
                onChange={(v) => setSection(section, v)}
                onRemove={(i) => remove(section, i)}
              />
            ) : (
              <SituationsEditor
                situations={(draft[section] ?? []) as Situation[]}
                onChange={(v) => setSection(section, v)}
                onRemove={(i) => remove(section, i)}
              />
            )}
            {kind === "safety" && section === "professionals" && onCall !== undefined && (
              <CrisisLines onCall={onCall} headingLevel={(headingLevel + 1) as 3 | 4} />
            )}
          </Stack>
        );
      })}

      <div aria-live="polite">
        {removal && (
          <Group gap="sm">
            <Text>{t("editor.removed")}</Text>
            <Button variant="default" size="md" onClick={undo}>
              {t("editor.undo")}
            </Button>
          </Group>
        )}
      </div>

      {status.kind === "conflict" && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          icon={<IconAlertCircle aria-hidden />}
          title={t("editor.conflictTitle")}
        >
          <Stack gap="sm">
            <Text>
              {t("editor.conflictBody", {
                name: status.theirs.updatedBy?.displayName || t("editor.conflictSomeone"),
              })}
            </Text>
            <Group>
              <Button
                size="md"
                onClick={() => {
                  setBaseContent(status.theirs.content);
                  setBaseVersion(status.theirs.version);
                  setStatus({ kind: "idle" });
                }}
              >
                {t("editor.keepMine")}
              </Button>
              <Button
                size="md"
                variant="default"
                onClick={() => {
                  setDraft(status.theirs.content as unknown as Draft);
                  setBaseContent(status.theirs.content);
                  setBaseVersion(status.theirs.version);
                  setStatus({ kind: "idle" });
                }}
              >
                {t("editor.useTheirs")}
              </Button>
            </Group>
            <Title order={headingLevel} size="h5">
              {t("editor.theirVersion")}
            </Title>
            <PlanReading
              kind={kind}
              content={status.theirs.content}
              headingLevel={(headingLevel + 1) as 3 | 4}
              idPrefix="theirs-"
            />
          </Stack>
        </Alert>
      )}

      <Stack gap="xs" className="pp-save-bar">
        <div aria-live="polite">
          {status.kind === "saved" && !dirty ? (
            <Group gap={6}>
              <IconCheck size={18} color="var(--mantine-color-teal-filled)" aria-hidden />
              <Text fw={600}>{t("editor.saved")}</Text>
            </Group>
          ) : status.kind === "error" ? (
            <Text c="red.8" role="alert">
              {status.message}
            </Text>
          ) : dirty ? (
            <Text>{t("editor.unsaved")}</Text>
          ) : null}
        </div>
        <Button
          size="lg"
          fullWidth
          loading={saving}
          disabled={status.kind === "conflict"}
          onClick={() => void save()}
        >
          {audience === "participant" ? t("editor.save") : t("editor.saveStaff")}
        </Button>
      </Stack>
    </Stack>
  );
}

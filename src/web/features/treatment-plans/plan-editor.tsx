import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconPlus, IconSend } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import type { FieldError } from "../../../core/platform/errors";
import { validatePlanForSigning } from "../../../core/treatment-plans/plan.rules";
import type { PlanContent, PlanLanguage, ProblemSource } from "../../../core/treatment-plans/plan.schema";
import type { VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import { ApiError } from "../../app/api-client";
import { useCurrentSession } from "../identity/api/get-current-session";
import { useSiteStaff } from "../participants/api/get-site-staff";
import { useFinalizeVersion } from "./api/finalize-version";
import { participantPlanQuery, useParticipantPlan } from "./api/get-plan";
import { usePlanSuggestions } from "./api/get-suggestions";
import { AutosaveStatusLine } from "./autosave-status";
import { PlanContentView } from "./plan-content-view";
import { type EditorDraft, forgetStoredDraft, readStoredDraft } from "./plan-draft-storage";
import {
  draftSchemaErrors,
  emptyProblem,
  errorsByPath,
  fieldId,
  moved,
  replaced,
  without,
} from "./plan-fields";
import { planTabPath } from "./plan-paths";
import { ProblemEditor } from "./problem-editor";
import { useRequestErrorText } from "./sign-modal";
import { SigningChecklist } from "./signing-checklist";
import { describeSigningIssue } from "./signing-issues";
import { TextListEditor } from "./text-list-editor";
import { useAutosave } from "./use-autosave";

const draftOf = (version: VersionDetail): EditorDraft => ({
  startsOn: version.startsOn,
  language: version.language,
  cosignerUserId: version.cosigner?.id ?? null,
  content: version.content,
});

/** What the editor starts from: the server's version, or this device's newer unsaved draft of it. */
function initialState(version: VersionDetail) {
  const stored = readStoredDraft(window.localStorage, version.id);
  if (stored && stored.baseRevision >= version.revision)
    return { draft: stored.draft, restored: true, kept: null as EditorDraft | null };
  return { draft: draftOf(version), restored: false, kept: stored?.draft ?? null };
}

/** The suggestions' sources, each once, for the "add a source from the record" pickers. */
function useAvailableSources(participantId: string): ProblemSource[] {
  const suggestions = usePlanSuggestions(participantId);
  return useMemo(() => {
    const seen = new Map<string, ProblemSource>();
    for (const s of suggestions.data?.suggestions ?? [])
      for (const source of s.sources) seen.set(`${source.kind}|${source.ref ?? ""}|${source.label}`, source);
    return [...seen.values()];
  }, [suggestions.data]);
}

/** Supervisors who may co-sign: staff at the participant's site whose roles grant plans.cosign (not oneself). */
function useCosignerOptions(record: ParticipantRecord, current: VersionDetail["cosigner"]) {
  const staff = useSiteStaff(record.site.id, true, "plans.cosign");
  const session = useCurrentSession();
  const me = session.data?.user.id;
  const options = (staff.data?.staff ?? [])
    .filter((s) => s.id !== me)
    .map((s) => ({ value: s.id, label: s.displayName }));
  if (current && !options.some((o) => o.value === current.id))
    options.push({ value: current.id, label: current.displayName });
  return options;
}

/** A copy of the user's own text beside the form, after a conflict or from an older visit. */
function KeptCopy({ draft, onClose }: { draft: EditorDraft; onClose: () => void }) {
  const { t } = useTranslation("treatmentPlans");
  return (
    <Card
      withBorder
      padding="sm"
      component="aside"
      aria-labelledby="plan-kept-title"
      style={{ borderColor: "var(--mantine-color-yellow-5)", borderWidth: 2 }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h6" id="plan-kept-title">
          {t("yourCopy.title")}
        </Title>
        <Button size="compact-xs" variant="default" onClick={onClose}>
          {t("yourCopy.close")}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t("yourCopy.hint")}
      </Text>
      <PlanContentView content={draft.content} />
    </Card>
  );
}

/**
 * The plan editor for one draft version: every part of the plan as a form, saved automatically a
 * moment after typing stops (kept on this device until the server has it), a live checklist of what
 * signing still needs, and "Send for signatures".
 */
export function PlanEditor({ record, version }: { record: ParticipantRecord; version: VersionDetail }) {
  const { t } = useTranslation("treatmentPlans");
  const navigate = useNavigate();
  const requestErrorText = useRequestErrorText();
  const queryClient = useQueryClient();
  const plan = useParticipantPlan(record.id);
  const finalize = useFinalizeVersion();
  const [start] = useState(() => initialState(version));
  const [draft, setDraft] = useState<EditorDraft>(start.draft);
  const [kept, setKept] = useState<EditorDraft | null>(start.kept);
  const [notice, setNotice] = useState<"restored" | "staleLocal" | null>(
    start.restored ? "restored" : start.kept ? "staleLocal" : null,
  );
  const [saveErrors, setSaveErrors] = useState<FieldError[]>([]);
  const [finalizeErrors, setFinalizeErrors] = useState<{ errors: FieldError[]; draft: EditorDraft } | null>(
    null,
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const availableSources = useAvailableSources(record.id);
  const supervised = useCurrentSession().data?.user.requiresCosign === true;
  const cosignerOptions = useCosignerOptions(record, version.cosigner);

  const autosave = useAutosave({
    planId: version.planId,
    versionId: version.id,
    revision: version.revision,
    validate: draftSchemaErrors,
    onSaved: (saved) =>
      queryClient.setQueryData(participantPlanQuery(record.id).queryKey, (old) =>
        old?.plan?.open?.id === saved.id ? { plan: { ...old.plan, open: saved } } : old,
      ),
    onFieldErrors: setSaveErrors,
  });

  // A draft restored from this device is sent as soon as the editor opens.
  const { change } = autosave;
  useEffect(() => {
    if (start.restored) change(start.draft);
  }, [change, start]);

  const missing = useMemo(
    () =>
      validatePlanForSigning(draft.content, draft.startsOn).map((issue) => ({
        ...issue,
        message: describeSigningIssue(issue, draft.content, draft.startsOn, t),
      })),
    [draft, t],
  );
  const errors = useMemo(() => {
    const stillMissing = new Set(missing.map((m) => m.path));
    const fromFinalize = (finalizeErrors?.errors ?? [])
      .filter((e) => finalizeErrors?.draft === draft || stillMissing.has(e.path))
      .map((e) => ({ ...e, message: describeSigningIssue(e, draft.content, draft.startsOn, t) }));
    return errorsByPath([...saveErrors, ...fromFinalize]);
  }, [saveErrors, finalizeErrors, missing, draft, t]);

  const update = (next: EditorDraft) => {
    setDraft(next);
    setFormError(null);
    autosave.change(next);
  };
  const updateContent = (content: PlanContent) => update({ ...draft, content });
  const { content } = draft;

  const reloadTheirs = async () => {
    setReloading(true);
    const mine = draft;
    const fresh = await plan.refetch();
    setReloading(false);
    const open = fresh.data?.plan?.open;
    setKept(mine);
    setNotice(null);
    if (open && open.id === version.id && open.status === "draft") {
      setDraft(draftOf(open));
      setSaveErrors([]);
      autosave.resume(open.revision);
    } else {
      navigate(planTabPath(record.id));
    }
  };

  const sendForSignatures = async () => {
    setFormError(null);
    const saved = await autosave.flush();
    if (!saved) return setFormError(t("editor.finalizeFailed"));
    finalize.mutate(
      {
        participantId: record.id,
        planId: version.planId,
        versionId: version.id,
        revision: autosave.revision(),
      },
      {
        onSuccess: () => {
          forgetStoredDraft(window.localStorage, version.id);
          notifications.show({ color: "green", message: t("editor.finalized") });
          navigate(planTabPath(record.id));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0) {
            setFinalizeErrors({ errors: error.fields, draft });
            setFormError(t("editor.finalizeFailed"));
          } else setFormError(requestErrorText(error));
        },
      },
    );
  };

  const stopped = autosave.status.kind === "conflict" || autosave.status.kind === "locked";
  const name = record.preferredName
    ? `${record.preferredName} ${record.familyName}`
    : `${record.givenName} ${record.familyName}`;

  return (
    <Stack maw={1200}>
      <Anchor component={Link} to={planTabPath(record.id)} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> {t("editor.back")}
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t("editor.title", { name })}
          </Title>
          <Group gap="xs">
            <Text c="dimmed">{t("panel.version", { number: version.number })}</Text>
            <Badge variant="light" color="gray">
              {t("versionStatus.draft")}
            </Badge>
          </Group>
        </div>
      </Group>
      <Box pos="sticky" top={0} py={4} bg="var(--mantine-color-body)" style={{ zIndex: 2 }}>
        <AutosaveStatusLine status={autosave.status} onReloadTheirs={reloadTheirs} reloading={reloading} />
      </Box>
      {notice === "restored" && (
        <Alert
          color="blue"
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel={t("actions.close")}
        >
          {t("editor.restored")}
        </Alert>
      )}
      {notice === "staleLocal" && (
        <Alert
          color="yellow"
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel={t("actions.close")}
        >
          {t("editor.staleLocal")}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack component="form" aria-label={t("editor.titleNoName")} onSubmit={(e) => e.preventDefault()}>
            <Card withBorder padding="md" component="section" aria-labelledby="plan-settings-title">
              <Title order={2} size="h5" id="plan-settings-title" mb="xs">
                {t("editor.settings")}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  id={fieldId("startsOn")}
                  type="date"
                  label={t("editor.startsOn")}
                  value={draft.startsOn}
                  onChange={(e) =>
                    e.currentTarget.value && update({ ...draft, startsOn: e.currentTarget.value })
                  }
                  error={errors.startsOn}
                  disabled={stopped}
                />
                <div>
                  <Text size="sm" fw={500} id="plan-language-label" mb={4}>
                    {t("editor.language")}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="plan-language-label"
                    value={draft.language}
                    onChange={(value) => update({ ...draft, language: value as PlanLanguage })}
                    data={[
                      { value: "en", label: t("start.languages.en") },
                      { value: "es", label: t("start.languages.es") },
                    ]}
                    disabled={stopped}
                  />
                </div>
                <Select
                  id={fieldId("cosignerUserId")}
                  label={t("editor.cosigner")}
                  description={
                    supervised && draft.cosignerUserId === null
                      ? t("editor.cosignerSupervised")
                      : t("editor.cosignerHint")
                  }
                  placeholder={t("editor.cosignerNone")}
                  data={cosignerOptions}
                  value={draft.cosignerUserId}
                  onChange={(value) => update({ ...draft, cosignerUserId: value })}
                  clearable
                  error={errors.cosignerUserId}
                  disabled={stopped}
                />
              </SimpleGrid>
            </Card>

            <Title order={2} size="h4">
              {t("editor.problems")}
            </Title>
            {errors["content.problems"] && (
              <Text size="sm" c="var(--mantine-color-error)">
                {errors["content.problems"]}
              </Text>
            )}
            <Box
              component="fieldset"
              disabled={stopped}
              style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
            >
              <Stack>
                {content.problems.map((problem, index) => (
                  <ProblemEditor
                    key={problem.id}
                    problem={problem}
                    index={index}
                    count={content.problems.length}
                    startsOn={draft.startsOn}
                    availableSources={availableSources}
                    errors={errors}
                    onChange={(next) =>
                      updateContent({ ...content, problems: replaced(content.problems, index, next) })
                    }
                    onMove={(offset) =>
                      updateContent({ ...content, problems: moved(content.problems, index, offset) })
                    }
                    onRemove={() => updateContent({ ...content, problems: without(content.problems, index) })}
                  />
                ))}
                <Button
                  id={fieldId("content.problems")}
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() =>
                    updateContent({ ...content, problems: [...content.problems, emptyProblem()] })
                  }
                  style={{ alignSelf: "flex-start" }}
                >
                  {t("editor.addProblem")}
                </Button>
                <Card withBorder padding="md">
                  <Stack gap="lg">
                    <TextListEditor
                      title={t("editor.strengths")}
                      items={content.strengths}
                      path="content.strengths"
                      errors={errors}
                      onChange={(strengths) => updateContent({ ...content, strengths })}
                    />
                    <TextListEditor
                      title={t("editor.barriers")}
                      items={content.barriers}
                      path="content.barriers"
                      errors={errors}
                      onChange={(barriers) => updateContent({ ...content, barriers })}
                    />
                    <TextListEditor
                      title={t("editor.dischargeCriteria")}
                      items={content.dischargeCriteria}
                      path="content.dischargeCriteria"
                      errors={errors}
                      onChange={(dischargeCriteria) => updateContent({ ...content, dischargeCriteria })}
                    />
                  </Stack>
                </Card>
              </Stack>
            </Box>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {/* Beside the form on wide screens, the checklist stays in view while the plan scrolls (not
              with a kept copy, which may be taller than the screen). */}
          <Stack style={kept ? undefined : { position: "sticky", top: 64 }}>
            <SigningChecklist missing={missing} />
            {formError && (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            )}
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => void sendForSignatures()}
              loading={finalize.isPending}
              disabled={stopped}
            >
              {t("editor.finalize")}
            </Button>
            {kept && (
              <KeptCopy
                draft={kept}
                onClose={() => {
                  setKept(null);
                  if (notice === "staleLocal") setNotice(null);
                }}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

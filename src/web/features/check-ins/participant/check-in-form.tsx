import { Button, Checkbox, Group, NumberInput, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { IconPlus, IconSend } from "@tabler/icons-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { SLEEP_QUALITIES, SUBSTANCES } from "../../../../core/check-ins/check-in.schema";
import type { CheckInOptions } from "../../../../core/check-ins/check-in-api.schema";
import { CrisisCard } from "../../../app/crisis";
import type { CheckInFormValues, FieldErrors } from "./check-in-form-state";
import { mergeLabels } from "./check-in-form-state";
import { type Choice, ChoiceChips } from "./choice-chips";

const ZERO_TO_TEN = Array.from({ length: 11 }, (_, i) => i);
/** Skills shown before "More skills" (the server puts those of their recent groups first). */
export const SKILLS_SHOWN = 8;

interface Props {
  values: CheckInFormValues;
  onChange: (values: CheckInFormValues) => void;
  errors: FieldErrors;
  /** The plan's triggers and the skills catalog; missing offline, when the form still works. */
  options: CheckInOptions | undefined;
  submitting: boolean;
  onSubmit: () => void;
}

/**
 * The check-in itself, in the order a person thinks about their day: how they feel, sleep, use,
 * triggers and skills, one good thing, and two safety questions whose "yes" brings crisis help at once.
 */
export function CheckInForm({ values, onChange, errors, options, submitting, onSubmit }: Props) {
  const { t } = useTranslation("checkIns");
  const id = useId();
  const [ownTriggers, setOwnTriggers] = useState<string[]>([]);
  const [newTrigger, setNewTrigger] = useState("");
  const [allSkills, setAllSkills] = useState(false);
  const set = <K extends keyof CheckInFormValues>(field: K, value: CheckInFormValues[K]) =>
    onChange({ ...values, [field]: value });
  const errorOf = (field: string) => {
    const message = errors[field];
    return message ? t(`errors.${field}`, { defaultValue: message }) : null;
  };
  const scale = (value: number): Choice<number> => ({
    value,
    label: String(value),
    spoken: t("form.scaleValue", { value }),
  });
  const yesNo: Choice<"yes" | "no">[] = [
    { value: "no", label: t("form.no") },
    { value: "yes", label: t("form.yes") },
  ];
  const asYesNo = (answer: boolean | null) => (answer === null ? null : answer ? "yes" : "no");
  const triggers = mergeLabels(
    options?.triggers ?? [],
    options?.recentTriggers ?? [],
    ownTriggers,
    values.triggers,
  );
  const skills = options?.skills ?? [];
  const shownSkills =
    allSkills || skills.length <= SKILLS_SHOWN
      ? skills
      : skills.filter((s, i) => i < SKILLS_SHOWN || values.skills.includes(s.key));
  const substances = options?.substances ?? [...SUBSTANCES];
  const needsHelp = values.selfHarmThoughts === true || values.overdose === true;

  function addTrigger() {
    const label = newTrigger.trim();
    if (label === "") return;
    setOwnTriggers((own) => [...own, label]);
    if (!values.triggers.some((l) => l.toLocaleLowerCase() === label.toLocaleLowerCase()))
      set("triggers", [...values.triggers, label]);
    setNewTrigger("");
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("page.title")}>
      <Stack gap="xl">
        <ChoiceChips
          legend={t("form.mood")}
          choices={ZERO_TO_TEN.map(scale)}
          value={values.mood}
          onChange={(v) => set("mood", v)}
          anchors={[t("form.moodLow"), t("form.moodHigh")]}
          error={errorOf("mood")}
          scale
        />
        <ChoiceChips
          legend={t("form.craving")}
          choices={ZERO_TO_TEN.map(scale)}
          value={values.craving}
          onChange={(v) => set("craving", v)}
          anchors={[t("form.cravingLow"), t("form.cravingHigh")]}
          error={errorOf("craving")}
          scale
        />
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("form.sleepTitle")}
          </Title>
          <NumberInput
            label={t("form.sleepHours")}
            description={t("form.sleepHoursHint")}
            size="lg"
            min={0}
            max={24}
            step={0.5}
            decimalScale={1}
            allowNegative={false}
            inputMode="decimal"
            value={values.sleepHours ?? ""}
            onChange={(v) => set("sleepHours", v === "" ? null : Number(v))}
            error={errorOf("sleepHours")}
            maw={240}
          />
          <ChoiceChips
            legend={t("form.sleepQuality")}
            choices={SLEEP_QUALITIES.map((q) => ({ value: q, label: t(`form.quality.${q}`) }))}
            value={values.sleepQuality}
            onChange={(v) => set("sleepQuality", v)}
            error={errorOf("sleepQuality")}
          />
        </Stack>
        <Stack gap="sm">
          <ChoiceChips
            legend={t("form.use")}
            description={t("form.useHint")}
            choices={yesNo}
            value={asYesNo(values.anyUse)}
            onChange={(v) => set("anyUse", v === "yes")}
            error={errorOf("anyUse")}
          />
          {values.anyUse === true && (
            <>
              <ChoiceChips
                multiple
                legend={t("form.substances")}
                choices={substances.map((s) => ({ value: s, label: t(`form.substance.${s}`) }))}
                value={values.substances}
                onChange={(v) => set("substances", v)}
                error={errorOf("substances")}
              />
              <Textarea
                label={t("form.useDetail")}
                size="md"
                minRows={2}
                maxLength={500}
                value={values.useDetail}
                onChange={(e) => set("useDetail", e.currentTarget.value)}
                error={errorOf("useDetail")}
              />
            </>
          )}
        </Stack>
        <Stack gap="sm">
          {triggers.length > 0 ? (
            <ChoiceChips
              multiple
              legend={t("form.triggers")}
              description={t("form.triggersHint")}
              choices={triggers.map((label) => ({ value: label, label }))}
              value={values.triggers}
              onChange={(v) => set("triggers", v)}
              error={errorOf("triggers")}
            />
          ) : (
            <Text fw={600}>{t("form.triggers")}</Text>
          )}
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t("form.ownTrigger")}
              size="md"
              maxLength={80}
              value={newTrigger}
              onChange={(e) => setNewTrigger(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== "Enter") return;
                e.preventDefault();
                addTrigger();
              }}
              error={triggers.length === 0 ? errorOf("triggers") : undefined}
              style={{ flex: 1 }}
            />
            <Button
              size="md"
              variant="default"
              onClick={addTrigger}
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t("form.addTrigger")}
            </Button>
          </Group>
        </Stack>
        {skills.length > 0 && (
          <Stack gap="xs" align="flex-start">
            <ChoiceChips
              multiple
              legend={t("form.skills")}
              choices={shownSkills.map((s) => ({ value: s.key, label: s.name }))}
              value={values.skills}
              onChange={(v) => set("skills", v)}
              error={errorOf("skills")}
            />
            {skills.length > SKILLS_SHOWN && (
              <Button size="md" variant="subtle" onClick={() => setAllSkills((all) => !all)}>
                {allSkills
                  ? t("form.fewerSkills")
                  : t("form.moreSkills", { count: skills.length - SKILLS_SHOWN })}
              </Button>
            )}
          </Stack>
        )}
        <Textarea
          label={t("form.wentWell")}
          size="md"
          minRows={2}
          maxLength={500}
          value={values.wentWell}
          onChange={(e) => set("wentWell", e.currentTarget.value)}
          error={errorOf("wentWell")}
        />
        <Checkbox
          size="lg"
          label={t("form.wantsToTalk")}
          checked={values.wantsToTalk}
          onChange={(e) => set("wantsToTalk", e.currentTarget.checked)}
        />
        <Stack gap="sm" component="section" aria-labelledby={`${id}-safety`}>
          <Title order={2} size="h4" id={`${id}-safety`}>
            {t("form.safetyTitle")}
          </Title>
          <Text size="sm">{t("form.safetyIntro")}</Text>
          <ChoiceChips
            legend={t("form.selfHarm")}
            choices={yesNo}
            value={asYesNo(values.selfHarmThoughts)}
            onChange={(v) => set("selfHarmThoughts", v === "yes")}
          />
          <ChoiceChips
            legend={t("form.overdose")}
            choices={yesNo}
            value={asYesNo(values.overdose)}
            onChange={(v) => set("overdose", v === "yes")}
          />
          <div aria-live="polite">
            {needsHelp && (
              <Stack gap="sm">
                <Text fw={600}>{t("form.safetyHelp")}</Text>
                <CrisisCard />
              </Stack>
            )}
          </div>
        </Stack>
        <Button
          type="submit"
          size="lg"
          fullWidth
          loading={submitting}
          leftSection={<IconSend size={20} aria-hidden />}
        >
          {t("form.submit")}
        </Button>
      </Stack>
    </form>
  );
}

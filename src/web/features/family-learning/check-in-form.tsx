import { ActionIcon, Alert, Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type FamilyCheckIn,
  type FamilyCheckInSaved,
  NOTE_MAX,
  SELF_CARE_MAX,
} from "../../../core/family-learning/family-learning.schema";
import { ApiError } from "../../app/api-client";
import { type Choice, ChoiceChips } from "../check-ins/participant/choice-chips";
import { useSaveCheckIn } from "./api/save-check-in";

const ZERO_TO_TEN = Array.from({ length: 11 }, (_, i) => i);
const ONE_TO_FIVE = [1, 2, 3, 4, 5] as const;

interface Values {
  stress: number | null;
  wellbeing: number | null;
  sleepQuality: number | null;
  selfCare: string;
  note: string;
}

const valuesOf = (checkIn: FamilyCheckIn | null): Values => ({
  stress: checkIn?.stress ?? null,
  wellbeing: checkIn?.wellbeing ?? null,
  sleepQuality: checkIn?.sleepQuality ?? null,
  selfCare: checkIn?.selfCare ?? "",
  note: checkIn?.note ?? "",
});

/**
 * Today's check-in: stress and wellbeing 0–10, sleep 1–5 (optional), one thing done for oneself and a
 * note. It fills in today's answers when there are some; a failed save keeps everything typed.
 */
export function FamilyCheckInForm({
  today,
  onSaved,
}: {
  today: FamilyCheckIn | null;
  onSaved: (saved: FamilyCheckInSaved) => void;
}) {
  const { t } = useTranslation("familyLearning");
  const save = useSaveCheckIn();
  const [values, setValues] = useState<Values>(() => valuesOf(today));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setProblems(({ [key]: _, ...rest }) => rest);
  };
  const scale = (value: number): Choice<number> => ({
    value,
    label: String(value),
    spoken: t("checkIn.scaleValue", { value }),
  });
  const sleepChoices: Choice<number>[] = ONE_TO_FIVE.map((value) => ({
    value,
    label: t(`checkIn.sleep${value}`),
  }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (values.stress === null) found.stress = t("checkIn.chooseStress");
    if (values.wellbeing === null) found.wellbeing = t("checkIn.chooseWellbeing");
    if (values.selfCare.trim().length > SELF_CARE_MAX)
      found.selfCare = t("checkIn.tooLong", { max: SELF_CARE_MAX });
    if (values.note.trim().length > NOTE_MAX) found.note = t("checkIn.tooLong", { max: NOTE_MAX });
    setProblems(found);
    if (Object.keys(found).length > 0 || values.stress === null || values.wellbeing === null) return;
    save.mutate(
      { ...values, stress: values.stress, wellbeing: values.wellbeing },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0)
            setProblems(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("checkIn.title")}>
      <Stack gap="lg">
        <ChoiceChips
          legend={t("checkIn.stress")}
          choices={ZERO_TO_TEN.map(scale)}
          value={values.stress}
          onChange={(v) => set("stress", v)}
          anchors={[t("checkIn.stressLow"), t("checkIn.stressHigh")]}
          error={problems.stress}
          scale
        />
        <ChoiceChips
          legend={t("checkIn.wellbeing")}
          choices={ZERO_TO_TEN.map(scale)}
          value={values.wellbeing}
          onChange={(v) => set("wellbeing", v)}
          anchors={[t("checkIn.wellbeingLow"), t("checkIn.wellbeingHigh")]}
          error={problems.wellbeing}
          scale
        />
        <Stack gap={4}>
          <ChoiceChips
            legend={t("checkIn.sleep")}
            choices={sleepChoices}
            value={values.sleepQuality}
            onChange={(v) => set("sleepQuality", v)}
            error={problems.sleepQuality}
          />
          {values.sleepQuality !== null && (
            <Group>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t("checkIn.clearSleep")}
                onClick={() => set("sleepQuality", null)}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          )}
        </Stack>
        <TextInput
          label={t("checkIn.selfCare")}
          description={t("checkIn.selfCareHint")}
          value={values.selfCare}
          maxLength={SELF_CARE_MAX}
          onChange={(e) => set("selfCare", e.currentTarget.value)}
          error={problems.selfCare}
        />
        <Textarea
          label={t("checkIn.note")}
          autosize
          minRows={3}
          value={values.note}
          maxLength={NOTE_MAX}
          onChange={(e) => set("note", e.currentTarget.value)}
          error={problems.note}
        />
        {save.isError && !(save.error instanceof ApiError && save.error.fields.length > 0) && (
          <Alert color="red" variant="light" role="alert">
            {t("checkIn.saveError")}
          </Alert>
        )}
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {today ? t("checkIn.saveChanges") : t("checkIn.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

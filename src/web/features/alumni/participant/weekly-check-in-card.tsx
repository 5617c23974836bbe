import {
  Alert,
  Button,
  Card,
  Checkbox,
  NumberInput,
  Slider,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { deriveReengagement } from "../../../../core/alumni/alumni.rules";
import {
  ALUMNI_NOTE_MAX,
  type AlumniCheckIn,
  type AlumniCheckInInput,
  alumniCheckInInputSchema,
} from "../../../../core/alumni/alumni.schema";
import { useSaveAlumniCheckIn } from "../api/save-alumni-check-in";

const EMPTY: AlumniCheckInInput = {
  usedSinceLast: false,
  craving: 0,
  mood: 3,
  meetingsAttended: 0,
  wantsContact: false,
  note: "",
};

/** This week's check-in: filled from the saved one, saved again to change it until Sunday. */
export function WeeklyCheckInCard({ weekOf, thisWeek }: { weekOf: string; thisWeek: AlumniCheckIn | null }) {
  const { t } = useTranslation("alumni");
  const [values, setValues] = useState<AlumniCheckInInput>(thisWeek ?? EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveAlumniCheckIn();
  const set = <K extends keyof AlumniCheckInInput>(key: K, value: AlumniCheckInInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const saved = save.data?.checkIn ?? thisWeek;
  const reachOut = save.isSuccess && deriveReengagement(save.data.checkIn).level !== "none";

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alumni-check-in-title">
      <Title order={2} size="h3" id="alumni-check-in-title">
        {t("checkIn.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("checkIn.weekOf", { date: weekOf })}
      </Text>
      <Text mt="xs">{saved ? t("checkIn.done") : t("checkIn.notYet")}</Text>
      <Stack
        component="form"
        mt="md"
        gap="md"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = alumniCheckInInputSchema.safeParse(values);
          if (!parsed.success) {
            setProblem(parsed.error.issues[0]?.message ?? t("checkIn.error"));
            return;
          }
          setProblem(null);
          save.mutate(parsed.data);
        }}
      >
        <Checkbox
          label={t("checkIn.usedSinceLast")}
          checked={values.usedSinceLast}
          onChange={(e) => set("usedSinceLast", e.currentTarget.checked)}
        />
        <Stack gap={4}>
          <Text component="label" id="alumni-craving-label" size="sm" fw={500}>
            {t("checkIn.craving")}
          </Text>
          <Slider
            min={0}
            max={10}
            step={1}
            value={values.craving}
            onChange={(v) => set("craving", v)}
            thumbProps={{ "aria-labelledby": "alumni-craving-label" }}
            marks={[
              { value: 0, label: "0" },
              { value: 5, label: "5" },
              { value: 10, label: "10" },
            ]}
            mb="md"
          />
        </Stack>
        <Stack gap={4}>
          <Text component="label" id="alumni-mood-label" size="sm" fw={500}>
            {t("checkIn.mood")}
          </Text>
          <Slider
            min={1}
            max={5}
            step={1}
            value={values.mood}
            onChange={(v) => set("mood", v)}
            thumbProps={{ "aria-labelledby": "alumni-mood-label" }}
            marks={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }))}
            mb="md"
          />
        </Stack>
        <NumberInput
          label={t("checkIn.meetings")}
          min={0}
          max={99}
          allowDecimal={false}
          value={values.meetingsAttended}
          onChange={(v) => set("meetingsAttended", typeof v === "number" ? v : 0)}
        />
        <Checkbox
          label={t("checkIn.wantsContact")}
          checked={values.wantsContact}
          onChange={(e) => set("wantsContact", e.currentTarget.checked)}
        />
        <Textarea
          label={t("checkIn.note")}
          maxLength={ALUMNI_NOTE_MAX}
          rows={2}
          value={values.note}
          onChange={(e) => set("note", e.currentTarget.value)}
        />
        {problem && <Alert color="red">{problem}</Alert>}
        {save.isError && (
          <Alert color="red" title={t("checkIn.error")}>
            {save.error.message}
          </Alert>
        )}
        {save.isSuccess && (
          <Alert color={reachOut ? "orange" : "teal"} role="status">
            {reachOut ? t("checkIn.reachOut") : t("checkIn.saved")}
          </Alert>
        )}
        <Button type="submit" loading={save.isPending} size="md">
          {saved ? t("checkIn.update") : t("checkIn.save")}
        </Button>
      </Stack>
    </Card>
  );
}

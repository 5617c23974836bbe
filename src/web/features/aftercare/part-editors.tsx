import { Button, Card, Checkbox, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import {
  type AftercarePlanContent,
  type CommunityResource,
  HOUSING_KINDS,
  type Housing,
  type MedicationContinuity,
  type Meeting,
  MUTUAL_HELP_KINDS,
  STEP_DOWN_KINDS,
  type StepDown,
  type SupportPerson,
  WEEKDAYS,
} from "../../../core/aftercare/aftercare-plan.schema";

/** The parts of the plan, each edited on its own (one card, one Save). */
export const AFTERCARE_PARTS = [
  "stepDown",
  "meetings",
  "housing",
  "medication",
  "supports",
  "crisis",
  "resources",
  "goals",
] as const;
export type AftercarePart = (typeof AFTERCARE_PARTS)[number];

/** Which content field a part edits. */
export const PART_FIELD: Record<AftercarePart, keyof AftercarePlanContent> = {
  stepDown: "stepDown",
  meetings: "meetings",
  housing: "housing",
  medication: "medication",
  supports: "supports",
  crisis: "includeSafetyPlan",
  resources: "resources",
  goals: "goals",
};

/** Field errors by dotted path inside the part (e.g. `appointmentOn`, `0.name`). */
export type PartErrors = Record<string, string>;

const EMPTY_STEP_DOWN: StepDown = {
  kind: "outpatient_here",
  levelOfCare: "1.0",
  providerName: "",
  clinicianName: "",
  address: "",
  phone: "",
  appointmentOn: null,
  appointmentTime: null,
  confirmed: false,
};
const EMPTY_MEETING: Meeting = { kind: "aa", name: "", weekday: null, time: null, place: "" };
const EMPTY_HOUSING: Housing = { kind: "own_home", name: "", address: "", notes: "" };
const EMPTY_MEDICATION: MedicationContinuity = {
  medications: "",
  prescriberName: "",
  prescriberPhone: "",
  nextAppointmentOn: null,
};
const EMPTY_SUPPORT: SupportPerson = { name: "", relationship: "", phone: "", sponsor: false };
const EMPTY_RESOURCE: CommunityResource = { name: "", phone: "", url: "", notes: "" };

const orNull = (value: string) => (value.trim() === "" ? null : value);

/** The draft of one part while it is being edited. */
export type PartDraft = AftercarePlanContent[keyof AftercarePlanContent];

export function initialDraft(part: AftercarePart, content: AftercarePlanContent): PartDraft {
  const value = content[PART_FIELD[part]];
  if (part === "stepDown") return value ?? EMPTY_STEP_DOWN;
  if (part === "housing") return value ?? EMPTY_HOUSING;
  if (part === "medication") return value ?? EMPTY_MEDICATION;
  return value;
}

/** The form for one part. Every field has a visible label; errors come from the shared schema. */
export function PartEditor({
  part,
  draft,
  errors,
  onChange,
}: {
  part: AftercarePart;
  draft: PartDraft;
  errors: PartErrors;
  onChange: (draft: PartDraft) => void;
}) {
  const { t } = useTranslation("aftercare");
  const text = (label: string, value: string, set: (v: string) => void, path: string, max = 200) => (
    <TextInput
      label={t(`fields.${label}`)}
      value={value}
      maxLength={max}
      error={errors[path]}
      onChange={(e) => set(e.currentTarget.value)}
    />
  );
  const date = (label: string, value: string | null, set: (v: string | null) => void, path: string) => (
    <TextInput
      type="date"
      label={t(`fields.${label}`)}
      value={value ?? ""}
      error={errors[path]}
      onChange={(e) => set(orNull(e.currentTarget.value))}
    />
  );
  const time = (label: string, value: string | null, set: (v: string | null) => void, path: string) => (
    <TextInput
      type="time"
      label={t(`fields.${label}`)}
      value={value ?? ""}
      error={errors[path]}
      onChange={(e) => set(orNull(e.currentTarget.value))}
    />
  );
  const options = (list: readonly string[], prefix: string) =>
    list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  if (part === "stepDown") {
    const s = draft as StepDown;
    const set = (over: Partial<StepDown>) => onChange({ ...s, ...over });
    return (
      <Stack gap="sm">
        <Select
          label={t("fields.stepDownKind")}
          data={options(STEP_DOWN_KINDS, "stepDownKinds")}
          value={s.kind}
          allowDeselect={false}
          error={errors.kind}
          onChange={(v) => v && set({ kind: v as StepDown["kind"] })}
        />
        {s.kind !== "none" && (
          <>
            {text("providerName", s.providerName, (v) => set({ providerName: v }), "providerName")}
            {text("clinicianName", s.clinicianName, (v) => set({ clinicianName: v }), "clinicianName")}
            {text(
              "levelOfCare",
              s.levelOfCare ?? "",
              (v) => set({ levelOfCare: orNull(v) }),
              "levelOfCare",
              10,
            )}
            {date("appointmentOn", s.appointmentOn, (v) => set({ appointmentOn: v }), "appointmentOn")}
            {time(
              "appointmentTime",
              s.appointmentTime,
              (v) => set({ appointmentTime: v }),
              "appointmentTime",
            )}
            {text("address", s.address, (v) => set({ address: v }), "address", 500)}
            {text("phone", s.phone, (v) => set({ phone: v }), "phone", 40)}
            <Checkbox
              size="md"
              label={t("fields.confirmed")}
              checked={s.confirmed}
              onChange={(e) => set({ confirmed: e.currentTarget.checked })}
            />
          </>
        )}
      </Stack>
    );
  }
  if (part === "housing") {
    const h = draft as Housing;
    const set = (over: Partial<Housing>) => onChange({ ...h, ...over });
    return (
      <Stack gap="sm">
        <Select
          label={t("fields.housingKind")}
          data={options(HOUSING_KINDS, "housingKinds")}
          value={h.kind}
          allowDeselect={false}
          onChange={(v) => v && set({ kind: v as Housing["kind"] })}
        />
        {text("residenceName", h.name, (v) => set({ name: v }), "name")}
        {text("address", h.address, (v) => set({ address: v }), "address", 500)}
        <Textarea
          label={t("fields.notes")}
          value={h.notes}
          maxLength={1000}
          rows={2}
          error={errors.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
        />
      </Stack>
    );
  }
  if (part === "medication") {
    const m = draft as MedicationContinuity;
    const set = (over: Partial<MedicationContinuity>) => onChange({ ...m, ...over });
    return (
      <Stack gap="sm">
        <Textarea
          label={t("fields.medications")}
          value={m.medications}
          maxLength={1000}
          rows={2}
          error={errors.medications}
          onChange={(e) => set({ medications: e.currentTarget.value })}
        />
        {text("prescriberName", m.prescriberName, (v) => set({ prescriberName: v }), "prescriberName")}
        {text(
          "prescriberPhone",
          m.prescriberPhone,
          (v) => set({ prescriberPhone: v }),
          "prescriberPhone",
          40,
        )}
        {date(
          "nextAppointmentOn",
          m.nextAppointmentOn,
          (v) => set({ nextAppointmentOn: v }),
          "nextAppointmentOn",
        )}
      </Stack>
    );
  }
  if (part === "meetings") {
    const list = draft as Meeting[];
    const set = (i: number, over: Partial<Meeting>) =>
      onChange(list.map((m, j) => (j === i ? { ...m, ...over } : m)));
    return (
      <ListEditor
        items={list}
        addLabel={t("actions.addMeeting")}
        onAdd={() => onChange([...list, EMPTY_MEETING])}
        onRemove={(i) => onChange(list.filter((_, j) => j !== i))}
        nameOf={(m, i) => m.name || `${t("parts.meetings")} ${i + 1}`}
        render={(m, i) => (
          <>
            <Select
              label={t("fields.meetingKind")}
              data={options(MUTUAL_HELP_KINDS, "meetingKinds")}
              value={m.kind}
              allowDeselect={false}
              onChange={(v) => v && set(i, { kind: v as Meeting["kind"] })}
            />
            {text("meetingName", m.name, (v) => set(i, { name: v }), `${i}.name`)}
            <Select
              label={t("fields.weekday")}
              data={options(WEEKDAYS, "weekdays")}
              value={m.weekday}
              clearable
              onChange={(v) => set(i, { weekday: (v as Meeting["weekday"]) ?? null })}
            />
            {time("time", m.time, (v) => set(i, { time: v }), `${i}.time`)}
            {text("place", m.place, (v) => set(i, { place: v }), `${i}.place`, 300)}
          </>
        )}
      />
    );
  }
  if (part === "supports") {
    const list = draft as SupportPerson[];
    const set = (i: number, over: Partial<SupportPerson>) =>
      onChange(list.map((m, j) => (j === i ? { ...m, ...over } : m)));
    return (
      <ListEditor
        items={list}
        addLabel={t("actions.addSupport")}
        onAdd={() => onChange([...list, EMPTY_SUPPORT])}
        onRemove={(i) => onChange(list.filter((_, j) => j !== i))}
        nameOf={(p, i) => p.name || `${t("parts.supports")} ${i + 1}`}
        render={(p, i) => (
          <>
            {text("supportName", p.name, (v) => set(i, { name: v }), `${i}.name`)}
            {text(
              "relationship",
              p.relationship,
              (v) => set(i, { relationship: v }),
              `${i}.relationship`,
              100,
            )}
            {text("phone", p.phone, (v) => set(i, { phone: v }), `${i}.phone`, 40)}
            <Checkbox
              size="md"
              label={t("fields.sponsor")}
              checked={p.sponsor}
              onChange={(e) => set(i, { sponsor: e.currentTarget.checked })}
            />
          </>
        )}
      />
    );
  }
  if (part === "resources") {
    const list = draft as CommunityResource[];
    const set = (i: number, over: Partial<CommunityResource>) =>
      onChange(list.map((m, j) => (j === i ? { ...m, ...over } : m)));
    return (
      <ListEditor
        items={list}
        addLabel={t("actions.addResource")}
        onAdd={() => onChange([...list, EMPTY_RESOURCE])}
        onRemove={(i) => onChange(list.filter((_, j) => j !== i))}
        nameOf={(r, i) => r.name || `${t("parts.resources")} ${i + 1}`}
        render={(r, i) => (
          <>
            {text("resourceName", r.name, (v) => set(i, { name: v }), `${i}.name`)}
            {text("phone", r.phone, (v) => set(i, { phone: v }), `${i}.phone`, 40)}
            {text("url", r.url, (v) => set(i, { url: v }), `${i}.url`, 500)}
            {text("notes", r.notes, (v) => set(i, { notes: v }), `${i}.notes`, 500)}
          </>
        )}
      />
    );
  }
  if (part === "crisis") {
    return (
      <Checkbox
        size="md"
        label={t("fields.includeSafetyPlan")}
        checked={draft as boolean}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  }
  return (
    <Textarea
      label={t("fields.goals")}
      value={draft as string}
      maxLength={2000}
      rows={3}
      error={errors[""]}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

function ListEditor<T>({
  items,
  addLabel,
  onAdd,
  onRemove,
  nameOf,
  render,
}: {
  items: T[];
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  nameOf: (item: T, index: number) => string;
  render: (item: T, index: number) => React.ReactNode;
}) {
  const { t } = useTranslation("aftercare");
  return (
    <Stack gap="sm">
      {items.map((item, i) => (
        // Items have no identity but their place in the list.
        // biome-ignore lint/suspicious/noArrayIndexKey: positional list
        <Card key={i} withBorder padding="sm">
          <Stack gap="xs">
            {render(item, i)}
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={18} aria-hidden />}
                aria-label={t("actions.removeItem", { name: nameOf(item, i) })}
                onClick={() => onRemove(i)}
              >
                {t("actions.remove")}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={onAdd}
        style={{ alignSelf: "flex-start" }}
      >
        {addLabel}
      </Button>
    </Stack>
  );
}

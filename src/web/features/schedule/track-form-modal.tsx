import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ISO_WEEKDAYS, MAX_SLOTS_PER_WEEK } from "../../../core/schedule/track-pattern.schema";
import type { Track } from "../../../core/schedule/tracks.schema";
import { useFacilitatorOptions } from "./api/get-facilitator-options";
import { useUpdateTrack } from "./api/update-track";
import { weekdayName } from "./schedule-format";
import "./schedule.css";
import {
  parseTrackUpdate,
  serverTrackErrors,
  type TrackFormValues,
  trackFormValues,
  validateTrackForm,
} from "./track-form";

/**
 * Edit a track: its weekly sessions (day, start, end), where it meets, whether by video, places,
 * first and last day, and who runs it. Problems show on their field, the server's too.
 */
export function TrackFormModal({ track, onClose }: { track: Track; onClose: () => void }) {
  const { t, i18n } = useTranslation("schedule");
  const phone = useMediaQuery("(max-width: 48em)");
  const update = useUpdateTrack();
  const options = useFacilitatorOptions(track.siteId);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const form = useForm<TrackFormValues>({
    mode: "controlled",
    initialValues: trackFormValues(track),
    validate: (values) => validateTrackForm(values, t, i18n.language),
  });

  const staff = new Map<string, string>(track.facilitators.map((f) => [f.id, f.name]));
  for (const option of options.data ?? []) staff.set(option.id, option.name);
  const canAdd = options.data !== null && options.data !== undefined;
  const facilitatorData = [...staff]
    .filter(([id]) => canAdd || form.values.facilitatorIds.includes(id))
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = form.onSubmit((values) => {
    setFormErrors([]);
    update.mutate(
      { id: track.id, input: parseTrackUpdate(values) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "green", message: t("tracks.saved", { name: saved.name }) });
          onClose();
        },
        onError: (error) => {
          const { fields, rest } = serverTrackErrors(error, track, t);
          form.setErrors(fields);
          setFormErrors(rest);
        },
      },
    );
  });

  const weekdays = ISO_WEEKDAYS.map((day) => ({
    value: String(day),
    label: weekdayName(day, i18n.language, "long"),
  }));
  const slotsError = form.errors.slots;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("tracks.form.title", { name: track.name })}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formErrors.length > 0 && (
            <Alert color="red" variant="light" role="alert">
              {formErrors.map((message) => (
                <Text key={message} size="sm">
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <Text component="legend" fw={600} p={0}>
              {t("tracks.form.pattern")}
            </Text>
            <Text size="sm" c="dimmed" mb="xs">
              {t("tracks.form.patternHelp", { zone: track.timeZone })}
            </Text>
            <Stack gap="xs">
              {form.values.slots.map((_, index) => (
                <fieldset
                  // biome-ignore lint/suspicious/noArrayIndexKey: slots have no identity but their place
                  key={index}
                  style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
                >
                  <VisuallyHidden component="legend">
                    {t("tracks.form.slotLabel", { n: index + 1 })}
                  </VisuallyHidden>
                  <div className="slot-row">
                    <NativeSelect
                      className="slot-day"
                      label={t("tracks.form.weekday")}
                      data={weekdays}
                      {...form.getInputProps(`slots.${index}.weekday`)}
                    />
                    <TextInput
                      type="time"
                      label={t("tracks.form.start")}
                      {...form.getInputProps(`slots.${index}.start`)}
                    />
                    <TextInput
                      type="time"
                      label={t("tracks.form.end")}
                      {...form.getInputProps(`slots.${index}.end`)}
                    />
                    <ActionIcon
                      className="slot-remove"
                      variant="subtle"
                      color="red"
                      size={36}
                      aria-label={t("tracks.form.removeSlot", { n: index + 1 })}
                      onClick={() => form.removeListItem("slots", index)}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </div>
                </fieldset>
              ))}
            </Stack>
            {typeof slotsError === "string" && (
              <Text size="sm" c="var(--mantine-color-error)" mt={4} role="alert">
                {slotsError}
              </Text>
            )}
            <Button
              mt="xs"
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={form.values.slots.length >= MAX_SLOTS_PER_WEEK}
              onClick={() => {
                const last = form.values.slots.at(-1);
                form.insertListItem("slots", {
                  weekday: last ? String((Number(last.weekday) % 7) + 1) : "1",
                  start: last?.start ?? "18:00",
                  end: last?.end ?? "21:00",
                });
              }}
            >
              {t("tracks.form.addSlot")}
            </Button>
          </fieldset>
          <TextInput
            label={t("tracks.form.location")}
            description={t("tracks.form.locationHelp")}
            {...form.getInputProps("location")}
          />
          <Switch
            label={t("tracks.form.telehealth")}
            {...form.getInputProps("telehealth", { type: "checkbox" })}
          />
          <NumberInput
            label={t("tracks.form.capacity")}
            description={t("tracks.form.capacityHelp", { count: track.enrolledCount })}
            min={1}
            max={200}
            allowDecimal={false}
            w={280}
            maw="100%"
            {...form.getInputProps("capacity")}
          />
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t("tracks.form.startsOn")}
              w={200}
              {...form.getInputProps("startsOn")}
            />
            <TextInput
              type="date"
              label={t("tracks.form.endsOn")}
              description={t("tracks.form.endsOnHelp")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              w={200}
              {...form.getInputProps("endsOn")}
            />
          </Group>
          <MultiSelect
            label={t("tracks.form.facilitators")}
            description={
              canAdd
                ? t("tracks.form.facilitatorsHelp", { site: track.siteName })
                : t("tracks.form.facilitatorsOnlyCurrent")
            }
            data={facilitatorData}
            searchable
            nothingFoundMessage={t("tracks.form.noStaff")}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("facilitatorIds")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("tracks.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("tracks.form.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

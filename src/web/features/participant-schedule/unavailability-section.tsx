import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ISO_WEEKDAYS } from "../../../core/schedule/track-pattern.schema";
import {
  UNAVAILABILITY_NOTE_MAX,
  UNAVAILABILITY_REASONS,
  type Unavailability,
} from "../../../core/schedule/unavailability.schema";
import { ApiError } from "../../app/api-client";
import { ConfirmModal } from "../admin/confirm-modal";
import { EmptyState, LoadError, TableSkeleton } from "../admin/page-states";
import { formatTimeRange, weekdayName } from "../schedule/schedule-format";
import { type UnavailabilityDraft, useAddUnavailability } from "./api/add-unavailability";
import { useUnavailability } from "./api/get-unavailability";
import { useRemoveUnavailability } from "./api/remove-unavailability";
import { type UnavailabilityErrors, validateUnavailability } from "./unavailability-form";

/** Who is looking: staff in the chart, or the participant on their own page (their words differ). */
export type Audience = "staff" | "self";

const EMPTY: UnavailabilityDraft = { weekday: 1, start: "", end: "", reason: "work", note: "" };

/**
 * When the participant cannot come — work shifts, school, childcare — as weekly times. Staff who
 * book and the participant themselves add and remove them; removing asks first and can be undone.
 */
export function UnavailabilitySection({
  participantId,
  audience,
  canChange,
}: {
  participantId: string;
  audience: Audience;
  canChange: boolean;
}) {
  const { t } = useTranslation("participantSchedule");
  const list = useUnavailability(participantId);
  const add = useAddUnavailability();
  const remove = useRemoveUnavailability();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Unavailability | null>(null);
  const describe = useDescribeWindow();
  const words = `unavailability.${audience}`;

  const windows = [...(list.data?.windows ?? [])].sort(
    (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
  );

  const undo = (window: Unavailability) =>
    add.mutate(
      {
        participantId,
        input: {
          weekday: window.weekday,
          start: window.start,
          end: window.end,
          reason: window.reason,
          note: window.note,
        },
      },
      {
        onSuccess: () => notifications.show({ color: "green", message: t("unavailability.restored") }),
        onError: () =>
          notifications.show({
            color: "red",
            message: t(audience === "self" ? "errors.genericSelf" : "errors.generic"),
          }),
      },
    );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="unavailability-title">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id="unavailability-title">
            {t(`${words}.title`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`${words}.intro`)}
          </Text>
        </Stack>
        {list.isPending ? (
          <TableSkeleton rows={2} />
        ) : list.isError ? (
          <LoadError
            error={list.error}
            onRetry={() => void list.refetch()}
            title={t("unavailability.loadError")}
          />
        ) : windows.length === 0 ? (
          <EmptyState>{t(`${words}.empty`)}</EmptyState>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-labelledby="unavailability-title"
          >
            {windows.map((w) => (
              <Group
                key={w.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                py={6}
                style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
              >
                <Stack gap={0}>
                  <Text fw={600}>{describe(w)}</Text>
                  <Text size="sm">
                    {t(`reasons.${w.reason}`)}
                    {w.note ? ` · ${w.note}` : ""}
                  </Text>
                </Stack>
                {canChange && (
                  <Button
                    variant="default"
                    size="sm"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    aria-label={t("unavailability.removeLabel", { when: describe(w) })}
                    onClick={() => setRemoving(w)}
                    style={{ flexShrink: 0 }}
                  >
                    {t("unavailability.remove")}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {canChange &&
          (adding ? (
            <UnavailabilityForm
              participantId={participantId}
              audience={audience}
              onDone={() => setAdding(false)}
            />
          ) : (
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
              style={{ alignSelf: "flex-start" }}
            >
              {t("unavailability.add")}
            </Button>
          ))}
      </Stack>
      {removing && (
        <ConfirmModal
          opened
          title={t("unavailability.removeTitle")}
          confirmLabel={t("unavailability.removeConfirm")}
          danger
          loading={remove.isPending}
          error={remove.error}
          onClose={() => {
            remove.reset();
            setRemoving(null);
          }}
          onConfirm={() =>
            remove.mutate(
              { participantId, id: removing.id },
              {
                onSuccess: () => {
                  const removed = removing;
                  setRemoving(null);
                  notifications.show({
                    message: (
                      <Group justify="space-between" gap="sm" wrap="nowrap">
                        <Text size="sm">{t("unavailability.removed", { when: describe(removed) })}</Text>
                        <Button size="compact-sm" variant="default" onClick={() => undo(removed)}>
                          {t("unavailability.undo")}
                        </Button>
                      </Group>
                    ),
                  });
                },
              },
            )
          }
        >
          {t(`${words}.removeBody`, { when: describe(removing), reason: t(`reasons.${removing.reason}`) })}
        </ConfirmModal>
      )}
    </Card>
  );
}

/** "Monday, 9:00 AM – 5:00 PM" in the reader's language. */
export function useDescribeWindow() {
  const { i18n } = useTranslation();
  return (w: Pick<Unavailability, "weekday" | "start" | "end">) =>
    `${weekdayName(w.weekday, i18n.language, "long")}, ${formatTimeRange(w.start, w.end, i18n.language)}`;
}

/** Add one weekly time: day, from, to, why, and an optional note; each problem on its field. */
function UnavailabilityForm({
  participantId,
  audience,
  onDone,
}: {
  participantId: string;
  audience: Audience;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const add = useAddUnavailability();
  const [values, setValues] = useState<UnavailabilityDraft>(EMPTY);
  const [errors, setErrors] = useState<UnavailabilityErrors>({});
  const set = <K extends keyof UnavailabilityDraft>(key: K, value: UnavailabilityDraft[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = validateUnavailability(values);
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([field, key]) => [field, t(key)])));
      return;
    }
    setErrors({});
    add.mutate(
      { participantId, input: values },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("unavailability.added") });
          onDone();
        },
        onError: (error) => {
          const fields: UnavailabilityErrors = {};
          if (error instanceof ApiError) {
            for (const f of error.fields) {
              const field = f.path.split(".")[0] as keyof UnavailabilityErrors;
              if (["weekday", "start", "end", "reason", "note"].includes(field) && !fields[field])
                fields[field] = f.message;
            }
          }
          setErrors(
            Object.keys(fields).length > 0
              ? fields
              : { form: t(audience === "self" ? "errors.genericSelf" : "errors.generic") },
          );
        },
      },
    );
  };

  return (
    <Card withBorder padding="sm">
      <form onSubmit={submit} noValidate aria-labelledby="unavailability-form-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="unavailability-form-title">
            {t("unavailability.formTitle")}
          </Title>
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t("unavailability.fields.weekday")}
              data={ISO_WEEKDAYS.map((d) => ({
                value: String(d),
                label: weekdayName(d, i18n.language, "long"),
              }))}
              value={String(values.weekday)}
              onChange={(e) => set("weekday", Number(e.currentTarget.value))}
              error={errors.weekday}
              required
            />
            <NativeSelect
              label={t("unavailability.fields.reason")}
              data={UNAVAILABILITY_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
              value={values.reason}
              onChange={(e) => set("reason", e.currentTarget.value)}
              error={errors.reason}
              required
            />
            <TextInput
              type="time"
              label={t("unavailability.fields.start")}
              value={values.start}
              onChange={(e) => set("start", e.currentTarget.value)}
              error={errors.start}
              required
            />
            <TextInput
              type="time"
              label={t("unavailability.fields.end")}
              value={values.end}
              onChange={(e) => set("end", e.currentTarget.value)}
              error={errors.end}
              required
            />
          </SimpleGrid>
          <TextInput
            label={t("unavailability.fields.note")}
            description={t("unavailability.fields.noteHint")}
            value={values.note}
            onChange={(e) => set("note", e.currentTarget.value)}
            error={errors.note}
            maxLength={UNAVAILABILITY_NOTE_MAX}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("unavailability.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

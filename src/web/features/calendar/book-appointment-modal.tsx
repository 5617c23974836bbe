import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  MAX_APPOINTMENT_OCCURRENCES,
  type ScheduleConflictView,
} from "../../../core/schedule/appointment.schema";
import { requestErrorKey } from "../admin/form-errors";
import { formatDay, formatTimeRange } from "../schedule/schedule-format";
import { useBookAppointment } from "./api/book-appointment";
import { useFamilyMembers } from "./api/get-family-members";
import { useRooms } from "./api/get-rooms";
import { useStaffOfSite } from "./api/get-staff-of-site";
import { type ParticipantOption, useParticipantSearch } from "./api/search-participants";
import {
  type BookingValues,
  bookingOf,
  conflictsOf,
  emptyBooking,
  type FormErrors,
  serverBookingErrors,
  validateBooking,
} from "./booking-form";
import { ConflictSummary, fieldError } from "./conflict-list";
import { FamilyAttendeesFields } from "./family-attendees-fields";

/** The order fields are shown in: the first with a problem gets the focus. */
const FIELD_ORDER = [
  "participantId",
  "kind",
  "linkedIds",
  "familyAttendees",
  "staffId",
  "place",
  "roomId",
  "videoLink",
  "placeText",
  "date",
  "start",
  "end",
  "repeat",
  "count",
  "until",
];

/** Fields whose change makes the clashes found for them out of date. */
const CLASH_FIELDS: Record<string, ScheduleConflictView["field"][]> = {
  participantId: ["participantId", "start"],
  staffId: ["staffId"],
  roomId: ["roomId"],
  place: ["roomId"],
  date: ["staffId", "roomId", "participantId", "start"],
  start: ["staffId", "roomId", "participantId", "start"],
  end: ["staffId", "roomId", "participantId", "start"],
  repeat: ["staffId", "roomId", "participantId", "start"],
  count: ["staffId", "roomId", "participantId", "start"],
  until: ["staffId", "roomId", "participantId", "start"],
};

export interface BookingSite {
  id: string;
  name: string;
  timeZone: string;
}

export interface BookAppointmentModalProps {
  /** The form's first values (a clicked slot, the view's room, staff member or participant). */
  initial: Partial<BookingValues>;
  /** The participant already chosen (the participant view). */
  participant: ParticipantOption | null;
  /** The site shown: its staff and rooms until a participant of another site is chosen. */
  site: BookingSite | null;
  sites: readonly BookingSite[];
  onClose: () => void;
}

/**
 * Book an individual or family session: who, with whom, where, when, and how often. Problems show on
 * their field before anything is sent; a clash found by the server shows under the field to change
 * (the staff member, the room, the participant, the time), with everything typed kept. When the only
 * clashes are the participant's declared unavailability, "Book anyway" books over it after a second
 * confirmation.
 */
export function BookAppointmentModal({
  initial,
  participant,
  site,
  sites,
  onClose,
}: BookAppointmentModalProps) {
  const { t, i18n } = useTranslation("calendar");
  const phone = useMediaQuery("(max-width: 48em)");
  const book = useBookAppointment();
  const [search, setSearch] = useState(participant?.name ?? "");
  const [chosen, setChosen] = useState<ParticipantOption | null>(participant);
  const [conflicts, setConflicts] = useState<ScheduleConflictView[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  const form = useForm<BookingValues>({
    mode: "controlled",
    initialValues: emptyBooking({ participantId: participant?.id ?? "", ...initial }),
    onValuesChange: (next, previous) => {
      const stale = new Set(
        Object.keys(CLASH_FIELDS).flatMap((field) =>
          next[field as keyof BookingValues] !== previous[field as keyof BookingValues]
            ? (CLASH_FIELDS[field] ?? [])
            : [],
        ),
      );
      if (stale.size > 0) setConflicts((list) => list.filter((c) => !stale.has(c.field)));
    },
  });
  const values = form.values;

  const bookingSite = sites.find((s) => s.id === chosen?.siteId) ?? site;
  const staff = useStaffOfSite(bookingSite?.id);
  const rooms = useRooms(bookingSite?.id);
  const family = useFamilyMembers(values.participantId, values.kind === "family");
  const linked = family.data ?? [];
  const found = useParticipantSearch(search);

  const participantOptions = new Map<string, ParticipantOption>();
  if (chosen) participantOptions.set(chosen.id, chosen);
  for (const option of found.data ?? []) participantOptions.set(option.id, option);
  const several = new Set([...participantOptions.values()].map((o) => o.siteId)).size > 1;
  const participantData = [...participantOptions.values()].map((o) => ({
    value: o.id,
    label: several ? `${o.name} (${o.siteName})` : o.name,
  }));
  const activeRooms = (rooms.data?.rooms ?? []).filter((r) => r.active || r.id === values.roomId);
  const withDate = values.repeat !== "none";

  const showErrors = (errors: FormErrors) => {
    form.setErrors(errors);
    const first = FIELD_ORDER.find((f) => errors[f]) ?? Object.keys(errors)[0];
    if (first) form.getInputNode(first)?.focus();
  };

  const submit = (allowUnavailability: boolean) => {
    setFormErrors([]);
    const errors = validateBooking(values, linked, t);
    if (Object.keys(errors).length > 0) {
      showErrors(errors);
      return;
    }
    book.mutate(bookingOf(values, linked, allowUnavailability), {
      onSuccess: ({ appointments }) => {
        const first = appointments[0];
        notifications.show({
          color: "green",
          message: first
            ? t("book.booked", {
                count: appointments.length,
                when: `${formatDay(first.date, i18n.language, "short")}, ${formatTimeRange(first.start, first.end, i18n.language)}`,
              })
            : t("book.bookedNone"),
        });
        onClose();
      },
      onError: (error) => {
        const clashes = conflictsOf(error);
        setAttempt((n) => n + 1);
        setConflicts(clashes);
        if (clashes.length > 0) {
          requestAnimationFrame(() => summaryRef.current?.focus());
          return;
        }
        const linkedCount = linked.filter((m) => values.linkedIds.includes(m.userId)).length;
        const { fields, rest } = serverBookingErrors(error, values, linkedCount, t, i18n.language);
        const placed = Object.keys(fields).length > 0;
        if (placed) showErrors(fields);
        if (rest.length > 0) setFormErrors(rest);
        else if (!placed) setFormErrors([t(requestErrorKey(error), { ns: "admin" })]);
      },
    });
  };

  const onParticipant = (id: string | null) => {
    const option = id ? (participantOptions.get(id) ?? null) : null;
    setChosen(option);
    form.setFieldValue("participantId", id ?? "");
    form.setFieldValue("linkedIds", []);
    if (option && option.siteId !== bookingSite?.id) {
      form.setFieldValue("staffId", "");
      form.setFieldValue("roomId", "");
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("book.title")} size="lg" fullScreen={phone}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(false);
        }}
      >
        <Stack>
          {bookingSite && (
            <Text size="sm" c="dimmed">
              {t("book.zone", { site: bookingSite.name, zone: bookingSite.timeZone })}
            </Text>
          )}
          <Select
            label={t("book.participant")}
            description={t("book.participantHelp")}
            placeholder={t("book.participantPlaceholder")}
            required
            searchable
            clearable
            data={participantData}
            value={values.participantId || null}
            searchValue={search}
            onSearchChange={setSearch}
            onChange={onParticipant}
            filter={({ options }) => options}
            nothingFoundMessage={search.trim().length >= 2 ? t("book.noParticipant") : t("book.typeToSearch")}
            comboboxProps={{ withinPortal: true }}
            error={fieldError(
              form.errors.participantId as string | undefined,
              conflicts,
              "participantId",
              withDate,
            )}
            data-path="participantId"
          />

          <Radio.Group
            label={t("book.kind")}
            value={values.kind}
            onChange={(value) => form.setFieldValue("kind", value as BookingValues["kind"])}
          >
            <Group gap="lg" mt={4}>
              <Radio value="individual" label={t("book.individual")} />
              <Radio value="family" label={t("book.family")} />
            </Group>
          </Radio.Group>

          {values.kind === "family" && (
            <FamilyAttendeesFields
              form={form}
              linked={linked}
              loading={family.isPending && family.fetchStatus !== "idle"}
            />
          )}

          <Select
            label={t("book.staff")}
            required
            searchable
            data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            nothingFoundMessage={t("book.noStaff")}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("staffId")}
            value={values.staffId || null}
            onChange={(value) => form.setFieldValue("staffId", value ?? "")}
            error={fieldError(form.errors.staffId as string | undefined, conflicts, "staffId", withDate)}
          />

          <Radio.Group
            label={t("book.where")}
            value={values.place}
            onChange={(value) => form.setFieldValue("place", value as BookingValues["place"])}
          >
            <Group gap="lg" mt={4}>
              <Radio value="room" label={t("book.placeRoom")} />
              <Radio value="video" label={t("book.placeVideo")} />
              <Radio value="other" label={t("book.placeOther")} />
            </Group>
          </Radio.Group>
          {values.place === "room" && (
            <NativeSelect
              label={t("book.room")}
              data={[
                { value: "", label: activeRooms.length === 0 ? t("book.noRooms") : t("book.chooseRoom") },
                ...activeRooms.map((r) => ({ value: r.id, label: r.name })),
              ]}
              {...form.getInputProps("roomId")}
              error={fieldError(form.errors.roomId as string | undefined, conflicts, "roomId", withDate)}
            />
          )}
          {values.place === "video" && (
            <TextInput
              type="url"
              label={t("book.videoLink")}
              placeholder="https://"
              {...form.getInputProps("videoLink")}
            />
          )}
          {values.place === "other" && (
            <TextInput
              label={t("book.placeText")}
              description={t("book.placeTextHelp")}
              {...form.getInputProps("placeText")}
            />
          )}

          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput type="date" label={t("book.date")} w={180} {...form.getInputProps("date")} />
            <TextInput
              type="time"
              step={900}
              label={t("book.start")}
              w={140}
              {...form.getInputProps("start")}
              error={fieldError(form.errors.start as string | undefined, conflicts, "start", withDate)}
            />
            <TextInput type="time" step={900} label={t("book.end")} w={140} {...form.getInputProps("end")} />
          </Group>

          <NativeSelect
            label={t("book.repeat")}
            w={260}
            data={[
              { value: "none", label: t("book.repeatNone") },
              ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t("book.repeatEvery", { count: n }) })),
            ]}
            {...form.getInputProps("repeat")}
          />
          {values.repeat !== "none" && (
            <Stack gap="xs">
              <Radio.Group
                label={t("book.repeatEnds")}
                value={values.repeatEnd}
                onChange={(value) => form.setFieldValue("repeatEnd", value as BookingValues["repeatEnd"])}
              >
                <Group gap="lg" mt={4}>
                  <Radio value="count" label={t("book.repeatCount")} />
                  <Radio value="until" label={t("book.repeatUntil")} />
                </Group>
              </Radio.Group>
              {values.repeatEnd === "count" ? (
                <NumberInput
                  label={t("book.count")}
                  description={t("book.countHelp", { max: MAX_APPOINTMENT_OCCURRENCES })}
                  min={2}
                  max={MAX_APPOINTMENT_OCCURRENCES}
                  allowDecimal={false}
                  w={200}
                  {...form.getInputProps("count")}
                />
              ) : (
                <TextInput type="date" label={t("book.until")} w={200} {...form.getInputProps("until")} />
              )}
            </Stack>
          )}

          <div ref={summaryRef} tabIndex={-1} style={{ outline: "none" }}>
            <ConflictSummary
              key={attempt}
              conflicts={conflicts}
              action="book"
              loading={book.isPending}
              onOverride={() => submit(true)}
            />
          </div>
          {formErrors.length > 0 && (
            <Alert color="red" variant="light" role="alert">
              {formErrors.map((message) => (
                <Text key={message} size="sm">
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("book.cancel")}
            </Button>
            <Button type="submit" loading={book.isPending}>
              {t("book.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

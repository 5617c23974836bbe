import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { enrollmentMoveSchema, enrollmentPlacementSchema } from "../../../core/schedule/enrollment.schema";
import { useTracks } from "../schedule/api/get-tracks";
import { formatPattern } from "../schedule/schedule-format";
import { useMoveToTrack } from "./api/move-to-track";
import { usePlaceInTrack } from "./api/place-in-track";
import { enrollmentFailureOf } from "./enrollment-errors";
import { todayHere } from "./today";
import { freePlaces, isFull, joinableTracks } from "./track-places";

type Errors = Partial<Record<"trackId" | "on" | "form", string>>;

/**
 * Place the participant in a track from a date, or move them to another one. The picker shows the
 * places left; a full track (or one with people waiting) is explained and the waitlist offered,
 * and so is a refusal from the server when the track fills up meanwhile.
 */
export function PlaceInTrackModal({
  mode,
  participantId,
  name,
  siteId,
  currentTrackId = null,
  onClose,
}: {
  mode: "place" | "move";
  participantId: string;
  name: string;
  siteId: string;
  currentTrackId?: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const tracks = useTracks();
  const place = usePlaceInTrack();
  const move = useMoveToTrack();
  const saving = place.isPending || move.isPending;
  const [trackId, setTrackId] = useState<string | null>(null);
  const [on, setOn] = useState(todayHere());
  const [errors, setErrors] = useState<Errors>({});
  /** The server said full although the list showed room (places promised from a later date). */
  const [fullOnDate, setFullOnDate] = useState(false);

  const options = joinableTracks(tracks.data?.tracks ?? [], siteId, on).filter(
    (tr) => tr.id !== currentTrackId,
  );
  const chosen = options.find((tr) => tr.id === trackId) ?? null;
  const full = chosen !== null && (isFull(chosen) || fullOnDate);
  const data = options.map((tr) => {
    const free = freePlaces(tr);
    const places =
      free === 0
        ? t("placement.optionFull", { waiting: tr.waitlistCount })
        : tr.waitlistCount > 0
          ? t("placement.optionWaiting", { free, waiting: tr.waitlistCount })
          : t("placement.optionFree", { count: free });
    return { value: tr.id, label: `${tr.name} · ${places}` };
  });
  /** Each option also says when the track meets (the field shows the name and places only). */
  const patterns = new Map(options.map((tr) => [tr.id, formatPattern(tr.pattern.slots, i18n.language)]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = mode === "place" ? { trackId, joinOn: on } : { trackId, on };
    const schema = mode === "place" ? enrollmentPlacementSchema : enrollmentMoveSchema;
    const parsed = schema.safeParse({ ...fields, waitlistIfFull: full });
    if (!parsed.success) {
      const local: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (field === "trackId") local.trackId = t("errors.trackRequired");
        else local.on = t("errors.dateRequired");
      }
      setErrors(local);
      return;
    }
    setErrors({});
    const track = chosen?.name ?? "";
    const onError = (error: unknown) => {
      const failure = enrollmentFailureOf(error, ["trackId", "joinOn", "on"]);
      if (failure.kind === "full") setFullOnDate(true);
      else if (failure.kind === "fields")
        setErrors({ trackId: failure.fields.trackId, on: failure.fields.joinOn ?? failure.fields.on });
      else setErrors({ form: t(failure.key) });
    };
    const onSuccess = (
      status: "enrolled" | "waitlisted" | "exited",
      position: number | null,
      warnings: readonly string[] = [],
    ) => {
      // The program's rule on groups before a signed plan, when set to warn: placed, and told so.
      if (warnings.length > 0) {
        notifications.show({
          color: "yellow",
          title: t("placement.warningTitle"),
          message: warnings.join(" "),
        });
      }
      notifications.show({
        color: "green",
        message:
          status === "waitlisted"
            ? t("placement.waitlisted", { name, track, position: position ?? 1 })
            : mode === "move"
              ? t("placement.moved", { name, track })
              : t("placement.placed", { name, track }),
      });
      onClose();
    };
    if (mode === "place") {
      place.mutate(
        { participantId, input: { trackId: trackId!, joinOn: on, waitlistIfFull: full } },
        { onSuccess: (e) => onSuccess(e.status, e.waitlistPosition, e.warnings), onError },
      );
    } else {
      move.mutate(
        { participantId, input: { trackId: trackId!, on, waitlistIfFull: full } },
        { onSuccess: (r) => onSuccess(r.joined.status, r.joined.waitlistPosition), onError },
      );
    }
  };

  return (
    <Modal
      opened
      size="lg"
      onClose={onClose}
      title={mode === "place" ? t("placement.placeTitle", { name }) : t("placement.moveTitle", { name })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {mode === "move" && <Text size="sm">{t("placement.moveExplain")}</Text>}
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <Select
            label={t("placement.track")}
            placeholder={tracks.isPending ? t("placement.loadingTracks") : t("placement.chooseTrack")}
            data={data}
            value={trackId}
            onChange={(value) => {
              setTrackId(value);
              setFullOnDate(false);
            }}
            error={errors.trackId}
            nothingFoundMessage={t("placement.noTracks")}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {option.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {patterns.get(option.value)}
                </Text>
              </Stack>
            )}
            required
            data-autofocus
          />
          {chosen && full && (
            <Alert
              color="orange"
              variant="light"
              role="status"
              title={
                freePlaces(chosen) > 0 && chosen.waitlistCount > 0 && !fullOnDate
                  ? t("placement.waitingTitle", { track: chosen.name })
                  : t("placement.fullTitle", { track: chosen.name })
              }
            >
              {fullOnDate && !isFull(chosen)
                ? t("placement.fullOnDate", { track: chosen.name, name })
                : t("placement.fullBody", {
                    track: chosen.name,
                    name,
                    taken: chosen.enrolledCount,
                    capacity: chosen.capacity,
                    waiting: chosen.waitlistCount,
                    position: chosen.waitlistCount + 1,
                  })}
            </Alert>
          )}
          <TextInput
            type="date"
            label={mode === "place" ? t("placement.joinOn") : t("placement.moveOn")}
            description={mode === "move" ? t("placement.moveOnHint") : undefined}
            value={on}
            onChange={(e) => {
              setOn(e.currentTarget.value);
              setFullOnDate(false);
            }}
            error={errors.on}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={saving}>
              {full
                ? t("placement.addToWaitlist")
                : mode === "place"
                  ? t("placement.placeSubmit")
                  : t("placement.moveSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

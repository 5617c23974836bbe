import { ActionIcon, Alert, Button, Group, Loader, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CARE_TEAM_ROLES,
  careTeamUpdateSchema,
  type ParticipantRecord,
} from "../../../core/participants/participants.schema";
import { ApiError } from "../../app/api-client";
import { requestErrorKey } from "../admin/form-errors";
import { useSiteStaff } from "./api/get-site-staff";
import { useUpdateCareTeam } from "./api/update-care-team";

type CareTeamRole = (typeof CARE_TEAM_ROLES)[number];
interface Row {
  key: number;
  userId: string;
  role: CareTeamRole;
}

const isCareTeamRole = (role: string): role is CareTeamRole =>
  (CARE_TEAM_ROLES as readonly string[]).includes(role);

/** Edit who is on the care team: staff at the participant's site, each with a care-team role. */
export function CareTeamModal({ record, onClose }: { record: ParticipantRecord; onClose: () => void }) {
  const { t, i18n } = useTranslation("admin");
  const staff = useSiteStaff(record.site.id);
  const save = useUpdateCareTeam();
  const [rows, setRows] = useState<Row[]>(() =>
    record.careTeam.map((m, key) => ({
      key,
      userId: m.userId,
      role: isCareTeamRole(m.role) ? m.role : "counselor",
    })),
  );
  const [nextKey, setNextKey] = useState(record.careTeam.length);
  const [error, setError] = useState<string | null>(null);

  const staffOptions = [
    { value: "", label: t("careTeam.chooseStaff") },
    ...(staff.data?.staff ?? []).map((s) => ({
      value: s.id,
      label: `${s.displayName} (${s.roles.map((r) => t(`roleNames.${r}`, { defaultValue: r })).join(", ")})`,
    })),
  ];
  const update = (key: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = () => {
    setError(null);
    const chosen = rows.filter((r) => r.userId !== "");
    if (new Set(chosen.map((r) => r.userId)).size !== chosen.length) {
      setError("careTeam.duplicate");
      return;
    }
    if (chosen.filter((r) => r.role === "primary_counselor").length > 1) {
      setError("careTeam.onePrimary");
      return;
    }
    const parsed = careTeamUpdateSchema.safeParse({
      members: chosen.map(({ userId, role }) => ({ userId, role })),
    });
    if (!parsed.success) {
      setError("careTeam.tooMany");
      return;
    }
    save.mutate(
      { participantId: record.id, update: parsed.data },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("careTeam.saved") });
          onClose();
        },
        onError: (e) =>
          setError(e instanceof ApiError && e.fields[0] ? e.fields[0].message : requestErrorKey(e)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("careTeam.editTitle")} size="lg">
      <Stack>
        {staff.isPending && <Loader size="sm" aria-label={t("states.loading")} />}
        {staff.isError && (
          <Alert color="red" variant="light" role="alert">
            {t("careTeam.staffUnavailable")}
          </Alert>
        )}
        {rows.length === 0 && <Text c="dimmed">{t("careTeam.none")}</Text>}
        {rows.map((row, index) => (
          <Group key={row.key} align="flex-end" gap="xs" wrap="nowrap">
            <NativeSelect
              style={{ flex: 2 }}
              label={t("careTeam.member", { number: index + 1 })}
              value={row.userId}
              data={staffOptions}
              onChange={(event) => update(row.key, { userId: event.currentTarget.value })}
            />
            <NativeSelect
              style={{ flex: 1 }}
              label={t("careTeam.role", { number: index + 1 })}
              value={row.role}
              data={CARE_TEAM_ROLES.map((r) => ({ value: r, label: t(`careTeamRoles.${r}`) }))}
              onChange={(event) => update(row.key, { role: event.currentTarget.value as CareTeamRole })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t("careTeam.remove", { number: index + 1 })}
              onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} aria-hidden />}
          style={{ alignSelf: "flex-start" }}
          onClick={() => {
            setRows((current) => [...current, { key: nextKey, userId: "", role: "counselor" }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t("careTeam.add")}
        </Button>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {i18n.exists(error, { ns: "admin" }) ? t(error) : error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("actions.cancel")}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t("actions.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import {
  ADMISSION_CARE_TEAM_ROLES,
  MAX_ADMISSION_CARE_TEAM,
} from "../../../core/admissions/admission.schema";

export interface CareTeamRow {
  userId: string;
  role: string;
}

interface StaffMember {
  id: string;
  displayName: string;
}

/**
 * The care team chosen at admission besides the primary counselor: a staff member of the site and
 * their role on each row. The primary counselor is on the team already and is not offered again.
 */
export function AdmissionCareTeam({
  value,
  onChange,
  staff,
  primaryCounselorId,
  dataPath,
  error,
}: {
  value: readonly CareTeamRow[];
  onChange: (next: CareTeamRow[]) => void;
  staff: readonly StaffMember[];
  primaryCounselorId: string;
  /** Where the form looks for this field to focus it (Mantine's `data-path`). */
  dataPath: string;
  error: string | undefined;
}) {
  const { t } = useTranslation("intake");
  const { t: tAdmin } = useTranslation("admin");
  const choosable = staff.filter((s) => s.id !== primaryCounselorId);
  const update = (index: number, change: Partial<CareTeamRow>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <Fieldset legend={t("admission.careTeam.title")} aria-describedby="admission-care-team-help">
      <Stack gap="sm">
        <Text size="sm" id="admission-care-team-help">
          {t("admission.careTeam.help")}
        </Text>
        {value.map((row, index) => {
          const number = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; they are only appended or removed
            <Group key={index} align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t("admission.careTeam.member", { number })}
                data={[
                  { value: "", label: t("admission.chooseCounselor") },
                  ...choosable.map((s) => ({ value: s.id, label: s.displayName })),
                ]}
                data-path={index === 0 ? dataPath : undefined}
                value={row.userId}
                onChange={(e) => update(index, { userId: e.currentTarget.value })}
                style={{ flex: "1 1 14rem" }}
              />
              <NativeSelect
                label={t("admission.careTeam.role", { number })}
                data={[
                  { value: "", label: t("admission.chooseCounselor") },
                  ...ADMISSION_CARE_TEAM_ROLES.map((role) => ({
                    value: role,
                    label: tAdmin(`careTeamRoles.${role}`),
                  })),
                ]}
                value={row.role}
                onChange={(e) => update(index, { role: e.currentTarget.value })}
                style={{ flex: "1 1 10rem" }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t("admission.careTeam.remove", { number })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        {error ? (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        ) : null}
        {value.length < MAX_ADMISSION_CARE_TEAM && (
          <Group>
            <Button
              variant="default"
              size="xs"
              data-path={value.length === 0 ? dataPath : undefined}
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => onChange([...value, { userId: "", role: "" }])}
            >
              {t("admission.careTeam.add")}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

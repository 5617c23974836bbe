import { Alert, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/use-page-title";
import { useRoles } from "./api/get-roles";
import { LoadError, PageHeader, ScrollTable, TableSkeleton } from "./page-states";

/** Roles: a read-only matrix of what each staff role may do. */
export function RolesPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("roles.title"));
  const roles = useRoles();
  return (
    <Stack maw={1200}>
      <PageHeader title={t("roles.title")} />
      <Text>{t("roles.intro")}</Text>
      {roles.isPending && <TableSkeleton rows={8} />}
      {roles.isError && <LoadError error={roles.error} onRetry={() => void roles.refetch()} />}
      {roles.data && (
        <>
          <Alert variant="light" icon={<IconInfoCircle aria-hidden />} title={t("roles.scopeTitle")}>
            <Text size="sm">
              {t("roles.scopeBody", {
                roles: roles.data.roles
                  .filter((r) => r.caseloadScoped)
                  .map((r) => t(`roleNames.${r.role}`))
                  .join(", "),
              })}
            </Text>
            <Text size="sm" fw={600} mt="xs">
              {roles.data.counselorScope === "care_team" ? t("roles.scopeCareTeam") : t("roles.scopeSite")}
            </Text>
          </Alert>
          <ScrollTable label={t("roles.tableLabel")} minWidth={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("roles.permission")}</Table.Th>
                {roles.data.roles.map((role) => (
                  <Table.Th scope="col" key={role.role} ta="center">
                    {t(`roleNames.${role.role}`, { defaultValue: role.name })}
                    {role.caseloadScoped && (
                      <Text size="xs" c="dimmed" fw={400}>
                        {t("roles.caseloadScoped")}
                      </Text>
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data.permissions.map((permission) => (
                <Table.Tr key={permission.key}>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" fw={600}>
                      {t(`permissionDescriptions.${permission.key}`, {
                        defaultValue: permission.description,
                      })}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {permission.key}
                    </Text>
                  </Table.Th>
                  {roles.data.roles.map((role) => {
                    const granted = role.permissions.includes(permission.key);
                    return (
                      <Table.Td key={role.role} ta="center">
                        {granted && <IconCheck size={18} aria-hidden color="var(--mantine-color-green-7)" />}
                        <VisuallyHidden>
                          {granted ? t("roles.granted") : t("roles.notGranted")}
                        </VisuallyHidden>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}

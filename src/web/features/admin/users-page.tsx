import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AdminUser, USER_STATUSES } from "../../../core/identity/accounts.schema";
import { USER_KINDS } from "../../../core/identity/identity.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useSites } from "./api/get-sites";
import { useUsers } from "./api/get-users";
import { formatDateTime } from "./format";
import { InviteStaffModal } from "./invite-staff-modal";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "./page-states";
import { Pager } from "./pager";
import { UserActions } from "./user-actions";

const STATUS_COLORS: Record<AdminUser["status"], string> = {
  active: "green",
  invited: "blue",
  deactivated: "gray",
};

export function UserStatusBadge({ status }: { status: AdminUser["status"] }) {
  const { t } = useTranslation("admin");
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

/** Users: search, filter by kind, status and site, page through, invite and manage staff. */
export function UsersPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("users.title"));
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState("");
  const [status, setStatus] = useState("");
  const [siteId, setSiteId] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [inviting, setInviting] = useState(false);
  const sites = useSites();
  const users = useUsers({
    q: q || undefined,
    kind: (kind || undefined) as AdminUser["kind"] | undefined,
    status: (status || undefined) as AdminUser["status"] | undefined,
    siteId: siteId || undefined,
    page,
    pageSize,
  });
  const siteName = new Map((sites.data?.sites ?? []).map((s) => [s.id, s.name]));
  const filter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPage(1);
  };
  const any = t("users.filters.any");

  return (
    <Stack maw={1200}>
      <PageHeader title={t("users.title")}>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setInviting(true)}>
          {t("users.invite.open")}
        </Button>
      </PageHeader>
      <Group align="flex-end" gap="sm" role="search" aria-label={t("users.filters.label")}>
        <TextInput
          label={t("users.filters.search")}
          placeholder={t("users.filters.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          type="search"
          w={{ base: "100%", sm: 260 }}
        />
        <NativeSelect
          label={t("users.filters.kind")}
          value={kind}
          onChange={(event) => filter(setKind)(event.currentTarget.value)}
          data={[{ value: "", label: any }, ...USER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        />
        <NativeSelect
          label={t("users.filters.status")}
          value={status}
          onChange={(event) => filter(setStatus)(event.currentTarget.value)}
          data={[
            { value: "", label: any },
            ...USER_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t("users.filters.site")}
          value={siteId}
          onChange={(event) => filter(setSiteId)(event.currentTarget.value)}
          data={[
            { value: "", label: any },
            ...(sites.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      </Group>
      {users.isPending && <TableSkeleton />}
      {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data &&
        (users.data.users.length === 0 ? (
          <EmptyState>{t("users.empty")}</EmptyState>
        ) : (
          <>
            <ScrollTable label={t("users.tableLabel")} minWidth={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("users.columns.name")}</Table.Th>
                  <Table.Th scope="col">{t("users.columns.kind")}</Table.Th>
                  <Table.Th scope="col">{t("users.columns.roles")}</Table.Th>
                  <Table.Th scope="col">{t("users.columns.sites")}</Table.Th>
                  <Table.Th scope="col">{t("users.columns.status")}</Table.Th>
                  <Table.Th scope="col">{t("users.columns.mfa")}</Table.Th>
                  <Table.Th scope="col">{t("users.columns.lastSignIn")}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("users.columns.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.users.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Th scope="row" fw={400}>
                      <Text fw={600} size="sm">
                        {user.displayName}
                      </Text>
                      <Anchor href={`mailto:${user.email}`} size="xs">
                        {user.email}
                      </Anchor>
                      {user.requiresCosign && (
                        <Badge ml="xs" size="xs" variant="outline">
                          {t("users.cosign")}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>{t(`kinds.${user.kind}`)}</Table.Td>
                    <Table.Td>{user.roles.map((r) => t(`roleNames.${r}`)).join(", ") || "—"}</Table.Td>
                    <Table.Td>{user.siteIds.map((id) => siteName.get(id) ?? "—").join(", ") || "—"}</Table.Td>
                    <Table.Td>
                      <UserStatusBadge status={user.status} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.mfaEnabled ? "green" : "gray"} variant="outline">
                        {user.mfaEnabled ? t("users.mfaOn") : t("users.mfaOff")}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {user.lastSignInAt
                        ? formatDateTime(user.lastSignInAt, i18n.language)
                        : t("users.never")}
                    </Table.Td>
                    <Table.Td>
                      <UserActions user={user} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Pager
              page={users.data.page}
              pageSize={users.data.pageSize}
              total={users.data.total}
              onPage={setPage}
              onPageSize={(size) => {
                setPageSize(size);
                setPage(1);
              }}
            />
          </>
        ))}
      <InviteStaffModal opened={inviting} onClose={() => setInviting(false)} />
    </Stack>
  );
}

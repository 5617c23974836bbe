import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AUDIT_OUTCOMES, type AuditOutcome, auditFilterSchema } from "../../../core/audit/audit.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useAuditEvents } from "./api/get-audit-events";
import { useHasPermission } from "./api/get-my-permissions";
import { useUsers } from "./api/get-users";
import { type AuditFilterValues, auditExportHref } from "./audit-query";
import { schemaErrors, useFieldErrorText } from "./form-errors";
import { formatDateTime } from "./format";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "./page-states";

type Draft = Required<{ [K in keyof AuditFilterValues]: string }>;
const KEYS = ["userId", "participantId", "action", "outcome", "from", "to"] as const;

/** The applied filters live in the address, so a filtered view can be bookmarked or shared. */
export function filtersFromParams(params: URLSearchParams): AuditFilterValues {
  const filters: AuditFilterValues = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === "outcome") {
      if ((AUDIT_OUTCOMES as readonly string[]).includes(value)) filters.outcome = value as AuditOutcome;
    } else filters[key] = value;
  }
  return filters;
}

export function validateAuditFilters(draft: Draft) {
  const values = Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== ""));
  return schemaErrors(auditFilterSchema, values, (field) => {
    if (field === "userId") return "errors.userIdInvalid";
    if (field === "participantId") return "errors.participantIdInvalid";
    if (field === "to" && draft.from && draft.to && /^\d{4}-\d{2}-\d{2}$/.test(draft.to))
      return "errors.dateOrder";
    if (field === "from" || field === "to") return "errors.dateInvalid";
    return "errors.invalid";
  });
}

function UserFilter({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation("admin");
  const canList = useHasPermission("users.manage");
  const users = useUsers({ pageSize: 100 }, { enabled: canList });
  if (!canList || !users.data)
    return (
      <TextInput
        label={t("audit.filters.userId")}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        spellCheck={false}
      />
    );
  return (
    <Select
      label={t("audit.filters.user")}
      searchable
      clearable
      value={value || null}
      onChange={(v) => onChange(v ?? "")}
      data={users.data.users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
      error={error}
      nothingFoundMessage={t("audit.filters.noUser")}
    />
  );
}

/** Audit log: filter, read newest first, load older events, export the same selection as CSV. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("audit.title"));
  const errorText = useFieldErrorText();
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params);
  const events = useAuditEvents(applied);
  const form = useForm<Draft>({
    mode: "controlled",
    initialValues: {
      userId: applied.userId ?? "",
      participantId: applied.participantId ?? "",
      action: applied.action ?? "",
      outcome: applied.outcome ?? "",
      from: applied.from ?? "",
      to: applied.to ?? "",
    },
    validate: validateAuditFilters,
  });
  const apply = form.onSubmit((draft) => {
    const next = new URLSearchParams();
    for (const key of KEYS) if (draft[key].trim()) next.set(key, draft[key].trim());
    setParams(next);
  });
  const clear = () => {
    form.setValues({ userId: "", participantId: "", action: "", outcome: "", from: "", to: "" });
    form.clearErrors();
    setParams(new URLSearchParams());
  };
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <Stack maw={1280}>
      <PageHeader title={t("audit.title")}>
        <Button
          component="a"
          href={auditExportHref(applied)}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
        >
          {t("audit.export")}
        </Button>
      </PageHeader>
      <form onSubmit={apply} noValidate aria-label={t("audit.filters.label")}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <UserFilter
            value={form.values.userId}
            onChange={(v) => form.setFieldValue("userId", v)}
            error={errorText(form.errors.userId)}
          />
          <TextInput
            label={t("audit.filters.participantId")}
            spellCheck={false}
            {...form.getInputProps("participantId")}
            error={errorText(form.errors.participantId)}
          />
          <TextInput
            label={t("audit.filters.action")}
            placeholder={t("audit.filters.actionPlaceholder")}
            {...form.getInputProps("action")}
            error={errorText(form.errors.action)}
          />
          <NativeSelect
            label={t("audit.filters.outcome")}
            data={[
              { value: "", label: t("users.filters.any") },
              ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })),
            ]}
            {...form.getInputProps("outcome")}
          />
          <TextInput
            type="date"
            label={t("audit.filters.from")}
            {...form.getInputProps("from")}
            error={errorText(form.errors.from)}
          />
          <TextInput
            type="date"
            label={t("audit.filters.to")}
            {...form.getInputProps("to")}
            error={errorText(form.errors.to)}
          />
        </SimpleGrid>
        <Group mt="sm" gap="xs">
          <Button type="submit">{t("audit.filters.apply")}</Button>
          <Button variant="default" onClick={clear}>
            {t("audit.filters.clear")}
          </Button>
        </Group>
      </form>
      {events.isPending && <TableSkeleton />}
      {events.isError && <LoadError error={events.error} onRetry={() => void events.refetch()} />}
      {events.data &&
        (rows.length === 0 ? (
          <EmptyState>{t("audit.empty")}</EmptyState>
        ) : (
          <>
            <ScrollTable label={t("audit.tableLabel")} minWidth={1100}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("audit.columns.time")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.actor")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.action")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.resource")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.participant")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.purpose")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.outcome")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((event) => (
                  <Table.Tr key={event.seq}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <time dateTime={event.occurredAt}>
                        {formatDateTime(event.occurredAt, i18n.language)}
                      </time>
                    </Table.Td>
                    <Table.Td>{event.actor?.displayName ?? t("audit.system")}</Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {event.action}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{event.resourceType}</Text>
                      {event.resourceId && (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {event.resourceId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {event.participant ? (
                        <Anchor component={Link} to={`/staff/participants/${event.participant.id}`} size="sm">
                          {event.participant.name}
                        </Anchor>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                    <Table.Td>{t(`purposes.${event.purpose}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={event.outcome === "denied" ? "red" : "green"} variant="light">
                        {t(`outcomes.${event.outcome}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            {events.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
                style={{ alignSelf: "flex-start" }}
              >
                {t("audit.older")}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t("audit.end")}
              </Text>
            )}
          </>
        ))}
    </Stack>
  );
}

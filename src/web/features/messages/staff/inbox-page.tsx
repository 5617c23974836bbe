import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { InboxScope } from "../../../../core/messages/messages.schema";
import { usePageTitle } from "../../../app/use-page-title";
import { EmptyState, LoadError, TableSkeleton } from "../../admin/page-states";
import { INBOX_PAGE_SIZE, useInbox } from "../api/get-inbox";
import { formatSentAt } from "../conversation";

/**
 * The staff messages inbox: conversations of my caseload (or, for site-wide readers, the whole site),
 * newest activity first, unread counts in words, unread-only filter; the filters live in the address
 * so a conversation's back link returns to the same view.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation("messages");
  usePageTitle(t("staff.title"));
  const [params, setParams] = useSearchParams();
  const scope: InboxScope = params.get("scope") === "site" ? "site" : "caseload";
  const unreadOnly = params.get("unread") === "true";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const inbox = useInbox({ scope, unreadOnly, page });
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const data = inbox.data;
  const siteWide = data?.siteScopeAvailable ?? scope === "site";
  const pages = data ? Math.max(1, Math.ceil(data.total / INBOX_PAGE_SIZE)) : 1;
  const format = (n: number) => n.toLocaleString(i18n.language);

  return (
    <Stack maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t("staff.title")}</Title>
        <Text>{t("staff.intro")}</Text>
        <Text size="sm" c="dimmed">
          {t("staff.staffNotice")}
        </Text>
      </Stack>
      <Group gap="md" align="flex-end">
        {siteWide && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="inbox-scope-label">
              {t("staff.scope")}
            </Text>
            <SegmentedControl
              aria-labelledby="inbox-scope-label"
              value={scope}
              onChange={(value) => set({ scope: value === "site" ? "site" : null, page: null })}
              data={[
                { value: "caseload", label: t("staff.scopeCaseload") },
                { value: "site", label: t("staff.scopeSite") },
              ]}
            />
          </Stack>
        )}
        <Checkbox
          label={t("staff.unreadOnly")}
          checked={unreadOnly}
          onChange={(event) => set({ unread: event.currentTarget.checked ? "true" : null, page: null })}
        />
        {data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("staff.total", { count: data.total, formatted: format(data.total) })}
          </Text>
        )}
      </Group>
      {inbox.isPending ? (
        <TableSkeleton rows={6} />
      ) : inbox.isError ? (
        <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : data!.threads.length === 0 ? (
        <EmptyState>{unreadOnly ? t("staff.emptyUnread") : t("staff.empty")}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("staff.participant")}</Table.Th>
                <Table.Th scope="col">{t("staff.subject")}</Table.Th>
                <Table.Th scope="col">{t("staff.lastMessage")}</Table.Th>
                <Table.Th scope="col">{t("staff.when")}</Table.Th>
                <Table.Th scope="col" style={{ whiteSpace: "nowrap" }}>
                  {t("staff.unread")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data!.threads.map((thread) => (
                <Table.Tr key={thread.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/participants/${thread.participant.id}`}>
                      {thread.participant.name}
                    </Anchor>
                    {thread.family && (
                      <Badge color="grape" variant="light" tt="none" display="block" mt={4} maw="none">
                        {t("family.staffLabel", {
                          name: thread.family.name,
                          relationship: thread.family.relationship,
                          participant: thread.participant.name,
                        })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/staff/messages/${thread.id}`}
                      state={{ from: `/staff/messages?${params.toString()}` }}
                      fw={thread.unread > 0 ? 700 : undefined}
                    >
                      {thread.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {thread.lastMessage
                        ? `${thread.lastMessage.authorName}: ${thread.lastMessage.preview}`
                        : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <time dateTime={thread.lastMessageAt}>
                        {formatSentAt(thread.lastMessageAt, i18n.language)}
                      </time>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {thread.unread > 0 ? (
                      <Badge
                        color="blue"
                        variant="light"
                        tt="none"
                        styles={{ label: { overflow: "visible" } }}
                        style={{ overflow: "visible", maxWidth: "none" }}
                      >
                        {t("staff.unreadCount", { count: thread.unread, formatted: format(thread.unread) })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(next) => set({ page: next === 1 ? null : String(next) })}
          getControlProps={(control) => ({
            "aria-label":
              control === "previous" ? t("list.previous") : control === "next" ? t("list.next") : undefined,
          })}
        />
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconAlertCircle, IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";

/** True when the server refused because the signed-in person lacks the permission. */
export const isForbidden = (error: unknown) =>
  error instanceof ApiError && error.status === 403 && error.code !== "ACCESS_BREAK_GLASS_AVAILABLE";

/** "You do not have access to this page": the server's 403, said plainly. */
export function NoAccess() {
  const { t } = useTranslation("admin");
  return (
    <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title={t("states.noAccessTitle")}>
      {t("states.noAccessBody")}
    </Alert>
  );
}

/** A failed load: no access, or a message with a retry button. */
export function LoadError({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry: () => void;
  title?: string;
}) {
  const { t } = useTranslation("admin");
  if (isForbidden(error)) return <NoAccess />;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
      title={title ?? t("states.loadError")}
    >
      <Button mt="sm" variant="default" onClick={onRetry}>
        {t("states.retry")}
      </Button>
    </Alert>
  );
}

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation("admin");
  return (
    <Stack gap="xs" role="status">
      <VisuallyHidden>{t("states.loading")}</VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} h={36} />
      ))}
    </Stack>
  );
}

/** A message where a list is empty. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="md">
      {children}
    </Text>
  );
}

/** A table that scrolls sideways on narrow screens instead of squeezing its columns. */
export function ScrollTable({
  label,
  minWidth = 720,
  children,
}: {
  label: string;
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
        <Table.Caption>
          <VisuallyHidden>{label}</VisuallyHidden>
        </Table.Caption>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}

/** Page heading with optional actions beside it (below it on phones). */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Title order={1}>{title}</Title>
      {children && <Group gap="xs">{children}</Group>}
    </Group>
  );
}

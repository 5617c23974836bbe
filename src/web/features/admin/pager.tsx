import { Button, Group, NativeSelect, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** "1–25 of 60", previous/next, and how many rows per page. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const { t, i18n } = useTranslation("admin");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (value: number) => value.toLocaleString(i18n.language);
  return (
    <Group justify="space-between" gap="sm" component="nav" aria-label={t("pager.label")}>
      <Text size="sm" aria-live="polite">
        {t("pager.range", { from: n(from), to: n(to), total: n(total) })}
      </Text>
      <Group gap="xs">
        <NativeSelect
          aria-label={t("pager.pageSize")}
          size="xs"
          value={String(pageSize)}
          data={PAGE_SIZES.map((size) => ({
            value: String(size),
            label: t("pager.perPage", { count: size }),
          }))}
          onChange={(event) => onPageSize(Number(event.currentTarget.value))}
        />
        <Button size="xs" variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("pager.previous")}
        </Button>
        <Text size="sm">{t("pager.page", { page: n(page), pages: n(pages) })}</Text>
        <Button size="xs" variant="default" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t("pager.next")}
        </Button>
      </Group>
    </Group>
  );
}

import { Badge, Group, NavLink, Stack, Text } from "@mantine/core";
import { IconHome } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/** Domains that later work brings to life; listed now so staff see where the product is going. */
const UPCOMING = [
  "participants",
  "admissions",
  "schedule",
  "attendance",
  "notes",
  "treatmentPlans",
  "assessments",
  "alerts",
  "messages",
  "outcomes",
  "billing",
  "administration",
] as const;

/** The staff domains: Home is live; the rest are shown, disabled, with a "Coming soon" badge. */
export function StaffNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const atHome = pathname === "/staff" || pathname === "/staff/";
  return (
    <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: "none" }}>
      <li>
        <NavLink
          component={Link}
          to="/staff"
          label={t("nav.home")}
          leftSection={<IconHome size={18} aria-hidden />}
          active={atHome}
          variant="filled"
          aria-current={atHome ? "page" : undefined}
          onClick={onNavigate}
        />
      </li>
      {UPCOMING.map((key) => (
        <li key={key}>
          <Group justify="space-between" px="sm" py={8} wrap="nowrap" gap="xs" aria-disabled="true">
            <Text size="sm">{t(`nav.${key}`)}</Text>
            <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {t("common.comingSoon")}
            </Badge>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

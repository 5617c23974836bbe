import { Badge, NavLink } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { alertCountsQuery, useAlertCounts } from "./api/get-alert-counts";

/**
 * "Alerts" in the staff navigation with the open alerts in a badge, in words ("3 open"): the link
 * reads "Alerts 3 open" (its visible words, so speech input finds it too). The badge is red when something urgent or emergency is open; the words are
 * there either way (never colour alone).
 */
export function AlertsNavItem({ active, onNavigate }: { active: boolean; onNavigate: () => void }) {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const counts = useAlertCounts(true);
  // Staff moving around the app is when to look again (once the count is 30 s old); no background polling.
  useEffect(() => {
    if (pathname) void queryClient.prefetchQuery(alertCountsQuery);
  }, [pathname, queryClient]);
  const open = counts.data?.open ?? 0;
  const formatted = open.toLocaleString(i18n.language);
  const pressing = (counts.data?.bySeverity.urgent ?? 0) + (counts.data?.bySeverity.emergency ?? 0);
  return (
    <li>
      <NavLink
        component={Link}
        to="/staff/alerts"
        label={t("nav.alerts")}
        leftSection={<IconBell size={18} aria-hidden />}
        rightSection={
          open > 0 ? (
            <Badge size="sm" color={pressing > 0 ? "red" : "gray"} variant="light" tt="none">
              {t("nav.alertsOpen", { count: open, formatted })}
            </Badge>
          ) : null
        }
        active={active}
        variant="filled"
        aria-current={active ? "page" : undefined}
        onClick={onNavigate}
      />
    </li>
  );
}

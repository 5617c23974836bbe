import { Badge, NavLink } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { staffUnreadQuery, useStaffUnread } from "../api/get-staff-unread";

/**
 * "Messages" in the staff navigation with the unread messages of the caseload's conversations in a
 * badge, in words ("3 unread"), so the link reads the same to sight and to speech.
 */
export function MessagesNavItem({ active, onNavigate }: { active: boolean; onNavigate: () => void }) {
  const { t, i18n } = useTranslation();
  const { t: tm } = useTranslation("messages");
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const unread = useStaffUnread(true);
  // Moving around the app is when to look again (once the count is 30 s old); no background polling.
  useEffect(() => {
    if (pathname) void queryClient.prefetchQuery(staffUnreadQuery);
  }, [pathname, queryClient]);
  const count = unread.data?.unread ?? 0;
  return (
    <li>
      <NavLink
        component={Link}
        to="/staff/messages"
        label={t("nav.messages")}
        leftSection={<IconMessages size={18} aria-hidden />}
        rightSection={
          count > 0 ? (
            <Badge size="sm" color="blue" variant="light" tt="none">
              {tm("nav.unread", { count, formatted: count.toLocaleString(i18n.language) })}
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

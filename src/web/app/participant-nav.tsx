import "./participant-nav.css";
import { Drawer, NavLink as MantineNavLink, Stack } from "@mantine/core";
import {
  IconCalendarWeek,
  IconChartLine,
  IconCircleCheck,
  IconClipboardList,
  IconDots,
  IconHome,
  IconLifebuoy,
  IconListCheck,
  IconLock,
  IconMessages,
  IconNotebook,
  IconShieldHeart,
  IconUserCircle,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";

const ICON = { size: 22, "aria-hidden": true } as const;

/** The four places a participant goes most; everything else is under "More". */
const TABS: { to: string; label: string; icon: ReactNode; end?: boolean; also?: readonly string[] }[] = [
  { to: "/me", label: "nav.today", icon: <IconHome {...ICON} />, end: true },
  { to: "/me/check-in", label: "nav.checkIn", icon: <IconCircleCheck {...ICON} /> },
  {
    to: "/me/recovery-plan",
    label: "nav.plans",
    icon: <IconNotebook {...ICON} />,
    also: ["/me/safety-plan"],
  },
  { to: "/me/messages", label: "nav.messages", icon: <IconMessages {...ICON} /> },
];

const MORE_LINKS = [
  { to: "/me/week", label: "nav.week", icon: <IconCalendarWeek {...ICON} /> },
  { to: "/me/practice", label: "nav.practice", icon: <IconListCheck {...ICON} /> },
  { to: "/me/progress", label: "nav.progress", icon: <IconChartLine {...ICON} /> },
  { to: "/me/recovery-plan", label: "nav.recoveryPlan", icon: <IconNotebook {...ICON} /> },
  { to: "/me/safety-plan", label: "nav.safetyPlan", icon: <IconShieldHeart {...ICON} /> },
  { to: "/me/questionnaires", label: "nav.questionnaires", icon: <IconClipboardList {...ICON} /> },
  { to: "/me/privacy", label: "privacy:nav.privacy", icon: <IconLock {...ICON} /> },
  { to: "/me/help", label: "nav.help", icon: <IconLifebuoy {...ICON} /> },
  { to: "/me/account", label: "nav.account", icon: <IconUserCircle {...ICON} /> },
] as const;

const MORE_PATHS = [
  "/me/week",
  "/me/practice",
  "/me/progress",
  "/me/questionnaires",
  "/me/help",
  "/me/privacy",
  "/me/account",
  "/me/plan",
];

const isUnder = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

function Tabs({ onMore, moreOpen }: { onMore: () => void; moreOpen: boolean }) {
  const { t } = useTranslation("today");
  const { pathname } = useLocation();
  const inMore = MORE_PATHS.some((p) => isUnder(pathname, p));
  return (
    <ul className="participant-tabs">
      {TABS.map((tab) => {
        const alsoHere = tab.also?.some((p) => isUnder(pathname, p)) ?? false;
        return (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className="participant-tab"
              aria-current={alsoHere ? "page" : undefined}
            >
              {tab.icon}
              <span>{t(tab.label)}</span>
            </NavLink>
          </li>
        );
      })}
      <li>
        <button
          type="button"
          className="participant-tab"
          data-current={inMore}
          aria-haspopup="dialog"
          aria-expanded={moreOpen}
          onClick={onMore}
        >
          <IconDots {...ICON} />
          <span>{t("nav.more")}</span>
        </button>
      </li>
    </ul>
  );
}

/**
 * The participant's navigation: Today, Check-in, Plans, Messages and More — a tab bar at the
 * bottom of a phone (clear of the home indicator), a row under the header on wider screens. The
 * current page is marked (`aria-current`); "More" opens a list of the other pages.
 */
export function ParticipantNav() {
  const { t } = useTranslation("today");
  const [moreOpen, setMoreOpen] = useState(false);
  const { pathname } = useLocation();
  const open = () => setMoreOpen(true);
  return (
    <>
      <nav className="participant-top-nav" aria-label={t("nav.label")}>
        <div style={{ maxWidth: 640, margin: "0 auto" }}>
          <Tabs onMore={open} moreOpen={moreOpen} />
        </div>
      </nav>
      <nav className="participant-bottom-bar" aria-label={t("nav.label")}>
        <Tabs onMore={open} moreOpen={moreOpen} />
      </nav>
      <Drawer
        opened={moreOpen}
        onClose={() => setMoreOpen(false)}
        position="bottom"
        title={t("nav.moreTitle")}
        closeButtonProps={{ "aria-label": t("nav.close") }}
        size="auto"
      >
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }} pb="md">
          {MORE_LINKS.map((link) => (
            <li key={link.to}>
              <MantineNavLink
                component={Link}
                to={link.to}
                label={t(link.label)}
                leftSection={link.icon}
                active={isUnder(pathname, link.to)}
                aria-current={isUnder(pathname, link.to) ? "page" : undefined}
                onClick={() => setMoreOpen(false)}
                styles={{ root: { minHeight: 48 }, label: { fontSize: "var(--mantine-font-size-md)" } }}
              />
            </li>
          ))}
        </Stack>
      </Drawer>
    </>
  );
}

/** Keeps the page's end clear of the fixed tab bar on phones. */
export function ParticipantNavSpace() {
  return <div className="participant-bar-space" aria-hidden />;
}

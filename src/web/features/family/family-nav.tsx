import "./family-nav.css";
import { Box, Group, UnstyledButton } from "@mantine/core";
import { IconBook, IconHeartHandshake, IconHome, IconLifebuoy, IconMessages } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

const ICON = { size: 20, "aria-hidden": true } as const;

const LINKS: { to: string; label: string; icon: ReactNode; end?: boolean }[] = [
  { to: "/family", label: "nav.home", icon: <IconHome {...ICON} />, end: true },
  { to: "/family/learn", label: "nav.learn", icon: <IconBook {...ICON} /> },
  { to: "/family/check-in", label: "nav.checkIn", icon: <IconHeartHandshake {...ICON} /> },
  { to: "/family/messages", label: "nav.messages", icon: <IconMessages {...ICON} /> },
  { to: "/family/resources", label: "nav.resources", icon: <IconLifebuoy {...ICON} /> },
];

/**
 * A family member's navigation: Home, Learn, Check-in, Messages and Resources, in a row under the
 * header that wraps on a phone; large touch targets, the current page marked (`aria-current`).
 */
export function FamilyNav() {
  const { t } = useTranslation("family");
  return (
    <Box
      component="nav"
      aria-label={t("nav.label")}
      px="xs"
      py={4}
      style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
    >
      <Group
        gap={4}
        justify="center"
        maw={640}
        mx="auto"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: "none" }}
      >
        {LINKS.map((link) => (
          <li key={link.to}>
            <UnstyledButton
              component={NavLink}
              to={link.to}
              end={link.end}
              px="sm"
              py={6}
              className="family-nav-link"
            >
              {link.icon}
              <span>{t(link.label)}</span>
            </UnstyledButton>
          </li>
        ))}
      </Group>
    </Box>
  );
}

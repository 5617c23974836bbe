import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconHome, IconLogout } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import type { SessionUser } from "../../core/identity/identity.schema";
import { useSignOut } from "../features/identity/api/sign-out";
import { CrisisFooter } from "./crisis";
import { ColorSchemeToggle, LanguageSwitch } from "./preferences";

/** Domains that later issues bring to life; listed now so staff see where the product is going. */
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

function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton>
          <Group gap={6} wrap="nowrap">
            <VisuallyHidden>{t("common.userMenu")}</VisuallyHidden>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600}>
                {user.displayName}
              </Text>
              <Text size="xs">{user.roles.map((r) => t(`roles.${r}`)).join(", ")}</Text>
            </Stack>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label hiddenFrom="sm">{user.displayName}</Menu.Label>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() =>
            signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) })
          }
        >
          {t("common.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function StaffShell({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      footer={{ height: 40 }}
      padding="md"
    >
      <Anchor href="#main" className="skip-link">
        {t("common.skipToContent")}
      </Anchor>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.openMenu")}
            />
            <Text fw={700} size="lg" component={Link} to="/staff" c="inherit" td="none">
              {t("product.name")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <ColorSchemeToggle />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t("nav.label")}>
        <NavLink
          component={Link}
          to="/staff"
          label={t("nav.home")}
          leftSection={<IconHome size={18} aria-hidden />}
          active={location.pathname === "/staff"}
          variant="filled"
          color="teal.9"
          aria-current={location.pathname === "/staff" ? "page" : undefined}
          onClick={close}
        />
        {UPCOMING.map((key) => (
          <Group key={key} justify="space-between" px="sm" py={8} wrap="nowrap" aria-disabled="true">
            <Text size="sm">{t(`nav.${key}`)}</Text>
            <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {t("common.comingSoon")}
            </Badge>
          </Group>
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      <AppShell.Footer p={8} component="footer">
        <CrisisFooter />
      </AppShell.Footer>
    </AppShell>
  );
}

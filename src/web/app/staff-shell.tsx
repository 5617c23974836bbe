import {
  Anchor,
  AppShell,
  Burger,
  Group,
  Menu,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconInfoCircle, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { Trans, useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { useSignOut } from "../features/identity/api/sign-out";
import { CrisisFooter } from "./crisis";
import { ColorSchemeToggle, LanguageSwitch } from "./preferences";
import { useSession, useSessionUser } from "./require-session";
import { StaffNavigation } from "./staff-navigation";

const NAVBAR_ID = "staff-navigation";

function UserMenu() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const signOut = useSignOut();
  const roles = user.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(", ");
  return (
    <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton>
          <Group gap={6} wrap="nowrap">
            <VisuallyHidden>{t("common.userMenu")}</VisuallyHidden>
            <Stack gap={0} className="visually-hidden-on-phones">
              <Text size="sm" fw={600}>
                {user.displayName}
              </Text>
              <Text size="xs">{roles}</Text>
            </Stack>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label hiddenFrom="sm">
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.displayName}
          </Text>
          <Text size="xs" c="var(--mantine-color-text)">
            {roles}
          </Text>
        </Menu.Label>
        <Menu.Item
          component={Link}
          to="/staff/account"
          leftSection={<IconUserCircle size={16} aria-hidden />}
        >
          {t("account.menu")}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()}>
          {t("common.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** On a demo installation, say so on every staff page: MFA is off and the people are fictional. */
function DemoBanner() {
  const { demo } = useSession();
  if (!demo) return null;
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      mb="md"
      px="sm"
      py={6}
      role="note"
      bg="var(--mantine-color-indigo-light)"
      style={{ borderRadius: "var(--mantine-radius-md)" }}
    >
      <IconInfoCircle size={18} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm">
        <Trans i18nKey="demo.banner" components={{ strong: <strong /> }} />
      </Text>
    </Group>
  );
}

/** Staff area: header with account menu, collapsible domain navigation, crisis line footer. */
export function StaffShell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      footer={{ height: { base: 64, sm: 40 } }}
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
              aria-label={opened ? t("nav.closeMenu") : t("nav.openMenu")}
              aria-expanded={opened}
              aria-controls={NAVBAR_ID}
            />
            <Text fw={700} size="lg" component={Link} to="/staff" c="inherit" td="none">
              {t("product.name")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" id={NAVBAR_ID} aria-label={t("nav.label")}>
        <AppShell.Section grow style={{ overflowY: "auto" }}>
          <StaffNavigation onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <DemoBanner />
        <Outlet />
      </AppShell.Main>
      <AppShell.Footer
        p={8}
        component="footer"
        style={{ display: "flex", alignItems: "center", justifyContent: "center" }}
      >
        <CrisisFooter />
      </AppShell.Footer>
    </AppShell>
  );
}

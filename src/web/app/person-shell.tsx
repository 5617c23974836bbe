import { Anchor, Box, Button, Container, Group, Text } from "@mantine/core";
import { IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { FamilyNav } from "../features/family/family-nav";
import { useSignOut } from "../features/identity/api/sign-out";
import { CrisisFooter } from "./crisis";
import { ParticipantNav, ParticipantNavSpace } from "./participant-nav";
import { ColorSchemeToggle, LanguageSwitch } from "./preferences";

const BORDER = "1px solid var(--mantine-color-default-border)";

/**
 * Mobile-first shell for participants and family members: one column, large touch targets,
 * clear of the notch and the home indicator (safe-area insets). Participants also get their
 * navigation (a tab bar on phones); family members get a row of their five places.
 */
export function PersonShell({ home }: { home: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Box mih="100dvh" style={{ display: "flex", flexDirection: "column" }}>
      <Anchor href="#main" className="skip-link">
        {t("common.skipToContent")}
      </Anchor>
      <Box component="header" px="md" pb="sm" className="safe-top" style={{ borderBottom: BORDER }}>
        <Group justify="space-between" wrap="nowrap" maw={640} mx="auto">
          <Text fw={700} size="lg" component={Link} to={home} c="inherit" td="none">
            {t("product.name")}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </Box>
      {home === "/me" && <ParticipantNav />}
      {home === "/family" && <FamilyNav />}
      <Container size={640} w="100%" py="md" component="main" id="main" tabIndex={-1} style={{ flex: 1 }}>
        <Outlet />
        <Button
          component={Link}
          to={`${home}/account`}
          mt="xl"
          variant="default"
          size="lg"
          fullWidth
          leftSection={<IconUserCircle size={20} aria-hidden />}
        >
          {t("account.menu")}
        </Button>
        <Button
          mt="sm"
          variant="default"
          size="lg"
          fullWidth
          leftSection={<IconLogout size={20} aria-hidden />}
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t("common.signOut")}
        </Button>
      </Container>
      <Box component="footer" px="sm" pt="sm" className="safe-bottom" style={{ borderTop: BORDER }}>
        <CrisisFooter />
      </Box>
      {home === "/me" && <ParticipantNavSpace />}
    </Box>
  );
}

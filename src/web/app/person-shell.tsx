import { Box, Button, Container, Group, Text } from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Outlet, useNavigate } from "react-router";
import { useSignOut } from "../features/identity/api/sign-out";
import { CrisisFooter } from "./crisis";
import { ColorSchemeToggle, LanguageSwitch } from "./preferences";

/** Mobile-first shell for participants and family members: one column, large touch targets. */
export function PersonShell() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Box mih="100dvh" style={{ display: "flex", flexDirection: "column" }}>
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
      >
        <Group justify="space-between" wrap="nowrap" maw={640} mx="auto">
          <Text fw={700} size="lg">
            {t("product.name")}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </Box>
      <Container size={640} w="100%" py="md" component="main" id="main" style={{ flex: 1 }}>
        <Outlet />
        <Button
          mt="xl"
          variant="default"
          size="md"
          fullWidth
          leftSection={<IconLogout size={18} aria-hidden />}
          loading={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) })
          }
        >
          {t("common.signOut")}
        </Button>
      </Container>
      <Box component="footer" p="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
        <CrisisFooter />
      </Box>
    </Box>
  );
}

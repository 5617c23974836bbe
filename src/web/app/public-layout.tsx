import { Center, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CrisisFooter } from "./crisis";
import { ColorSchemeToggle, LanguageSwitch } from "./preferences";
import { usePageTitle } from "./use-page-title";

/** Pages before the shell (sign-in, password reset, invitation, MFA set-up): one narrow column. */
export function PublicLayout({
  title,
  intro,
  width = 440,
  children,
}: {
  title: string;
  intro?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Stack mih="100dvh" justify="space-between" gap={0}>
      <Group component="header" justify="space-between" p="sm" gap="xs">
        <Text fw={700} size="lg">
          {t("product.name")}
        </Text>
        <Group gap="xs">
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
      </Group>
      <Center component="main" id="main" px="md" py="lg" style={{ flex: 1 }}>
        <Stack w="100%" maw={width} gap="lg">
          <Stack gap={4}>
            <Title order={1}>{title}</Title>
            {intro && <Text>{intro}</Text>}
          </Stack>
          {children}
        </Stack>
      </Center>
      <Stack component="footer" p="sm">
        <CrisisFooter />
      </Stack>
    </Stack>
  );
}

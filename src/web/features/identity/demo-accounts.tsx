import { Button, Code, Group, Paper, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useId } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useMeta } from "./api/get-meta";

/** On a demo installation: say the people are fictional and offer the demo accounts to try. */
export function DemoAccounts({ onUse }: { onUse: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const meta = useMeta();
  if (!meta.data?.demoMode) return null;
  const password = meta.data.demoPassword ?? "";
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      withBorder
      p="md"
      bg="var(--mantine-color-indigo-light)"
    >
      <Group gap="xs" wrap="nowrap" align="center">
        <IconInfoCircle size={20} aria-hidden />
        <Text fw={700} size="sm" id={titleId}>
          {t("signIn.demoTitle")}
        </Text>
      </Group>
      <Text size="sm" mt="xs">
        <Trans
          i18nKey="signIn.demoBody"
          values={{ password }}
          components={{ code: <Code style={{ whiteSpace: "nowrap" }} /> }}
        />
      </Text>
      <Stack component="ul" gap={8} mt="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {meta.data.demoAccounts.map((account) => {
          const role = t(`roles.${account.role}`, { defaultValue: account.role });
          return (
            <Group component="li" key={account.email} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={600}>
                  {role}
                </Text>
                <Text size="sm" ff="monospace" style={{ overflowWrap: "anywhere" }}>
                  {account.email}
                </Text>
              </Stack>
              <Button
                size="compact-sm"
                variant="default"
                aria-label={t("signIn.useAccountLabel", { email: account.email, role })}
                onClick={() => onUse(account.email, password)}
              >
                {t("signIn.useAccount")}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

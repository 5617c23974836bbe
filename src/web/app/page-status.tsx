import { Button, Center, Loader, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CrisisFooter } from "./crisis";
import { usePageTitle } from "./use-page-title";

/** Shown while the app learns who is signed in. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
    </Center>
  );
}

/** Shown when the server cannot be reached at all: say so, offer a retry, keep the crisis line. */
export function PageUnavailable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t("unavailable.title"));
  return (
    <Stack mih="100dvh" justify="space-between" gap={0}>
      <Center component="main" id="main" px="md" style={{ flex: 1 }}>
        <Stack maw={480} align="flex-start">
          <Title order={1}>{t("unavailable.title")}</Title>
          <Text>{t("unavailable.body")}</Text>
          <Button onClick={onRetry}>{t("common.retry")}</Button>
        </Stack>
      </Center>
      <Stack component="footer" p="sm">
        <CrisisFooter />
      </Stack>
    </Stack>
  );
}

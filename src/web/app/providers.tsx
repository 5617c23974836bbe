import { localStorageColorSchemeManager, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { i18n as I18n } from "i18next";
import { type ReactNode, useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { cssVariablesResolver, themeWithLabels } from "./theme";

const colorSchemeManager = localStorageColorSchemeManager({ key: "bridgeway.color-scheme" });

/** Language, theme (light, dark or the device's, remembered), notifications and server state. */
export function AppProviders({
  i18n,
  queryClient,
  children,
}: {
  i18n: I18n;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedApp queryClient={queryClient}>{children}</ThemedApp>
    </I18nextProvider>
  );
}

/** The theme carries translated labels for controls Mantine draws itself (e.g. a dialog's close button). */
function ThemedApp({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t("common.close");
  const theme = useMemo(() => themeWithLabels({ close: closeLabel }), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
    >
      <Notifications />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

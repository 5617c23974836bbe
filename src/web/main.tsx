import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { AppProviders } from "./app/providers";
import { createQueryClient } from "./app/query-client";
import { router } from "./app/router";
import { setupI18n } from "./i18n";
import { registerServiceWorker } from "./pwa/register-service-worker";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppProviders i18n={setupI18n()} queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);

if (import.meta.env.PROD) registerServiceWorker();

import type { RouteObject } from "react-router";
import { AlertDetailPage } from "./alert-detail-page";
import { AlertsPage } from "./alerts-page";

/** Routes under /staff/alerts (the inbox and one alert; emailed links open /staff/alerts/:id). */
export const alertsRoutes: RouteObject[] = [
  { index: true, element: <AlertsPage /> },
  { path: ":id", element: <AlertDetailPage /> },
];

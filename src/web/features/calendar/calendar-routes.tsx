import type { RouteObject } from "react-router";
import { CalendarPage } from "./calendar-page";

/** Routes under /staff/calendar: the week and day views (their state is in the address). */
export const calendarRoutes: RouteObject[] = [{ index: true, element: <CalendarPage /> }];

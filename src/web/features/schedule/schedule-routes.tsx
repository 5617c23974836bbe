import type { RouteObject } from "react-router";
import { AttendancePage } from "./attendance-page";
import { GroupsPage } from "./groups-page";

/** Routes under /staff/groups: the week's group sessions, and taking attendance at one of them. */
export const groupsRoutes: RouteObject[] = [
  { index: true, element: <GroupsPage /> },
  { path: ":trackId/:occurrenceKey/attendance", element: <AttendancePage /> },
];

import type { RouteObject } from "react-router";
import { GroupNotePage } from "../notes/group-note-page";
import { AttendancePage } from "./attendance-page";
import { GroupsPage } from "./groups-page";

/** Routes under /staff/groups: the week's group sessions, taking attendance at one of them, and its group note. */
export const groupsRoutes: RouteObject[] = [
  { index: true, element: <GroupsPage /> },
  { path: ":trackId/:occurrenceKey/attendance", element: <AttendancePage /> },
  { path: ":trackId/:occurrenceKey/note", element: <GroupNotePage /> },
];

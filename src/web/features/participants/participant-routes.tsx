import type { RouteObject } from "react-router";

/** Routes under /staff/participants (list, record, access log). */
export const participantRoutes: RouteObject[] = [];

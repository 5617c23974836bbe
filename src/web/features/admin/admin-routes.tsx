import type { RouteObject } from "react-router";

/** Routes under /staff/admin (users, sites, roles, settings, audit log, access alerts). */
export const adminRoutes: RouteObject[] = [];

import type { RouteObject } from "react-router";

/** Routes under /staff/admissions (pipeline board, lead detail, referral, screening, admission). */
export const intakeRoutes: RouteObject[] = [];

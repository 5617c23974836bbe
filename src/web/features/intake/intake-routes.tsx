import type { RouteObject } from "react-router";
import { PipelinePage } from "./pipeline-page";

/** Routes under /staff/admissions (pipeline board, lead detail, referral, screening, admission). */
export const intakeRoutes: RouteObject[] = [{ index: true, element: <PipelinePage /> }];

import type { RouteObject } from "react-router";
import { LeadDetailPage } from "./lead-detail-page";
import { PipelinePage } from "./pipeline-page";
import { ReferralPage } from "./referral-page";

/** Routes under /staff/admissions (pipeline board, lead detail, referral, screening, admission). */
export const intakeRoutes: RouteObject[] = [
  { index: true, element: <PipelinePage /> },
  { path: "referrals/new", element: <ReferralPage /> },
  { path: ":id", element: <LeadDetailPage /> },
];

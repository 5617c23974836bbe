import type { RouteObject } from "react-router";
import { AdministerPage } from "../assessments/administer-page";
import { PlanEditorPage } from "../treatment-plans/plan-editor-page";
import { AccessLogPage } from "./access-log-page";
import { ParticipantRecordPage } from "./participant-record-page";
import { ParticipantsPage } from "./participants-page";

/** Routes under /staff/participants (list, record, access log, entering a questionnaire, editing a plan). */
export const participantRoutes: RouteObject[] = [
  { index: true, element: <ParticipantsPage /> },
  { path: ":id", element: <ParticipantRecordPage /> },
  { path: ":id/access-log", element: <AccessLogPage /> },
  { path: ":id/assessments/new/:instrumentKey", element: <AdministerPage /> },
  { path: ":id/plan/:versionId/edit", element: <PlanEditorPage /> },
];

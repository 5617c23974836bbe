import type { RouteObject } from "react-router";
import { AdministerPage } from "../assessments/administer-page";
import { CounselingNotePage } from "../notes/counseling-note-page";
import { CounselingNotesPage } from "../notes/counseling-notes-page";
import { SessionNotePage } from "../notes/session-note-page";
import { PlanEditorPage } from "../treatment-plans/plan-editor-page";
import { AccessLogPage } from "./access-log-page";
import { ParticipantRecordPage } from "./participant-record-page";
import { ParticipantsPage } from "./participants-page";

/** Routes under /staff/participants (list, record, access log, entering a questionnaire, editing a plan, a session note, the restricted counseling notes). */
export const participantRoutes: RouteObject[] = [
  { index: true, element: <ParticipantsPage /> },
  { path: ":id", element: <ParticipantRecordPage /> },
  { path: ":id/access-log", element: <AccessLogPage /> },
  { path: ":id/assessments/new/:instrumentKey", element: <AdministerPage /> },
  { path: ":id/plan/:versionId/edit", element: <PlanEditorPage /> },
  { path: ":id/notes/:noteId", element: <SessionNotePage /> },
  { path: ":id/counseling-notes", element: <CounselingNotesPage /> },
  { path: ":id/counseling-notes/:noteId", element: <CounselingNotePage /> },
];

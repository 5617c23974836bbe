import type { SaveDraftInput } from "../../../../core/treatment-plans/plan.schema";
import type { VersionDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { versionPath } from "./get-plan";

export interface SaveDraftRequest {
  planId: string;
  versionId: string;
  draft: SaveDraftInput;
}

/**
 * Save a draft with the revision it was read at. The server refuses with 409
 * TREATMENT_PLAN_EDIT_CONFLICT when someone saved in between; the answer is the version as saved, with
 * its new revision. Called by the editor's autosave, which orders the saves itself.
 */
export const saveDraft = ({ planId, versionId, draft }: SaveDraftRequest) =>
  apiRequest<VersionDetail>("PUT", versionPath(planId, versionId), draft);

import type { VersionDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { versionPath } from "./get-plan";
import { useVersionMutation, type VersionRef } from "./refresh-plan";

export const reopenVersion = ({ planId, versionId, revision }: VersionRef) =>
  apiRequest<VersionDetail>("POST", `${versionPath(planId, versionId)}/reopen`, { revision });

/** "Return to draft": a version awaiting signatures goes back to editing; its signatures are cleared. */
export const useReopenVersion = () => useVersionMutation(reopenVersion);
